using System.Globalization;
using System.Text.RegularExpressions;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>Checks install's options into an <see cref="InstallRequest"/>; a refusal is a <see cref="ConfigException"/> naming the option.</summary>
public static partial class InstallArguments
{
    private const string Source = "command line";

    public static InstallRequest Read(
        string? collector, string? branch, string? token, string? account, string? logon, IReadOnlyList<string> times, string? heartbeat,
        bool reenroll, bool dryRun, string? os, string? root, string? language, string workingDirectory)
    {
        var lang = language switch
        {
            null => Language.PortugueseBrazil,
            _ when language.StartsWith("en", StringComparison.OrdinalIgnoreCase) => Language.English,
            _ when language.StartsWith("pt", StringComparison.OrdinalIgnoreCase) => Language.PortugueseBrazil,
            _ => throw new ConfigException(Source, "--lang", new Messages(Language.PortugueseBrazil).BadLanguage(language)),
        };
        var m = new Messages(lang);
        var im = new InstallMessages(lang);
        var (url, id, checkedToken) = ConfigLoader.ReadIdentity(collector, branch, token, m);
        if (reenroll && checkedToken is null)
        {
            throw new ConfigException(Source, "--reenroll", im.ReenrollNeedsToken);
        }

        var thisOs = OperatingSystem.IsWindows() ? TargetOs.Windows : TargetOs.Linux;
        var target = os?.ToLowerInvariant() switch
        {
            null => thisOs,
            "windows" => TargetOs.Windows,
            "linux" => TargetOs.Linux,
            _ => throw new ConfigException(Source, "--os", "windows | linux"),
        };
        if (!dryRun && target != thisOs)
        {
            throw new ConfigException(Source, "--os", im.OsOnlyWithDryRun);
        }

        return new InstallRequest
        {
            Collector = url,
            BranchId = id,
            Token = checkedToken,
            Account = ReadAccount(account, logon, target, im),
            Schedule = new ProbeSchedule { Times = ReadTimes(times, im), HeartbeatHours = ReadHeartbeat(heartbeat, im) },
            Reenroll = reenroll,
            DryRun = dryRun,
            Os = target,
            Root = root is null ? null : Path.GetFullPath(root, workingDirectory),
            Language = lang,
            LanguageGiven = language is not null,
        };
    }

    /// <summary>Whole hours from 0 (no heartbeat) to <see cref="ProbeSchedule.MaxHeartbeatHours"/>; none given: hourly.</summary>
    public static int ReadHeartbeat(string? text, InstallMessages im)
    {
        if (text is null)
        {
            return ProbeSchedule.DefaultHeartbeatHours;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours <= ProbeSchedule.MaxHeartbeatHours
            ? hours
            : throw new ConfigException(Source, "--heartbeat", im.BadHeartbeat(text, ProbeSchedule.MaxHeartbeatHours));
    }

    /// <summary>HH:MM, each once; none given: <see cref="ProbeSchedule.DefaultTime"/>. Kept in the order given.</summary>
    public static IReadOnlyList<TimeOnly> ReadTimes(IReadOnlyList<string> texts, InstallMessages im)
    {
        if (texts.Count == 0)
        {
            return [ProbeSchedule.DefaultTime];
        }

        if (texts.Count > ProbeSchedule.MaxTimes)
        {
            throw new ConfigException(Source, "--at", im.TooManyTimes(ProbeSchedule.MaxTimes));
        }

        var times = new List<TimeOnly>();
        foreach (var text in texts)
        {
            if (!TimePattern().IsMatch(text) || !TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                throw new ConfigException(Source, "--at", im.BadTime(text));
            }

            if (times.Contains(time))
            {
                throw new ConfigException(Source, "--at", im.DuplicateTime(text));
            }

            times.Add(time);
        }

        return times;
    }

    private static TaskAccount ReadAccount(string? name, string? logon, TargetOs os, InstallMessages im)
    {
        var wantsPassword = logon?.ToLowerInvariant() switch
        {
            null or "s4u" => false,
            "password" => true,
            _ => throw new ConfigException(Source, "--logon", "s4u | password"),
        };
        if (name is null || name.Equals(TaskAccount.SystemName, StringComparison.OrdinalIgnoreCase) || name.Equals(@"NT AUTHORITY\SYSTEM", StringComparison.OrdinalIgnoreCase)
            || (os == TargetOs.Linux && name == "root"))
        {
            return wantsPassword ? throw new ConfigException(Source, "--logon", im.PasswordOnlyForNamedAccount)
                : name is null ? TaskAccount.Default(os) : new TaskAccount(TaskAccount.SystemName, TaskLogon.System);
        }

        var usable = os == TargetOs.Windows ? WindowsAccount().IsMatch(name) : LinuxUser().IsMatch(name);
        if (!usable)
        {
            throw new ConfigException(Source, "--account", im.BadAccount(name));
        }

        if (wantsPassword && os != TargetOs.Windows)
        {
            throw new ConfigException(Source, "--logon", im.PasswordOnlyForNamedAccount);
        }

        return new TaskAccount(name, wantsPassword ? TaskLogon.Password : TaskLogon.S4U);
    }

    [GeneratedRegex("^[0-9]{1,2}:[0-9]{2}$")]
    private static partial Regex TimePattern();

    /// <summary>NAME, DOMAIN\NAME or NAME@DOMAIN, without the characters Windows forbids in account names.</summary>
    [GeneratedRegex(@"^[^""/\[\]:;|=,+*?<>@\\]{1,104}([\\@][^""/\[\]:;|=,+*?<>@\\]{1,255})?$")]
    private static partial Regex WindowsAccount();

    /// <summary>What useradd accepts by default.</summary>
    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex LinuxUser();
}
