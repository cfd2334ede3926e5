using System.Text.Json;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>How the worker process runs: the runtimeconfig.json the build writes beside MonitoramentoBKP.Functions.dll.</summary>
public sealed class RuntimeConfigTests
{
    private static JsonElement ConfigProperties()
    {
        // Copied here from the Functions project's build output (a project reference).
        var path = Path.Combine(AppContext.BaseDirectory, "MonitoramentoBKP.Functions.runtimeconfig.json");
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
    public void The_worker_runs_the_workstation_garbage_collector()
    {
        Assert.True(ConfigProperties().TryGetProperty("System.GC.Server", out var server), "System.GC.Server is not set (server GC keeps the memory of a burst of large manifests)");
        Assert.Equal(JsonValueKind.False, server.ValueKind);
    }
}
