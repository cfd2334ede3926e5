using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Signing;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Tests;
using MonitoramentoBKP.Probe.Commands;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Delivery;

public sealed class ManifestSenderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();
    private readonly HttpClient _http = CollectorHttp.CreateClient();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<TimeSpan> _delays = [];
    private readonly Manifest _manifest;

    public ManifestSenderTests()
    {
        _tree.File("backup/Vendas.bak", TempTree.Random(20_000, 1));
        _tree.File("backup/ação.zip", "não é um zip");
        _manifest = Probes.Scan(Probes.Config(_tree.PathOf("state"), Probes.Set("sql", _tree.PathOf("backup")))).Manifest;
    }

    public void Dispose()
    {
        _key.Dispose();
        _http.Dispose();
        _collector.Dispose();
        _tree.Dispose();
    }

    private DeliveryResult Send(DeliveryOptions? options = null)
    {
        var sender = new ManifestSender(
            _http,
            options ?? Options(),
            _time,
            (wait, _) =>
            {
                // Waiting is recorded and passes on the fake clock at once, so X-Bkp-Sent-Utc moves as it would.
                _delays.Add(wait);
                _time.Advance(wait);
                return Task.CompletedTask;
            },
            () => 0.5); // the middle of the jitter range: the nominal waits, 2 s, 4 s, 8 s...
        using var package = ManifestPackage.Create(_manifest, _tree.PathOf("state"));
        return sender.SendAsync(package, CancellationToken.None).GetAwaiter().GetResult();
    }

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private ProbeSigner? _signer;

    private ProbeSigner Signer => _signer ??= new ProbeSigner(_key, "F001", ClockOffset.Unsaved(), _time);

    private DeliveryOptions Options(int attempts = 5, TimeSpan? attemptTimeout = null, Uri? collector = null) => new()
    {
        Collector = collector ?? _collector.Url,
        Signer = Signer,
        ProbeVersion = "0.0.0-test",
        MaxAttempts = attempts,
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(100),
    };

    private static string Problem(string title, string detail) =>
        JsonSerializer.Serialize(new ProblemDetails { Title = title, Detail = detail }, DeliveryJsonContext.Default.ProblemDetails);

    [Fact]
    public void The_request_is_a_gzip_json_POST_to_api_manifests_with_the_run_branch_sending_time_and_probe_version()
    {
        var result = Send();

        var request = Assert.Single(_collector.Requests);
        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/manifests", request.Target);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("gzip", request.Header("Content-Encoding"));
        Assert.Equal(request.Body.Length.ToString(CultureInfo.InvariantCulture), request.Header("Content-Length"));
        Assert.Equal(_manifest.RunId.ToString("D"), request.Header("X-Bkp-Run-Id"));
        Assert.Equal("F001", request.Header("X-Bkp-Branch"));
        Assert.Equal("bkp-probe/0.0.0-test", request.Header("User-Agent"));
        Assert.Null(request.Header("x-functions-key"));
        var sent = request.Header("X-Bkp-Sent-Utc")!;
        Assert.EndsWith("Z", sent, StringComparison.Ordinal);
        Assert.Equal(Start, DateTimeOffset.Parse(sent, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

        var json = request.DecompressedBody();
        Assert.Empty(SchemaValidator.Errors(json));
        var sentManifest = JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest)!;
        Assert.Equal(_manifest.RunId, sentManifest.RunId);
        Assert.Contains(sentManifest.Sets[0].Files, f => f.Path == "ação.zip");
    }

    private string? Verify(FakeCollector.Request request) => Signed.Verify(request, _collector.Url, _key);

    [Fact]
    public void Every_attempt_is_signed_anew_with_the_branchs_key_over_a_digest_of_the_body_and_no_admin_key()
    {
        _collector.Script(new FakeCollector.Reply(503));

        Assert.Equal(DeliveryOutcome.Delivered, Send().Outcome);

        Assert.Equal(2, _collector.Requests.Count);
        Assert.All(_collector.Requests, r => Assert.Null(Verify(r)));
        Assert.All(_collector.Requests, r => Assert.Null(r.Header("x-functions-key")));
        Assert.NotEqual(_collector.Requests[0].Header("Signature-Input"), _collector.Requests[1].Header("Signature-Input"));
    }

    [Fact]
    public void A_signature_checks_out_only_for_the_request_it_was_made_for()
    {
        Send();
        var request = _collector.Requests[0];

        Assert.NotNull(Verify(request with { Method = "PUT" }));
        Assert.NotNull(Verify(request with { Body = [.. request.Body, 0] }));
        Assert.NotNull(Verify(request with { Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["X-Bkp-Branch"] = "F002" } }));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-2)]
    public void A_request_refused_for_the_machines_clock_is_signed_again_at_the_collectors_time_and_delivered(int hours)
    {
        _collector.Clock = () => _time.GetUtcNow().AddHours(hours);

        var result = Send();

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Single(_collector.SkewRefused);
        var delivered = Assert.Single(_collector.Requests);
        Assert.Null(Verify(delivered));
        Assert.True(SignatureInput.TryParse(delivered.Header("Signature-Input"), delivered.Header("Signature"), out var parsed, out _));
        Assert.InRange((parsed.Created - Start.AddHours(hours)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(31));

        // The manifest's own send time stays the machine's clock, for the collector's clock-skew rule.
        Assert.Equal(Start, DateTimeOffset.Parse(delivered.Header("X-Bkp-Sent-Utc")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        Assert.InRange((Signer.Clock.Offset - TimeSpan.FromHours(hours)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(31));
    }

    [Fact]
    public void A_clock_refusal_is_signed_again_only_once()
    {
        // A collector whose clock runs away between the two requests: the second refusal is final, not a loop.
        var calls = 0;
        _collector.Clock = () => _time.GetUtcNow().AddHours(++calls * 3);

        var result = Send(Options(attempts: 1));

        Assert.Equal(DeliveryOutcome.Refused, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal(2, _collector.SkewRefused.Count);
    }

    [Fact]
    public void A_collector_address_with_a_path_keeps_it_before_api_manifests()
    {
        Send(Options(collector: new Uri(_collector.Url, "coletor/")));
        Send(Options(collector: new Uri(_collector.Url, "coletor")));

        Assert.All(_collector.Requests, r => Assert.Equal("/coletor/api/manifests", r.Target));
    }

    [Fact]
    public void A_202_is_delivered_at_the_first_attempt_without_waiting()
    {
        _collector.Script(new FakeCollector.Reply(202, """{"status":"accepted"}"""));

        var result = Send();

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(202, result.StatusCode);
        Assert.Empty(_delays);
        Assert.Equal(ExitCodes.Ok, RunCommand.ExitCodeFor(result.Outcome));
    }

    [Fact]
    public void A_200_for_a_run_the_collector_already_has_counts_as_delivered()
    {
        _collector.Script(new FakeCollector.Reply(200, """{"status":"alreadyAccepted"}"""));

        var result = Send();

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Single(_collector.Requests);
    }

    [Fact]
    public void Two_503s_then_a_202_deliver_at_the_third_attempt_after_growing_waits_with_the_same_run_id()
    {
        _collector.Script(new FakeCollector.Reply(503), new FakeCollector.Reply(503), new FakeCollector.Reply(202));

        var result = Send();

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _delays);
        var requests = _collector.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Header("X-Bkp-Run-Id")).Distinct());
        Assert.Single(requests.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        // Stamped at each attempt: the collector measures clock skew against the time it receives.
        Assert.Equal(
            [Start, Start.AddSeconds(2), Start.AddSeconds(6)],
            requests.Select(r => DateTimeOffset.Parse(r.Header("X-Bkp-Sent-Utc")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
    }

    [Fact]
    public void Retry_After_in_seconds_or_as_a_date_sets_the_wait()
    {
        var serverNow = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero); // not the probe's clock: the date is read against the server's
        _collector.Script(
            new FakeCollector.Reply(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "7" }),
            new FakeCollector.Reply(503, Headers: new Dictionary<string, string>
            {
                ["Date"] = serverNow.ToString("r", CultureInfo.InvariantCulture),
                ["Retry-After"] = serverNow.AddSeconds(11).ToString("r", CultureInfo.InvariantCulture),
            }),
            new FakeCollector.Reply(202));

        var result = Send();

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(11)], _delays);
    }

    [Fact]
    public void A_Retry_After_beyond_the_total_wait_budget_is_cut_to_it_and_then_the_probe_gives_up()
    {
        _collector.Otherwise = new FakeCollector.Reply(503, Headers: new Dictionary<string, string> { ["Retry-After"] = "3600" });

        var result = Send();

        Assert.Equal(DeliveryOutcome.NotDelivered, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(60)], _delays);
        Assert.Equal(2, _collector.Requests.Count);
    }

    [Fact]
    public void A_collector_failing_with_500_every_time_is_not_delivered_after_the_configured_attempts()
    {
        _collector.Otherwise = new FakeCollector.Reply(500);

        var result = Send(Options(attempts: 4));

        Assert.Equal(DeliveryOutcome.NotDelivered, result.Outcome);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal(4, _collector.Requests.Count);
        Assert.Equal([2, 4, 8], _delays.Select(d => d.TotalSeconds));
        Assert.Equal(ExitCodes.NotDelivered, RunCommand.ExitCodeFor(result.Outcome));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(502)]
    public void Timeouts_throttling_and_gateway_errors_are_retried(int status)
    {
        _collector.Script(new FakeCollector.Reply(status));

        var result = Send();

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public void An_attempt_without_an_answer_in_time_is_retried()
    {
        _collector.Script(new FakeCollector.Reply(202, Stall: TimeSpan.FromSeconds(30)), new FakeCollector.Reply(202));

        var result = Send(Options(attemptTimeout: TimeSpan.FromSeconds(2)));

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _collector.Requests.Count);
        Assert.Single(_delays);
    }

    [Fact]
    public void A_collector_that_never_answers_in_time_is_not_delivered_and_says_so()
    {
        _collector.Otherwise = new FakeCollector.Reply(202, Stall: TimeSpan.FromSeconds(30));

        var result = Send(Options(attempts: 2, attemptTimeout: TimeSpan.FromMilliseconds(300)));

        Assert.Equal(DeliveryOutcome.NotDelivered, result.Outcome);
        Assert.True(result.TimedOut);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public void A_400_problem_is_refused_at_once_with_its_title_and_detail()
    {
        _collector.Otherwise = new FakeCollector.Reply(
            400, Problem("Branch mismatch", "X-Bkp-Branch says 'F001' but the manifest is from 'F002'."), "application/problem+json; charset=utf-8");

        var result = Send();

        Assert.Equal(DeliveryOutcome.Refused, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("Branch mismatch", result.Title);
        Assert.Equal("X-Bkp-Branch says 'F001' but the manifest is from 'F002'.", result.Detail);
        Assert.Single(_collector.Requests);
        Assert.Empty(_delays);
        Assert.Equal(ExitCodes.Refused, RunCommand.ExitCodeFor(result.Outcome));
    }

    [Fact]
    public void A_refusal_that_is_not_problem_json_is_still_a_refusal_with_its_status()
    {
        _collector.Otherwise = new FakeCollector.Reply(401, "<html>unauthorized</html>", "text/html");

        var result = Send();

        Assert.Equal(DeliveryOutcome.Refused, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.Detail);
    }

    [Fact]
    public void A_redirect_is_not_followed_so_the_key_never_leaves_for_another_address()
    {
        _collector.Otherwise = new FakeCollector.Reply(301, Headers: new Dictionary<string, string> { ["Location"] = "https://elsewhere.example/api/manifests" });

        var result = Send(Options());

        Assert.Equal(DeliveryOutcome.Refused, result.Outcome);
        Assert.Equal(301, result.StatusCode);
        Assert.Equal("https://elsewhere.example/api/manifests", result.Detail);
        Assert.Single(_collector.Requests);
    }

    [Fact]
    public void Nothing_listening_is_not_delivered_after_the_attempts_with_the_network_error()
    {
        var result = Send(Options(attempts: 3, collector: FakeCollector.NothingListening()));

        Assert.Equal(DeliveryOutcome.NotDelivered, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.Null(result.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(2, _delays.Count);
        Assert.Equal(ExitCodes.NotDelivered, RunCommand.ExitCodeFor(result.Outcome));
    }

    [Fact]
    public void The_compressed_manifest_is_removed_once_sent()
    {
        Send();

        Assert.Empty(Directory.GetFiles(_tree.PathOf("state"), "outgoing-*"));
        Assert.Single(_collector.Requests);
    }
}
