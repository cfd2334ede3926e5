using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Collector.Channels.Telegram;

/// <summary>A Telegram bot (its token from @BotFather; in Azure a Key Vault reference) and the chat it posts to: a numeric id ("-1001234567890" for a group) or "@channelname".</summary>
public sealed partial record TelegramSettings
{
    public required string BotToken { get; init; }
    public required string ChatId { get; init; }

    /// <summary>The Bot API's address (ending in "/"); a test points it at the fake.</summary>
    public Uri ApiBase { get; init; } = new("https://api.telegram.org/");

    /// <exception cref="ArgumentException">The token is not "{digits}:{secret}" or the chat id is neither a number nor "@name".</exception>
    public void Validate()
    {
        if (!TokenPattern().IsMatch(BotToken ?? ""))
        {
            throw new ArgumentException("Telegram BotToken must look like \"123456789:AA...\" (the token @BotFather gave the bot).", nameof(BotToken));
        }

        if (!ChatPattern().IsMatch(ChatId ?? ""))
        {
            throw new ArgumentException($"Telegram ChatId must be a chat's number (\"-1001234567890\") or a channel's \"@name\"; got \"{ChatId}\".", nameof(ChatId));
        }
    }

    [GeneratedRegex(@"\A[0-9]{3,}:[A-Za-z0-9_-]{20,}\z")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\A(-?[0-9]{1,20}|@[A-Za-z0-9_]{4,})\z")]
    private static partial Regex ChatPattern();
}
