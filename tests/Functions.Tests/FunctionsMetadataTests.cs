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
    [InlineData("ReceiveManifest", "httpTrigger", "manifests", "post", "Anonymous")]
    [InlineData("Enroll", "httpTrigger", "enroll", "post", "Anonymous")]
    [InlineData("GetProbePolicy", "httpTrigger", "probe/policy", "get", "Anonymous")]
    [InlineData("CreateEnrollment", "httpTrigger", "branches/{id}/enrollment", "post", "Function")]
    [InlineData("RevokeBranch", "httpTrigger", "branches/{id}/revoke", "post", "Function")]
    [InlineData("GetStatus", "httpTrigger", "status", "get", "Function")]
    [InlineData("GetBranch", "httpTrigger", "branches/{id}", "get", "Function")]
    [InlineData("PutBranch", "httpTrigger", "branches/{id}", "put", "Function")]
    [InlineData("ImportRegistry", "httpTrigger", "branches/import", "post", "Function")]
    [InlineData("Health", "httpTrigger", "health", "get", "Anonymous")]
    [InlineData("InitSheet", "httpTrigger", "sheets/init", "post", "Function")]
    [InlineData("AcknowledgeSet", "httpTrigger", "branches/{id}/sets/{set}/acknowledge", "post", "Function")]
    [InlineData("SilenceBranch", "httpTrigger", "branches/{id}/silence", "post", "Function")]
    [InlineData("EndSilence", "httpTrigger", "branches/{id}/silence", "delete", "Function")]
    [InlineData("PublishRelease", "httpTrigger", "releases/{channel}", "post", "Function")]
    [InlineData("GetProbeUpdate", "httpTrigger", "probe/update", "get", "Anonymous")]
    [InlineData("GetReleaseFile", "httpTrigger", "probe/releases/{version}/{file}", "get", "Anonymous")]
    [InlineData("GetProbeKeys", "httpTrigger", "probe/keys", "get", "Anonymous")]
    [InlineData("ProbeUninstalled", "httpTrigger", "probe/uninstalled", "post", "Anonymous")]
    public void Every_http_function_is_listed_with_its_route_method_and_key_level(string name, string type, string route, string method, string level)
    {
        var function = Metadata().EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");

        Assert.Equal(type, trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(level, trigger.GetProperty("authLevel").GetString());
    }

    /// <summary>The probe's routes take no admin key (they want a signature); every other route but health wants the key.</summary>
    [Fact]
    public void Only_the_probe_routes_and_health_take_no_admin_key()
    {
        var anonymous = Metadata().EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger" && b.GetProperty("authLevel").GetString() == "Anonymous"))
            .Select(f => f.GetProperty("name").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Enroll", "GetProbeKeys", "GetProbePolicy", "GetProbeUpdate", "GetReleaseFile", "Health", "ProbeUninstalled", "ReceiveManifest"], anonymous);
    }

    [Theory]
    [InlineData("SweepOverdueBranches", "%SweepSchedule%")]
    [InlineData("DispatchSheet", "%SheetSchedule%")]
    [InlineData("DispatchAlerts", "%AlertSchedule%")]
    public void Timers_run_on_schedules_from_settings(string name, string schedule)
    {
        var function = Metadata().EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var trigger = function.GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void The_app_has_exactly_the_functions_listed_here()
    {
        string[] expected = [
            "AcknowledgeSet", "CreateEnrollment", "DispatchAlerts", "DispatchSheet", "EndSilence", "Enroll", "GetBranch", "GetProbeKeys", "GetProbePolicy",
            "GetProbeUpdate", "GetReleaseFile", "GetStatus", "Health", "ImportRegistry", "InitSheet", "ProbeUninstalled", "PublishRelease",
            "PutBranch", "ReceiveManifest", "RevokeBranch", "SilenceBranch", "SweepOverdueBranches"];

        Assert.Equal(expected, Metadata().EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }
}
