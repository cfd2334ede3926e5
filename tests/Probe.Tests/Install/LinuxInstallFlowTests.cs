using System.Runtime.Versioning;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;
using MonitoramentoBKP.Probe.Tests.Cli;
using MonitoramentoBKP.Probe.Tests.Support;
using Xunit.Abstractions;

namespace MonitoramentoBKP.Probe.Tests.Install;

/// <summary>
/// install and uninstall for real on Linux, every path under a temporary root (--root): the program copied in, the
/// folders given to the task's account (nobody, as no user may be made under a test root), the units written and
/// enabled with systemctl --root, enrollment and the first run against a fake collector, run as that account.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LinuxInstallFlowTests : IDisposable
{
    private const string Account = "nobody";
    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();
    private readonly ITestOutputHelper _log;
    private readonly InstallLayout _layout;

    public LinuxInstallFlowTests(ITestOutputHelper log)
    {
        _log = log;
        _layout = InstallLayout.For(TargetOs.Linux, _tree.PathOf("root"));
        _tree.File("backup/Vendas-2026-12-03.bak", TempTree.Random(20_000, 7), new DateTime(2026, 12, 3, 23, 0, 0, DateTimeKind.Utc));
        _tree.File("backup/Vendas-2026-12-04.bak", TempTree.Random(20_000, 8), new DateTime(2026, 12, 4, 23, 0, 0, DateTimeKind.Utc));
        _collector.Policy = JsonSerializer.Serialize(new ProbePolicy
        {
            BranchId = "F042",
            Version = "v1",
            Sets = [new ProbePolicySet { Id = "sql-vendas", Root = _tree.PathOf("backup"), Include = ["*.bak"] }],
        }, ContractsJsonContext.Default.ProbePolicy);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _tree.Dispose();
    }

    private static FakeCollector.Reply Enrolled => new(201, """{"branchId":"F042","keyId":"k","enrolledUtc":"2026-12-04T00:00:00Z"}""");

    private ProbeProcess.Result Install(params string[] more)
    {
        var run = ProbeProcess.Run(_tree.Root, ["install", "--collector", _collector.Url.ToString(), "--branch", "F042", "--account", Account, "--root", _layout.Root!, "--lang", "en", .. more]);
        _log.WriteLine($"install {string.Join(' ', more)}: exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        return run;
    }

    private string TimerLink => Path.Combine(_layout.UnitFolder!, "timers.target.wants", SystemdUnits.TimerName);

    /// <summary>The owner's uid, as stat(1) reports it.</summary>
    private static uint OwnerId(string path) => uint.Parse(Tool("stat", "-c", "%u", path).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Tool(string program, params string[] arguments) =>
        Probe.Install.ExternalCommand.Check(program, arguments, TimeSpan.FromSeconds(30)).Stdout;

    [Fact]
    public void Install_enrolls_runs_once_as_the_account_keeps_its_identity_on_reinstall_reenrolls_on_request_and_uninstall_removes_everything()
    {
        _collector.Script(Enrolled);

        var first = Install("--token", "tok-1");

        Assert.Equal(0, first.ExitCode);
        Assert.True(File.Exists(_layout.Executable));
        Assert.Contains("\"branchId\": \"F042\"", File.ReadAllText(_layout.ConfigPath), StringComparison.Ordinal);
        var nobody = uint.Parse(Tool("id", "-u", Account).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(nobody, OwnerId(_layout.StateFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_layout.StateFolder));
        Assert.Equal(nobody, OwnerId(_layout.KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_layout.KeyFile));
        Assert.Equal(0u, OwnerId(_layout.ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(_layout.ConfigPath));
        Assert.True(File.Exists(Path.Combine(_layout.UnitFolder!, SystemdUnits.ServiceName)));
        Assert.Contains($"User={Account}", File.ReadAllLines(Path.Combine(_layout.UnitFolder!, SystemdUnits.ServiceName)));
        Assert.Equal(Path.Combine("/etc/systemd/system", SystemdUnits.TimerName), new FileInfo(TimerLink).LinkTarget);
        Assert.Equal("/api/enroll", _collector.Requests[0].Target);
        Assert.Single(_collector.Accepted.Skip(1));
        Assert.Contains("sql-vendas", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Vendas-2026-12-04.bak", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("exit code 0 (delivered to the collector)", first.Stdout, StringComparison.Ordinal);
        Assert.All(Directory.EnumerateFileSystemEntries(_layout.StateFolder, "*", SearchOption.AllDirectories), entry => Assert.Equal(nobody, OwnerId(entry)));
        var key = File.ReadAllBytes(_layout.KeyFile);

        var again = Install();

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Identity kept: branch F042", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(key, File.ReadAllBytes(_layout.KeyFile));

        _collector.Script(Enrolled);
        var reenrolled = Install("--token", "tok-2", "--reenroll");

        Assert.Equal(0, reenrolled.ExitCode);
        Assert.NotEqual(key, File.ReadAllBytes(_layout.KeyFile));
        using var newKey = new ProbeKeyStore(new Messages(MonitoramentoBKP.Probe.Configuration.Language.English)).Load(_layout.KeyFile);
        var before = _collector.Requests.Count;

        var uninstall = ProbeProcess.Run(_tree.Root, "uninstall", "--root", _layout.Root!, "--lang", "en");
        _log.WriteLine($"uninstall: exit {uninstall.ExitCode}\n{uninstall.Stdout}\n{uninstall.Stderr}");

        Assert.Equal(0, uninstall.ExitCode);
        var notice = Assert.Single(_collector.Requests.Skip(before));
        Assert.Equal(("POST", "/api/probe/uninstalled"), (notice.Method, notice.Target));
        Assert.Null(Signed.Verify(notice, _collector.Url, newKey));
        Assert.False(Directory.Exists(_layout.ProgramFolder));
        Assert.False(Directory.Exists(_layout.ConfigFolder));
        Assert.False(Directory.Exists(_layout.StateFolder));
        Assert.False(File.Exists(Path.Combine(_layout.UnitFolder!, SystemdUnits.ServiceName)));
        Assert.False(File.Exists(Path.Combine(_layout.UnitFolder!, SystemdUnits.TimerName)));
        Assert.False(File.Exists(TimerLink) || new FileInfo(TimerLink).LinkTarget is not null);
    }

    [Fact]
    public void A_refused_token_fails_the_install_saying_what_to_do_and_leaves_nothing_behind()
    {
        _collector.Script(new FakeCollector.Reply(403, """{"title":"Forbidden","detail":"the enrollment token was already used"}""", "application/problem+json"));

        var run = Install("--token", "used");

        Assert.Equal(ExitCodes.InstallFailed, run.ExitCode);
        Assert.Contains("the enrollment token was already used", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ask for a new token", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("was undone", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_layout.Root), string.Join('\n', Directory.Exists(_layout.Root) ? Directory.EnumerateFileSystemEntries(_layout.Root, "*", SearchOption.AllDirectories) : []));
    }

    [Fact]
    public void A_failed_reinstall_keeps_the_earlier_install_as_it_was()
    {
        _collector.Script(Enrolled);
        Assert.Equal(0, Install("--token", "tok-1").ExitCode);
        var key = File.ReadAllBytes(_layout.KeyFile);
        var config = File.ReadAllBytes(_layout.ConfigPath);
        var timer = File.ReadAllText(Path.Combine(_layout.UnitFolder!, SystemdUnits.TimerName));
        _collector.Script(new FakeCollector.Reply(403, """{"detail":"token expired"}""", "application/problem+json"));

        var failed = Install("--token", "tok-2", "--reenroll", "--at", "06:00");

        Assert.Equal(ExitCodes.InstallFailed, failed.ExitCode);
        Assert.Equal(key, File.ReadAllBytes(_layout.KeyFile));
        Assert.Equal(config, File.ReadAllBytes(_layout.ConfigPath));
        Assert.Equal(timer, File.ReadAllText(Path.Combine(_layout.UnitFolder!, SystemdUnits.TimerName)));
        Assert.True(File.Exists(_layout.Executable));
        Assert.Equal(Path.Combine("/etc/systemd/system", SystemdUnits.TimerName), new FileInfo(TimerLink).LinkTarget);
    }

    [Fact]
    public void Without_a_token_the_probe_is_installed_and_scheduled_and_says_how_to_enroll_later()
    {
        var run = Install();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"sudo {_layout.Executable} enroll --collector {_collector.Url} --branch F042 --token TOKEN --config {_layout.ConfigPath}", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_layout.UnitFolder!, SystemdUnits.TimerName)));
        Assert.False(File.Exists(_layout.KeyFile));
        Assert.Empty(_collector.Requests);

        // The printed command, run as root: the key goes to the service's user, who can then sign.
        _collector.Script(Enrolled);
        var enroll = ProbeProcess.Run(_tree.Root, "enroll", "--collector", _collector.Url.ToString(), "--branch", "F042", "--token", "later", "--config", _layout.ConfigPath);

        Assert.Equal(0, enroll.ExitCode);
        Assert.Equal(Tool("id", "-u", Account).Trim(), OwnerId(_layout.KeyFile).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var scheduled = Probe.Install.ExternalCommand.Run("runuser", ["-u", Account, "--", _layout.Executable, "run", "--config", _layout.ConfigPath], TimeSpan.FromMinutes(1));
        Assert.True(scheduled.ExitCode == 0, scheduled.Said);
    }
}
