using System.Text;
using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Collector.Tests.Releases;

public sealed class RolloutRequestTests
{
    private static (RolloutRequest? Request, string Problem) Parse(string json) =>
        RolloutRequest.TryParse(Encoding.UTF8.GetBytes(json), out var request, out var problem) ? (request, problem) : (null, problem);

    [Fact]
    public void A_full_request_is_read()
    {
        var (request, _) = Parse("""{"version": "1.4.0", "percent": 20, "pilots": ["F001", "F002"], "pulled": false}""");

        Assert.Equal(new RolloutRequest { Version = "1.4.0", Percent = 20, Pilots = request!.Pilots, Pulled = false }, request);
        Assert.Equal(["F001", "F002"], request.Pilots!);
    }

    [Fact]
    public void Pilots_left_out_are_null_so_the_release_keeps_its_own_and_a_pull_needs_no_percent()
    {
        var (raise, _) = Parse("""{"version": "1.4.0", "percent": 50}""");
        var (pull, _) = Parse("""{"version": "1.4.0", "pulled": true}""");

        Assert.Null(raise!.Pilots);
        Assert.True(pull!.Pulled);
        Assert.Null(pull.Percent);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("[1]", "$")]
    [InlineData("""{"version": "1.4.0", "percent": 20""", "$")]
    [InlineData("""{"percent": 20}""", "$.version")]
    [InlineData("""{"version": "1.4.0"}""", "$.percent")]
    [InlineData("""{"version": "1.4", "percent": 20, "version": "1.5"}""", "$")]
    [InlineData("""{"version": 1.4, "percent": 20}""", "$.version")]
    [InlineData("""{"version": "../1.4.0", "percent": 20}""", "$.version")]
    [InlineData("""{"version": "1.04.0", "percent": 20}""", "$.version")]
    [InlineData("""{"version": "1.4.0", "percent": 101}""", "$.percent")]
    [InlineData("""{"version": "1.4.0", "percent": -1}""", "$.percent")]
    [InlineData("""{"version": "1.4.0", "percent": 20.5}""", "$.percent")]
    [InlineData("""{"version": "1.4.0", "percent": "20"}""", "$.percent")]
    [InlineData("""{"version": "1.4.0", "percent": 20, "pilots": "F001"}""", "$.pilots")]
    [InlineData("""{"version": "1.4.0", "percent": 20, "pilots": ["F001", 2]}""", "$.pilots[1]")]
    [InlineData("""{"version": "1.4.0", "percent": 20, "pilots": ["F001", "f001"]}""", "$.pilots[1]")]
    [InlineData("""{"version": "1.4.0", "percent": 20, "pilots": ["F 001"]}""", "$.pilots[0]")]
    [InlineData("""{"version": "1.4.0", "percent": 20, "pulled": "no"}""", "$.pulled")]
    [InlineData("""{"version": "1.4.0", "percent": 20, "channel": "stable"}""", "$.channel")]
    public void A_bad_request_is_refused_naming_its_json_path(string json, string path)
    {
        var (request, problem) = Parse(json);

        Assert.Null(request);
        Assert.StartsWith(path + (path == "$" ? "" : ":"), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_pilots_than_the_cap_are_refused()
    {
        var pilots = string.Join(",", Enumerable.Range(0, RolloutRequest.MaxPilots + 1).Select(i => $"\"F{i}\""));

        var (request, problem) = Parse($$"""{"version": "1.4.0", "percent": 1, "pilots": [{{pilots}}]}""");

        Assert.Null(request);
        Assert.StartsWith("$.pilots: must hold at most 100", problem, StringComparison.Ordinal);
    }
}
