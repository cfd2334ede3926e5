using System.Text.Json;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>What the Azure Functions host will load: the functions.metadata the worker SDK writes at build time.</summary>
public sealed class FunctionsMetadataTests
{
    private static JsonElement Metadata()
    {
        // The Functions project is built before this one (a project reference), in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "MonitoramentoBKP.sln")))
        {
            repository = repository.Parent!;
        }

        var path = Path.Combine(repository.FullName, "functions", "Functions", "bin", configuration, "net10.0", "functions.metadata");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    [Theory]
    [InlineData("ReceiveManifest", "httpTrigger", "manifests", "post", "Function")]
    [InlineData("GetStatus", "httpTrigger", "status", "get", "Function")]
    [InlineData("GetBranch", "httpTrigger", "branches/{id}", "get", "Function")]
    [InlineData("PutBranch", "httpTrigger", "branches/{id}", "put", "Function")]
    [InlineData("ImportRegistry", "httpTrigger", "branches/import", "post", "Function")]
    [InlineData("Health", "httpTrigger", "health", "get", "Anonymous")]
    [InlineData("InitSheet", "httpTrigger", "sheets/init", "post", "Function")]
    [InlineData("AcknowledgeSet", "httpTrigger", "branches/{id}/sets/{set}/acknowledge", "post", "Function")]
    public void Every_http_function_is_listed_with_its_route_method_and_key_level(string name, string type, string route, string method, string level)
    {
        var function = Metadata().EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");

        Assert.Equal(type, trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(level, trigger.GetProperty("authLevel").GetString());
    }

    [Theory]
    [InlineData("SweepOverdueBranches", "%SweepSchedule%")]
    [InlineData("DispatchSheet", "%SheetSchedule%")]
    public void Timers_run_on_schedules_from_settings(string name, string schedule)
    {
        var function = Metadata().EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var trigger = function.GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
        Assert.Equal(10, Metadata().GetArrayLength());
    }
}
