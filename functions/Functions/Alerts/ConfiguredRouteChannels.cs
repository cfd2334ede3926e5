using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Channels.Email;
using MonitoramentoBKP.Collector.Channels.GoogleChat;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Channels.Teams;
using MonitoramentoBKP.Collector.Channels.Telegram;
using MonitoramentoBKP.Collector.Channels.Webhook;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Functions.Alerts;

/// <summary>
/// Each route's channel from the app settings <c>Alerts__Routes__{settings}__{Field}</c>, read anew on every bind
/// so a fixed setting takes effect without a restart:
/// <list type="bullet">
/// <item>email: Host, Port (587), Security (StartTls, Tls or None), User, Password, From, To (addresses separated by ',' or ';'), TimeoutSeconds, ServerCertificateSha256</item>
/// <item>googleChat, teams: WebhookUrl</item>
/// <item>telegram: BotToken, ChatId, ApiBase</item>
/// <item>webhook: Url, Secret</item>
/// </list>
/// Secrets (Password, WebhookUrl, BotToken, Secret) are Key Vault references in Azure. An unknown field, a missing
/// one or a malformed value is a problem of that route, naming it and the setting.
/// </summary>
public sealed class ConfiguredRouteChannels(IConfiguration configuration, IHttpClientFactory http, TimeProvider time, IUnconfiguredRoutes? unconfigured = null) : IRouteChannels
{
    public const string Section = "Alerts:Routes";

    private static readonly Dictionary<RouteChannel, string[]> Fields = new()
    {
        [RouteChannel.Email] = ["Host", "Port", "Security", "User", "Password", "From", "To", "TimeoutSeconds", "ServerCertificateSha256"],
        [RouteChannel.GoogleChat] = ["WebhookUrl"],
        [RouteChannel.Teams] = ["WebhookUrl"],
        [RouteChannel.Telegram] = ["BotToken", "ChatId", "ApiBase"],
        [RouteChannel.Webhook] = ["Url", "Secret"],
    };

    /// <summary>The environment variable prefix of a route's settings ("Alerts__Routes__sul__").</summary>
    public static string Prefix(AlertRoute route) => $"Alerts__Routes__{route.Settings}__";

    public RouteChannelBinding Bind(AlertRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var values = configuration.GetSection($"{Section}:{route.Settings}").AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.OrdinalIgnoreCase);
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key}={v.Value}")))));
        var kind = AlertDispatcher.KindName(route.Channel);
        var fields = Fields[route.Channel];
        if (values.Count == 0)
        {
            return unconfigured?.Bind(route)
                ?? RouteChannelBinding.Broken($"Route '{route.Id}' ({kind}) has no settings: set {string.Join(", ", Required(route.Channel).Select(f => Prefix(route) + f))}.", fingerprint, "(not configured)");
        }

        var unknown = values.Keys.Select(k => k.Split(':')[0]).Where(k => !fields.Contains(k, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            return RouteChannelBinding.Broken($"Route '{route.Id}' ({kind}): unknown setting {string.Join(", ", unknown.Select(k => Prefix(route) + k))}; a {kind} route takes {string.Join(", ", fields)}.", fingerprint, "(settings to fix)");
        }

        string? Get(string field) => values.TryGetValue(field, out var v) && v.Trim().Length > 0 ? v.Trim() : null;
        var missing = Required(route.Channel).Where(f => Get(f) is null && !values.Keys.Any(k => k.StartsWith(f + ":", StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            return RouteChannelBinding.Broken($"Route '{route.Id}' ({kind}): set {string.Join(", ", missing.Select(f => Prefix(route) + f))}.", fingerprint, "(settings to fix)");
        }

        try
        {
            var client = http.CreateClient(ChannelHttp.ClientName);
            return route.Channel switch
            {
                RouteChannel.Email => Email(values, Get, fingerprint),
                RouteChannel.GoogleChat => Chat(new GoogleChatSettings { WebhookUrl = Address("WebhookUrl", Get("WebhookUrl")!) }, client, fingerprint),
                RouteChannel.Teams => RouteChannelBinding.Of(new TeamsChannel(client, new TeamsSettings { WebhookUrl = Address("WebhookUrl", Get("WebhookUrl")!) }, time), fingerprint, $"Teams Workflows at {Address("WebhookUrl", Get("WebhookUrl")!).Host}"),
                RouteChannel.Telegram => RouteChannelBinding.Of(new TelegramChannel(client, Get("ApiBase") is { } api ? new TelegramSettings { BotToken = Get("BotToken")!, ChatId = Get("ChatId")!, ApiBase = Address("ApiBase", api) } : new TelegramSettings { BotToken = Get("BotToken")!, ChatId = Get("ChatId")! }, time), fingerprint, $"Telegram chat {Get("ChatId")}"),
                _ => RouteChannelBinding.Of(new WebhookChannel(client, new WebhookSettings { Url = Address("Url", Get("Url")!), Secret = Get("Secret")! }, time), fingerprint, $"webhook {Address("Url", Get("Url")!).GetLeftPart(UriPartial.Path)}"),
            };
        }
        catch (ArgumentException e)
        {
            return RouteChannelBinding.Broken($"Route '{route.Id}' ({kind}), settings {Prefix(route)}*: {e.Message}", fingerprint, "(settings to fix)");
        }
    }

    private static string[] Required(RouteChannel channel) => channel switch
    {
        RouteChannel.Email => ["Host", "From", "To"],
        RouteChannel.GoogleChat or RouteChannel.Teams => ["WebhookUrl"],
        RouteChannel.Telegram => ["BotToken", "ChatId"],
        _ => ["Url", "Secret"],
    };

    private RouteChannelBinding Chat(GoogleChatSettings settings, HttpClient client, string fingerprint)
    {
        var channel = new GoogleChatChannel(client, settings, time);
        var space = settings.WebhookUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(p => p != "spaces").Skip(1).FirstOrDefault() ?? settings.WebhookUrl.Host;
        return RouteChannelBinding.Of(channel, fingerprint, $"Google Chat space {space}");
    }

    private static RouteChannelBinding Email(Dictionary<string, string> values, Func<string, string?> get, string fingerprint)
    {
        var to = get("To") is { } list
            ? list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : values.Where(kv => kv.Key.StartsWith("To:", StringComparison.OrdinalIgnoreCase)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.Trim()).ToList();
        var settings = new EmailSettings
        {
            Host = get("Host")!,
            Port = get("Port") is { } port ? int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : throw new ArgumentException($"Port '{port}' is not a number.") : 587,
            Security = get("Security") is { } security ? Enum.TryParse<EmailSecurity>(security, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : throw new ArgumentException($"Security '{security}' is not StartTls, Tls or None.") : EmailSecurity.StartTls,
            User = get("User"),
            Password = get("Password"),
            From = get("From")!,
            To = to,
            Timeout = get("TimeoutSeconds") is { } t ? int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"TimeoutSeconds '{t}' is not a positive number.") : TimeSpan.FromSeconds(30),
            ServerCertificateSha256 = get("ServerCertificateSha256"),
        };
        return RouteChannelBinding.Of(new EmailChannel(settings), fingerprint, $"SMTP {settings.Host}:{settings.Port} to {string.Join(", ", to)}");
    }

    private static Uri Address(string field, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"{field} is not an absolute address.");
}
