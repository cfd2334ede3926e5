using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.Collector.Channels.Webhook;
using MonitoramentoBKP.FakeChannels.Http;
using MonitoramentoBKP.FakeChannels.Webhook;

namespace MonitoramentoBKP.Collector.Channels.Tests.Webhook;

public sealed class WebhookChannelTests
{
    private static WebhookChannel Channel(FakeWebhookReceiver receiver, string? secret = null) =>
        new(Http.Client(), new WebhookSettings { Url = receiver.Url, Secret = secret ?? receiver.Secret }, TimeProvider.System);

    [Fact]
    public async Task An_alert_is_delivered_signed_with_its_event_id_in_a_header()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();

        var outcome = await Channel(receiver).SendAsync(Samples.Alert(), default);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        var request = Assert.Single(receiver.Received);
        Assert.Null(request.Problem);
        Assert.Equal("F004/sql-vendas/20261130-140500.1", request.Header("X-Bkp-Event-Id"));
        Assert.Equal(WebhookFormatter.Sign(request.Body, receiver.Secret), request.Header("X-Bkp-Signature-256"));
        Assert.Equal("monitoramentobkp.alert/v1", (string?)Assert.Single(receiver.Bodies)["schema"]);
    }

    [Fact]
    public async Task The_digest_and_the_summary_are_delivered_and_valid_at_the_receiver()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        var channel = Channel(receiver);

        Assert.IsType<SendOutcome.Delivered>(await channel.SendAsync(Samples.Storm(), default));
        Assert.IsType<SendOutcome.Delivered>(await channel.SendAsync(Samples.Summary(), default));

        Assert.Equal(["monitoramentobkp.digest/v1", "monitoramentobkp.summary/v1"], receiver.Bodies.Select(b => (string?)b["schema"]));
    }

    [Fact]
    public async Task A_body_signed_with_another_secret_is_refused_by_the_receiver_and_is_permanent()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();

        var outcome = await Channel(receiver, "not-the-receivers-secret").SendAsync(Samples.Alert(), default);

        var refused = Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.Equal(401, refused.Status);
        Assert.Contains("X-Bkp-Signature-256 does not match the body", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("check the webhook's secret", refused.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RetryAfterForm.Seconds)]
    [InlineData(RetryAfterForm.HttpDate)]
    public async Task A_429_says_to_wait_as_long_as_retry_after_says_in_seconds_or_as_a_date(RetryAfterForm form)
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.Enqueue(ChannelFault.RateLimited(TimeSpan.FromSeconds(30), form));

        var outcome = await Channel(receiver).SendAsync(Samples.Alert(), default);

        var wait = Assert.IsType<SendOutcome.RetryAfter>(outcome);
        Assert.InRange(wait.Delay, TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_500_is_transient_and_uncertain()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.Enqueue(ChannelFault.Fail(500, "database down"));

        var outcome = await Channel(receiver).SendAsync(Samples.Alert(), default);

        var failed = Assert.IsType<SendOutcome.Transient>(outcome);
        Assert.True(failed.Uncertain);
        Assert.Equal(500, failed.Status);
        Assert.Contains("database down", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_transient_and_uncertain_after_the_attempt_timeout()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.Enqueue(ChannelFault.Hung());
        var started = DateTimeOffset.UtcNow;

        var outcome = await Channel(receiver).SendAsync(Samples.Alert(), default);

        var failed = Assert.IsType<SendOutcome.Transient>(outcome);
        Assert.True(failed.Uncertain);
        Assert.InRange(DateTimeOffset.UtcNow - started, Http.AttemptTimeout * 0.9, Http.AttemptTimeout * 3);
    }

    [Fact]
    public async Task A_receiver_not_listening_is_transient_and_certainly_not_delivered()
    {
        var channel = new WebhookChannel(Http.Client(), new WebhookSettings { Url = new Uri(Http.Nowhere(), "hooks/bkp"), Secret = "a-shared-secret-of-the-route" }, TimeProvider.System);

        var outcome = await channel.SendAsync(Samples.Alert(), default);

        Assert.False(Assert.IsType<SendOutcome.Transient>(outcome).Uncertain);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_refusal_is_permanent_with_the_status(int status)
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.Enqueue(ChannelFault.Fail(status));

        var outcome = await Channel(receiver).SendAsync(Samples.Alert(), default);

        Assert.Equal(status, Assert.IsType<SendOutcome.Permanent>(outcome).Status);
    }

    [Fact]
    public void Settings_with_a_short_secret_or_a_relative_url_are_refused_saying_which()
    {
        Assert.Contains("Secret", Assert.Throws<ArgumentException>(() => new WebhookChannel(Http.Client(), new WebhookSettings { Url = new Uri("https://example.com/h"), Secret = "short" }, TimeProvider.System)).Message, StringComparison.Ordinal);
        Assert.Contains("Url", Assert.Throws<ArgumentException>(() => new WebhookChannel(Http.Client(), new WebhookSettings { Url = new Uri("ftp://example.com/h"), Secret = "a-shared-secret-of-the-route" }, TimeProvider.System)).Message, StringComparison.Ordinal);
    }
}
