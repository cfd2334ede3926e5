using System.Text.Json;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.ReleaseTool.Tests;

public sealed class PublishCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private FakeCollector _collector = null!;

    public async Task InitializeAsync() => _collector = await FakeCollector.StartAsync();

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    [Fact]
    public void Publish_posts_the_rollout_to_the_channels_admin_route_with_the_Functions_key_and_prints_the_answer()
    {
        var result = Publish("--admin-key", "secret-key", "--channel", "stable", "--version", "1.4.0", "--percent", "20", "--pilot", "F001", "--pilot", "F017");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var request = Assert.Single(_collector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/releases/stable", request.Path);
        Assert.Equal("secret-key", request.AdminKey);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["version", "percent", "pilots", "pulled"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.4.0", body.RootElement.GetProperty("version").GetString());
        Assert.Equal(20, body.RootElement.GetProperty("percent").GetInt32());
        Assert.Equal(["F001", "F017"], body.RootElement.GetProperty("pilots").EnumerateArray().Select(p => p.GetString()));
        Assert.False(body.RootElement.GetProperty("pulled").GetBoolean());
        Assert.Contains("published to 20% of the branches and the pilots F001, F017", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"percent\": 20", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_needs_no_percentage_and_takes_the_admin_key_from_the_environment()
    {
        var result = ReleaseToolProcess.Run(_temp.Path, new Dictionary<string, string> { ["BKP_ADMIN_KEY"] = "from-env" },
            "publish", "--collector", _collector.Url.ToString(), "--channel", "pilot", "--version", "1.5", "--pull");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var request = Assert.Single(_collector.Requests);
        Assert.Equal("/api/releases/pilot", request.Path);
        Assert.Equal("from-env", request.AdminKey);
        Assert.Equal("""{"version":"1.5","percent":0,"pilots":[],"pulled":true}""", request.Body);
        Assert.Contains("pulled", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_by_the_collector_exits_1_and_shows_its_problem()
    {
        _collector.Status = 409;
        _collector.BodyContentType = "application/problem+json";
        _collector.Body = """{"title":"Release not uploaded","detail":"releases/stable/9.9.9/release.json does not exist.","status":409}""";

        var result = Publish("--admin-key", "k", "--channel", "stable", "--version", "9.9.9", "--percent", "100");

        Assert.Equal(ReleaseExitCodes.Failed, result.ExitCode);
        Assert.Contains("HTTP 409", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Release not uploaded: releases/stable/9.9.9/release.json does not exist.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collector_that_cannot_be_reached_exits_1()
    {
        var result = ReleaseToolProcess.Run(_temp.Path, "publish", "--collector", "http://127.0.0.1:9/", "--admin-key", "k", "--channel", "stable", "--version", "1.4.0", "--percent", "20");

        Assert.Equal(ReleaseExitCodes.Failed, result.ExitCode);
        Assert.Contains("could not be reached", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a whole number from 0 to 100", "--percent", "101")]
    [InlineData("a whole number from 0 to 100", "--percent", "-5")]
    [InlineData("--percent is required", "--percent", null)]
    [InlineData("not a branch id", "--pilot", "F 001")]
    [InlineData("is given twice", "--pilot", "F002")]
    [InlineData("--admin-key (or BKP_ADMIN_KEY) is required", "--admin-key", null)]
    [InlineData("a release version", "--version", "v1")]
    [InlineData("a channel is a simple id", "--channel", "stable/../x")]
    [InlineData("expected the collector's address", "--collector", "ftp://collector")]
    public void Publish_refuses_bad_input_with_exit_code_2_before_calling_the_collector(string expected, string option, string? value)
    {
        var arguments = new List<(string, string)>
        {
            ("--collector", _collector.Url.ToString()), ("--admin-key", "k"), ("--channel", "stable"), ("--version", "1.4.0"), ("--percent", "20"), ("--pilot", "F002"),
        };
        if (option != "--pilot")
        {
            arguments.RemoveAll(a => a.Item1 == option);
        }

        if (value is not null)
        {
            arguments.Add((option, value));
        }

        var result = ReleaseToolProcess.Run(_temp.Path, ["publish", .. arguments.SelectMany(a => new[] { a.Item1, a.Item2 })]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_collector.Requests);
    }

    private ReleaseToolProcess.Result Publish(params string[] arguments) =>
        ReleaseToolProcess.Run(_temp.Path, ["publish", "--collector", _collector.Url.ToString(), .. arguments]);

    public void Dispose() => _temp.Dispose();
}
