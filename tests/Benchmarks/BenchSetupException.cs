namespace MonitoramentoBKP.Benchmarks;

/// <summary>Nothing can be measured: no probe binary, no room for the data, data that cannot be written.</summary>
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
