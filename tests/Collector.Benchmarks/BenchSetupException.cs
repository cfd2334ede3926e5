namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Nothing can be measured as designed: the local host did not start, a setup request was refused, the fixture was judged invalid.</summary>
public sealed class BenchSetupException : Exception
{
    public BenchSetupException()
    {
    }

    public BenchSetupException(string message)
        : base(message)
    {
    }

    public BenchSetupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
