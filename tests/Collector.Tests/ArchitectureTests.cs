namespace MonitoramentoBKP.Collector.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void The_collector_domain_references_no_Azure_Functions_or_Google_assembly()
    {
        var references = typeof(Collector.Rules.Judge).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("MonitoramentoBKP.Contracts", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Azure", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Azure", StringComparison.Ordinal)
            || name.StartsWith("Google", StringComparison.Ordinal));
    }
}
