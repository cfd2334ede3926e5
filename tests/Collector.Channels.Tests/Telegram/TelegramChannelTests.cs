using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Channels.Telegram;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.FakeChannels.Http;
using MonitoramentoBKP.FakeChannels.Telegram;

namespace MonitoramentoBKP.Collector.Channels.Tests.Telegram;

public sealed class TelegramChannelTests
{
    private static TelegramChannel Channel(FakeTelegram telegram, string? token = null, string? chat = null) =>
        new(Http.Client(), new TelegramSettings { BotToken = token ?? telegram.Token, ChatId = chat ?? telegram.ChatId, ApiBase = telegram.BaseUri }, TimeProvider.System);

    [Fact]
    public async Task An_alert_reaches_the_chat_as_html_the_bot_api_parses()
    {
        await using var telegram = await FakeTelegram.StartAsync();

        var outcome = await Channel(telegram).SendAsync(Samples.Alert(), default);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        var (chat, text) = Assert.Single(telegram.Messages);
        Assert.Equal(telegram.ChatId, chat);
        Assert.StartsWith("FALHOU: Loja Moema (F004) sql-vendas\n", text, StringComparison.Ordinal);
        Assert.Contains("""
            "parse_mode":"HTML","link_preview_options":{"is_disabled":true}
            """, Assert.Single(telegram.Received).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storm_of_300_is_one_message_the_bot_api_takes()
    {
        await using var telegram = await FakeTelegram.StartAsync();

        var outcome = await Channel(telegram).SendAsync(Samples.Storm(count: 300), default);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Contains("… e mais ", Assert.Single(telegram.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_as_long_as_the_body_says_when_there_is_no_header()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        telegram.Enqueue(ChannelFault.RateLimited(TimeSpan.FromSeconds(5), RetryAfterForm.BodyOnly));

        var outcome = await Channel(telegram).SendAsync(Samples.Alert(), default);

        var wait = Assert.IsType<SendOutcome.RetryAfter>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(5), wait.Delay);
        Assert.Contains("Too Many Requests: retry after 5", wait.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_a_header_waits_as_long_as_the_header_says()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        telegram.Enqueue(ChannelFault.RateLimited(TimeSpan.FromSeconds(12)));

        var outcome = await Channel(telegram).SendAsync(Samples.Alert(), default);

        Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<SendOutcome.RetryAfter>(outcome).Delay);
    }

    [Fact]
    public async Task A_wrong_token_is_permanent_with_telegrams_words_and_what_to_check()
    {
        await using var telegram = await FakeTelegram.StartAsync();

        var outcome = await Channel(telegram, token: "123456789:AAAnotherTokenNotTheBots_xyzxyzxyz").SendAsync(Samples.Alert(), default);

        var refused = Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.Equal(401, refused.Status);
        Assert.Equal("Telegram answered 401: Unauthorized (check the bot token)", refused.Detail);
        Assert.DoesNotContain("AAAnotherToken", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_chat_is_permanent()
    {
        await using var telegram = await FakeTelegram.StartAsync();

        var outcome = await Channel(telegram, chat: "-100999").SendAsync(Samples.Alert(), default);

        Assert.Contains("chat not found", Assert.IsType<SendOutcome.Permanent>(outcome).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bot_kicked_from_the_group_is_permanent()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        telegram.Enqueue(ChannelFault.Fail(403));

        var outcome = await Channel(telegram).SendAsync(Samples.Alert(), default);

        var refused = Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.Equal(403, refused.Status);
        Assert.Contains("bot was kicked", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_or_no_answer_is_transient_and_uncertain()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        telegram.Enqueue(ChannelFault.Fail(500));
        telegram.Enqueue(ChannelFault.Hung());
        var channel = Channel(telegram);

        Assert.True(Assert.IsType<SendOutcome.Transient>(await channel.SendAsync(Samples.Alert(), default)).Uncertain);
        Assert.True(Assert.IsType<SendOutcome.Transient>(await channel.SendAsync(Samples.Alert(), default)).Uncertain);
        Assert.Empty(telegram.Messages);
    }

    [Fact]
    public void The_limits_are_one_a_second_per_chat_and_twenty_a_minute_per_group()
    {
        var channel = new TelegramChannel(Http.Client(), new TelegramSettings { BotToken = "123456789:AAFakeTokenForTheTests_abcdefghij", ChatId = "@loja_alertas" }, TimeProvider.System);

        Assert.Equal([(1, TimeSpan.FromSeconds(1)), (20, TimeSpan.FromMinutes(1))], channel.Limits.Select(l => (l.Messages, l.Per)));
        Assert.False(channel.Idempotent);
    }

    [Fact]
    public void A_malformed_token_or_chat_is_refused_saying_which()
    {
        Assert.Contains("BotToken", Assert.Throws<ArgumentException>(() => new TelegramChannel(Http.Client(), new TelegramSettings { BotToken = "nope", ChatId = "-1" }, TimeProvider.System)).Message, StringComparison.Ordinal);
        Assert.Contains("ChatId", Assert.Throws<ArgumentException>(() => new TelegramChannel(Http.Client(), new TelegramSettings { BotToken = "123456789:AAFakeTokenForTheTests_abcdefghij", ChatId = "loja alertas" }, TimeProvider.System)).Message, StringComparison.Ordinal);
    }
}
