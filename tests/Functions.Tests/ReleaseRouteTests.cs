using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Functions.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>Releases through the function classes: ops publishes, raises and pulls; probes ask for their release and download its files.</summary>
public sealed class ReleaseRouteTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly TestCollector _collector = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));

    private DateTime Now => _collector.Time.GetUtcNow().UtcDateTime;

    private async Task<string[]> ImportSampleAsync()
    {
        Assert.IsType<OkObjectResult>(await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", TestCollector.SampleRegistry), default));
        return [.. (await _collector.Registry.ListAsync(default)).Where(b => !b.Retired).Select(b => b.Id)];
    }

    private ReleaseDocument Upload(string version, string channel = "stable", string? folder = null, bool files = true)
    {
        var document = TestReleases.Document(channel, version, Now.AddHours(-1));
        TestReleases.Upload(_collector.Releases, document, folder, files);
        return document;
    }

    private async Task<ObjectResult> PublishAsync(string channel, string body) =>
        (ObjectResult)await new PublishRelease(_collector.ReleaseService, NullLogger<PublishRelease>.Instance).Run(TestCollector.Request("POST", body), channel, default);

    private async Task<IActionResult> UpdateAsync(string branch, string query = "?channel=stable") =>
        await new GetProbeUpdate(_collector.Authenticator, _collector.ReleaseService, _collector.Probes, NullLogger<GetProbeUpdate>.Instance)
            .Run(_collector.Signed(_collector.ProbeOf(branch), "GET", ProbeApi.UpdatePath + query, []), default);

    private async Task<(IActionResult Result, HttpRequest Request)> FileAsync(string branch, string version, string file, bool redirect = false)
    {
        var request = _collector.Signed(_collector.ProbeOf(branch), "GET", ProbeApi.ReleaseFilePath(version, file), []);
        var result = await new GetReleaseFile(_collector.Authenticator, _collector.ReleaseService, new ReleaseSettings(redirect), _collector.Probes, NullLogger<GetReleaseFile>.Instance)
            .Run(request, version, file, default);
        return (result, request);
    }

    private static string? TypeOf(IActionResult result) => ((ProblemDetails)((ObjectResult)result).Value!).Type?.Split('/')[^1];

    private static string DetailOf(IActionResult result) => ((ProblemDetails)((ObjectResult)result).Value!).Detail!;

    private static string? OfferedVersion(IActionResult result) => result is FileContentResult file
        ? SignedEnvelope.TryParse(file.FileContents, out var envelope, out _) ? JsonSerializer.Deserialize(envelope.Signed.Span, ContractsJsonContext.Default.ReleaseDocument)!.Version : "?"
        : null;

    [Fact]
    public async Task A_release_at_20_percent_reaches_its_pilots_and_the_branches_its_order_picks_then_everyone_at_100()
    {
        var branches = await ImportSampleAsync();
        Upload("1.4.0");

        var published = await PublishAsync("stable", """{"version": "1.4.0", "percent": 20, "pilots": ["f002"]}""");

        Assert.Equal(201, published.StatusCode);
        var expected = branches.Where(b => b == "F002" || RolloutOrder.Includes(b, "1.4.0", 20)).ToList();
        Assert.Equal(expected.Count, JsonSerializer.SerializeToElement(published.Value).GetProperty("branchesOffered").GetInt32());
        Assert.Equal(["F002"], JsonSerializer.SerializeToElement(published.Value).GetProperty("pilots").EnumerateArray().Select(p => p.GetString()));
        foreach (var branch in branches)
        {
            var answer = await UpdateAsync(branch);
            Assert.Equal(expected.Contains(branch) ? "1.4.0" : null, OfferedVersion(answer));
        }

        var raised = await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");
        Assert.Equal(200, raised.StatusCode);
        Assert.Equal(branches.Length, JsonSerializer.SerializeToElement(raised.Value).GetProperty("branchesOffered").GetInt32());
        Assert.All(branches, b => Assert.Equal("1.4.0", OfferedVersion(UpdateAsync(b).GetAwaiter().GetResult())));
        Assert.Equal(["F002"], _collector.Releases.Rollouts.Single().Pilots);
    }

    [Fact]
    public async Task The_update_answer_is_the_envelope_exactly_as_uploaded_as_json()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");

        var answer = Assert.IsType<FileContentResult>(await UpdateAsync("F003"));

        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal(_collector.Releases.Blobs["stable/1.4.0/release.json"], answer.FileContents);
    }

    [Fact]
    public async Task A_pulled_release_is_offered_to_nobody_and_cannot_come_back()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        Upload("1.5.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");
        await PublishAsync("stable", """{"version": "1.5.0", "percent": 100}""");
        Assert.Equal("1.5.0", OfferedVersion(await UpdateAsync("F003")));

        var pulled = await PublishAsync("stable", """{"version": "1.5.0", "pulled": true}""");

        Assert.Equal(200, pulled.StatusCode);
        Assert.Equal(0, JsonSerializer.SerializeToElement(pulled.Value).GetProperty("branchesOffered").GetInt32());
        Assert.Equal("1.4.0", OfferedVersion(await UpdateAsync("F003")));
        Assert.Equal(404, ((ObjectResult)(await FileAsync("F003", "1.5.0", TestReleases.LinuxFile)).Result).StatusCode);
        var pulledAgain = await PublishAsync("stable", """{"version": "1.5.0", "pulled": true}""");
        Assert.Equal(200, pulledAgain.StatusCode);
        var again = await PublishAsync("stable", """{"version": "1.5.0", "percent": 100}""");
        Assert.Equal((409, "release-pulled"), (again.StatusCode, TypeOf(again)));
    }

    [Fact]
    public async Task The_newest_release_the_branch_is_in_wins_and_pilots_get_one_at_zero_percent()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        Upload("1.10.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");
        await PublishAsync("stable", """{"version": "1.10.0", "percent": 0, "pilots": ["F001"]}""");

        Assert.Equal("1.10.0", OfferedVersion(await UpdateAsync("F001")));
        Assert.Equal("1.4.0", OfferedVersion(await UpdateAsync("F002")));
        Assert.Null(OfferedVersion(await UpdateAsync("F002", "?channel=pilot")));
    }

    [Fact]
    public async Task A_branch_already_running_the_release_or_a_newer_one_is_told_there_is_nothing()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");

        Assert.Equal(202, await new Branch(_collector).SendAsync(Branch.Run(Night) with { ProbeVersion = "1.4.0" }));

        Assert.IsType<StatusCodeResult>(await UpdateAsync(Branch.Id));
        Assert.Equal(204, ((StatusCodeResult)await UpdateAsync(Branch.Id)).StatusCode);
    }

    [Theory]
    [InlineData(UpdateOutcome.RolledBack, null)]
    [InlineData(UpdateOutcome.SelfTestFailed, null)]
    [InlineData(UpdateOutcome.Refused, "1.5.0")]
    public async Task A_release_the_branch_reported_failing_is_not_offered_to_it_again(UpdateOutcome outcome, string? offered)
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        Upload("1.5.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");
        await PublishAsync("stable", """{"version": "1.5.0", "percent": 100}""");
        var failed = new UpdateReport { Outcome = outcome, Version = "1.5.0", PreviousVersion = "1.4.0", AtUtc = Night.AddMinutes(-10) };

        Assert.Equal(202, await new Branch(_collector).SendAsync(Branch.Run(Night) with { ProbeVersion = "1.4.0", Update = failed }));

        Assert.Equal(offered, OfferedVersion(await UpdateAsync(Branch.Id)));
        Assert.Equal("1.5.0", OfferedVersion(await UpdateAsync("F004")));
    }

    [Fact]
    public async Task An_expired_release_is_no_longer_offered()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");

        _collector.Time.Advance(TimeSpan.FromDays(31));

        Assert.Null(OfferedVersion(await UpdateAsync("F003")));
    }

    [Theory]
    [InlineData("?channel=..%2Fbaselines")]
    [InlineData("?channel=")]
    [InlineData("")]
    public async Task A_bad_channel_is_a_400(string query)
    {
        await ImportSampleAsync();

        var result = await UpdateAsync("F003", query);

        Assert.Equal(400, ((ObjectResult)result).StatusCode);
        Assert.Contains("not a channel name", DetailOf(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_update_route_wants_a_signature()
    {
        await ImportSampleAsync();
        var request = TestCollector.Request("GET", Encoding.UTF8.GetBytes(""), (ManifestUpload.BranchHeader, "F003"));
        request.QueryString = new QueryString("?channel=stable");

        var result = await new GetProbeUpdate(_collector.Authenticator, _collector.ReleaseService, _collector.Probes, NullLogger<GetProbeUpdate>.Instance).Run(request, default);

        Assert.Equal((401, "signature-missing"), (((ObjectResult)result).StatusCode, TypeOf(result)));
    }

    [Theory]
    [InlineData("stable", "{\"version\": \"1.4.0\", \"percent\": 120}", 400, "$.percent:")]
    [InlineData("stable", "{\"version\": \"1.4.0\", \"percent\": 20, \"pilots\": [\"F001\", \"F999\"]}", 400, "$.pilots[1]: branch 'F999' is not in the registry")]
    [InlineData("stable", "{\"percent\": 20}", 400, "$.version:")]
    [InlineData("stable", "not json", 400, "$")]
    [InlineData("st/able", "{\"version\": \"1.4.0\", \"percent\": 20}", 400, "'st/able' is not a channel name")]
    [InlineData("stable", "{\"version\": \"9.9.9\", \"percent\": 20}", 404, "Release 9.9.9 of channel 'stable' is not published: nothing was uploaded at releases/stable/9.9.9/release.json")]
    [InlineData("stable", "{\"version\": \"9.9.9\", \"pulled\": true}", 404, "there is nothing to pull")]
    public async Task Bad_publications_are_refused_with_what_and_where(string channel, string body, int status, string detail)
    {
        await ImportSampleAsync();
        Upload("1.4.0");

        var result = await PublishAsync(channel, body);

        Assert.Equal(status, result.StatusCode);
        Assert.Contains(detail, DetailOf(result), StringComparison.Ordinal);
        Assert.Empty(_collector.Releases.Rollouts);
    }

    [Fact]
    public async Task A_body_past_the_admin_cap_is_a_413()
    {
        var result = await PublishAsync("stable", new string(' ', ReleaseService.MaxRequestBytes + 1));

        Assert.Equal(413, result.StatusCode);
    }

    [Fact]
    public async Task An_upload_no_probe_could_take_is_refused_before_anyone_is_offered_it()
    {
        await ImportSampleAsync();
        Upload("1.4.0", channel: "pilot", folder: "stable");
        Upload("1.5.0", files: false);
        Upload("1.6.0");
        _collector.Releases.Blobs["stable/1.6.0/" + TestReleases.WindowsFile] = [1, 2, 3];

        var otherChannel = await PublishAsync("stable", """{"version": "1.4.0", "percent": 20}""");
        var missing = await PublishAsync("stable", """{"version": "1.5.0", "percent": 20}""");
        var shorter = await PublishAsync("stable", """{"version": "1.6.0", "percent": 20}""");

        Assert.Equal((409, "invalid-upload"), (otherChannel.StatusCode, TypeOf(otherChannel)));
        Assert.Contains("/signed/channel is 'pilot'", DetailOf(otherChannel), StringComparison.Ordinal);
        Assert.Contains($"releases/stable/1.5.0/{TestReleases.LinuxFile} is missing", DetailOf(missing), StringComparison.Ordinal);
        Assert.Contains($"releases/stable/1.6.0/{TestReleases.WindowsFile} is 3 bytes; the release document says 4096", DetailOf(shorter), StringComparison.Ordinal);
        Assert.Empty(_collector.Releases.Rollouts);
    }

    [Fact]
    public async Task A_release_changed_after_publication_is_not_served()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");
        Upload("1.4.0");

        var result = await UpdateAsync("F003");

        Assert.Equal((409, "release-changed"), (((ObjectResult)result).StatusCode, TypeOf(result)));
    }

    [Fact]
    public async Task A_listed_file_is_streamed_with_its_length_to_a_branch_that_is_offered_it()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 0, "pilots": ["F003"]}""");

        var (result, request) = await FileAsync("F003", "1.4.0", TestReleases.LinuxFile);

        var file = Assert.IsType<FileStreamResult>(result);
        using var copy = new MemoryStream();
        await file.FileStream.CopyToAsync(copy);
        Assert.Equal(TestReleases.Content("1.4.0", "linux-x64"), copy.ToArray());
        Assert.Equal(4096, request.HttpContext.Response.ContentLength);
        Assert.Equal("application/octet-stream", file.ContentType);
    }

    [Fact]
    public async Task A_file_is_refused_to_a_branch_not_offered_the_release_and_when_not_listed()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        _collector.Releases.Blobs["stable/1.4.0/extra.bin"] = [1];
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 0, "pilots": ["F003"]}""");

        var notOffered = (await FileAsync("F004", "1.4.0", TestReleases.LinuxFile)).Result;
        var notListed = (await FileAsync("F003", "1.4.0", "extra.bin")).Result;
        var document = (await FileAsync("F003", "1.4.0", "release.json")).Result;
        var unknown = (await FileAsync("F003", "1.3.0", TestReleases.LinuxFile)).Result;

        Assert.All([notOffered, notListed, unknown], r => Assert.Equal((404, "unknown-release-file"), (((ObjectResult)r).StatusCode, TypeOf(r))));

        // The envelope's own name is not a release file's name at all (ReleaseRules.FileNameRule).
        Assert.Equal((400, "invalid-release"), (((ObjectResult)document).StatusCode, TypeOf(document)));
    }

    [Theory]
    // A literal ".." segment never reaches a function: the client and the server both resolve it away (the local host's tests send one raw).
    [InlineData("1.4.0", "a..b")]
    [InlineData("1.4.0", ".release.json")]
    [InlineData("1.4.0", "..\\release.json")]
    [InlineData("1.4.0", "../release.json")]
    [InlineData(".1.4", "bkp-probe")]
    [InlineData("1.4.0/../1.3.0", "bkp-probe")]
    public async Task A_file_or_version_that_is_not_a_plain_name_is_a_400(string version, string file)
    {
        await ImportSampleAsync();

        var result = (await FileAsync("F003", version, file)).Result;

        Assert.Equal(400, ((ObjectResult)result).StatusCode);
    }

    [Fact]
    public async Task In_redirect_mode_a_file_is_a_302_to_the_stores_short_lived_link_and_streamed_when_it_has_none()
    {
        await ImportSampleAsync();
        Upload("1.4.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");

        var streamed = (await FileAsync("F003", "1.4.0", TestReleases.LinuxFile, redirect: true)).Result;
        _collector.Releases.LinkBase = new Uri("https://account.blob.core.windows.net/releases/");
        var redirected = (await FileAsync("F003", "1.4.0", TestReleases.LinuxFile, redirect: true)).Result;

        Assert.IsType<FileStreamResult>(streamed);
        var redirect = Assert.IsType<RedirectResult>(redirected);
        Assert.False(redirect.Permanent);
        Assert.Equal($"https://account.blob.core.windows.net/releases/stable/1.4.0/{TestReleases.LinuxFile}?lifetime=10", redirect.Url);
    }

    [Fact]
    public async Task The_status_shows_each_branchs_version_the_count_per_version_and_each_release()
    {
        var branches = await ImportSampleAsync();
        Upload("1.4.0");
        await PublishAsync("stable", """{"version": "1.4.0", "percent": 100}""");
        var branch = new Branch(_collector);
        Assert.Equal(202, await branch.SendAsync(Branch.Run(Night) with { ProbeVersion = "1.4.0" }));

        var report = (StatusReport)((OkObjectResult)await new GetStatus(_collector.Status, _collector.Sheet, _collector.Alerts).Run(TestCollector.Request("GET", ""), default)).Value!;

        Assert.Equal("1.4.0", report.Branches.Single(b => b.BranchId == Branch.Id).ProbeVersion);
        Assert.Equal([new VersionCount("1.4.0", 1)], report.Fleet.Versions);
        var release = Assert.Single(report.Fleet.Releases);
        Assert.Equal(("stable", "1.4.0", 100, branches.Length, 1), (release.Channel, release.Version, release.Percent, release.BranchesOffered, release.BranchesRunning));
    }
}
