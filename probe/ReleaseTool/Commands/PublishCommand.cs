using System.CommandLine;
using System.Globalization;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.ReleaseTool.Publishing;
using MonitoramentoBKP.ReleaseTool.Releases;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// <c>bkp-release publish --collector URL --admin-key K --channel C --version V --percent P [--pilot ID ...] [--pull]</c>:
/// publishes an uploaded release to a share of the branches, raises the share (run it again), or pulls it
/// (<see cref="RolloutPublisher"/>). The admin key may come from BKP_ADMIN_KEY instead, to keep it out of shell history.
/// </summary>
public static class PublishCommand
{
    public const string AdminKeyVariable = "BKP_ADMIN_KEY";

    public static Command Create()
    {
        var collector = new Option<string?>("--collector") { Description = "The collector's address, such as https://<app>.azurewebsites.net" };
        var adminKey = new Option<string?>("--admin-key") { Description = $"The collector's Functions admin key (or {AdminKeyVariable})" };
        var channel = new Option<string?>("--channel") { Description = "The release's channel" };
        var version = new Option<string?>("--version") { Description = "The uploaded version to publish, raise or pull" };
        var percent = new Option<string?>("--percent") { Description = "Share of branches, 0 to 100 (pilots always get it); 0 with --pull when not given" };
        var pilots = new Option<string[]>("--pilot") { Description = "A branch id that gets the release whatever the percentage; repeatable" };
        var pull = new Option<bool>("--pull") { Description = "Pull the release: no branch is offered it any more (probes already on it keep it)" };
        var command = new Command("publish", "Publish an uploaded release with a rollout, raise it, or pull it") { collector, adminKey, channel, version, percent, pilots, pull };
        ToolCommand.SetAction(command, async (parse, cancellationToken) =>
        {
            var collectorText = ToolCommand.Required(parse, collector);
            if (!Uri.TryCreate(collectorText, UriKind.Absolute, out var collectorUrl) || collectorUrl.Scheme is not ("https" or "http") || collectorUrl.Query.Length > 0)
            {
                throw ReleaseToolException.BadInput($"{collector.Name} {collectorText}: expected the collector's address, such as https://<app>.azurewebsites.net.");
            }

            var key = parse.GetValue(adminKey) ?? Environment.GetEnvironmentVariable(AdminKeyVariable);
            if (string.IsNullOrWhiteSpace(key))
            {
                throw ReleaseToolException.BadInput($"{adminKey.Name} (or {AdminKeyVariable}) is required: the collector's Functions key.");
            }

            var pulled = parse.GetValue(pull);
            var rollout = new RolloutRequest
            {
                Version = ReleaseNames.Version(ToolCommand.Required(parse, version), version.Name),
                Percent = Percent(parse.GetValue(percent), percent.Name, pulled),
                Pilots = Pilots(parse.GetValue(pilots) ?? [], pilots.Name),
                Pulled = pulled,
            };
            var channelName = ReleaseNames.Channel(ToolCommand.Required(parse, channel), channel.Name);
            using var http = ToolCommand.CreateHttpClient();
            var answer = await new RolloutPublisher(http).PublishAsync(collectorUrl, key, channelName, rollout, cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine(pulled
                ? $"Release {rollout.Version} of {channelName} pulled. The collector answered:"
                : $"Release {rollout.Version} of {channelName} published to {rollout.Percent}% of the branches{(rollout.Pilots.Count > 0 ? $" and the pilots {string.Join(", ", rollout.Pilots)}" : "")}. The collector answered:");
            Console.Out.WriteLine(answer);
            return ReleaseExitCodes.Ok;
        });
        return command;
    }

    private static int Percent(string? text, string option, bool pulled)
    {
        if (text is null)
        {
            return pulled ? 0 : throw ReleaseToolException.BadInput($"{option} is required (0 to 100) unless the release is pulled (--pull).");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? value
            : throw ReleaseToolException.BadInput($"{option} {text}: a whole number from 0 to 100.");
    }

    private static List<string> Pilots(string[] ids, string option)
    {
        var pilots = new List<string>();
        foreach (var id in ids)
        {
            if (!JsonValueReader.IdPattern().IsMatch(id))
            {
                throw ReleaseToolException.BadInput($"{option} '{id}': not a branch id (letters, digits, '.', '_', '-'; at most 64; starting with a letter or digit).");
            }

            if (pilots.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                throw ReleaseToolException.BadInput($"{option} '{id}' is given twice.");
            }

            pilots.Add(id);
        }

        return pilots;
    }
}
