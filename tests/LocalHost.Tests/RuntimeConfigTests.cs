using System.Text.Json;

namespace MonitoramentoBKP.LocalHost.Tests;

/// <summary>How the local host runs: the runtimeconfig.json the build writes beside MonitoramentoBKP.LocalHost.dll.</summary>
public sealed class RuntimeConfigTests
{
    private static JsonElement ConfigProperties()
    {
        // Copied here from the LocalHost project's build output (a project reference).
        var path = Path.Combine(AppContext.BaseDirectory, "MonitoramentoBKP.LocalHost.runtimeconfig.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
    }

    [Fact]
    public void The_thread_pool_starts_with_16_threads_so_health_answers_while_manifests_are_being_read()
    {
        Assert.True(ConfigProperties().TryGetProperty("System.Threading.ThreadPool.MinThreads", out var min),
            "System.Threading.ThreadPool.MinThreads is not set: with one thread per core, manifests being read leave none for GET /api/health");
        Assert.True(min.GetInt32() >= 16, $"the thread pool starts with {min} threads");
    }

    [Fact]
    public void The_local_host_runs_the_workstation_garbage_collector()
    {
        Assert.True(ConfigProperties().TryGetProperty("System.GC.Server", out var server), "System.GC.Server is not set (the Web SDK turns it on)");
        Assert.Equal(JsonValueKind.False, server.ValueKind);
    }
}
