using System.Diagnostics;
using System.Runtime.Versioning;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Platform;

/// <summary>A real <c>run</c> lowers every one of its threads: SCHED_IDLE, nice 10 and the idle I/O class, read from outside while it waits on the collector.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProcessPriorityTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();

    public ProcessPriorityTests() => _tree.File("backup/Vendas.bak", TempTree.Random(10_000, 1));

    public void Dispose()
    {
        _collector.Dispose();
        _tree.Dispose();
    }

    [Fact]
    public async Task Every_thread_of_a_run_is_idle_for_the_cpu_at_nice_10_and_idle_for_io_while_it_delivers()
    {
        using (new ProbeKeyStore(new Messages(Language.English)).Create(_tree.PathOf("state/probe.key")))
        {
        }

        _collector.Script(new FakeCollector.Reply(202, Stall: TimeSpan.FromSeconds(5)));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _tree.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "bkp-probe.dll"), "run", "--set", "sql=backup", "--state-dir", "state", "--branch", "F042", "--collector", _collector.Url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var probe = Process.Start(start)!;
        var stderr = probe.StandardError.ReadToEndAsync();
        _ = probe.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (_collector.Requests.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60) && !probe.HasExited)
        {
            await Task.Delay(50);
        }

        Assert.True(_collector.Requests.Count > 0, $"the run sent nothing: {(probe.HasExited ? await stderr : "")}");
        var threads = Directory.EnumerateDirectories($"/proc/{probe.Id}/task").Select(Path.GetFileName).ToList();
        // After "pid (comm) ", field 3 is the first: nice is field 19, the scheduling policy field 41 (5: SCHED_IDLE).
        var stat = threads.ToDictionary(t => t!, t => File.ReadAllText($"/proc/{probe.Id}/task/{t}/stat").Split(") ")[1].Split(' '));
        var io = threads.ToDictionary(t => t!, t => Probe.Install.ExternalCommand.Run("ionice", ["-p", t!], TimeSpan.FromSeconds(10)).Stdout.Trim());
        await probe.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        var said = await stderr;

        Assert.Equal(0, probe.ExitCode);
        Assert.True(threads.Count > 3, $"{threads.Count} threads");
        Assert.All(stat, pair => Assert.True(pair.Value[16] == "10", $"thread {pair.Key} at nice {pair.Value[16]}"));
        Assert.All(stat, pair => Assert.True(pair.Value[38] == "5", $"thread {pair.Key} under policy {pair.Value[38]}"));
        Assert.All(io, pair => Assert.True(pair.Value == "idle", $"thread {pair.Key}: ionice says '{pair.Value}'"));
        Assert.DoesNotContain("priority", said, StringComparison.Ordinal);
    }
}
