using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using MonitoramentoBKP.Probe.Scheduling;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Scheduling;

/// <summary>The Task Scheduler task, every variant the installer can make, against Microsoft's published schema and the design's command.</summary>
public sealed class WindowsTaskTests
{
    private static readonly XNamespace T = WindowsTask.Namespace;

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Scheduling", "taskschd.xsd"));
        set.Add(WindowsTask.Namespace, reader);
        set.Compile();
        return set;
    });

    public static TheoryData<string, int, string?> Variants()
    {
        var data = new TheoryData<string, int, string?>();
        foreach (var account in new[] { "system", "s4u", "password", "s4u-spaces" })
        {
            foreach (var times in new[] { 1, 3, ProbeSchedule.MaxTimes })
            {
                foreach (var root in new[] { null, @"D:\Pasta com espaços & (teste)" })
                {
                    data.Add(account, times, root);
                }
            }
        }

        return data;
    }

    private static TaskAccount Account(string kind) => kind switch
    {
        "system" => TaskAccount.Default(TargetOs.Windows),
        "s4u" => new TaskAccount("bkpsonda", TaskLogon.S4U),
        "password" => new TaskAccount(@"LOJA01\backup", TaskLogon.Password),
        _ => new TaskAccount("Caixa da Loja", TaskLogon.S4U),
    };

    private static ProbeSchedule Schedule(int times) =>
        new() { Times = [.. Enumerable.Range(0, times).Select(i => new TimeOnly(23 - i % 24, 30 - i % 30))] };

    /// <summary>Schema problems of the bytes as schtasks would read them; none for a valid task.</summary>
    private static List<string> Validate(byte[] bytes)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_task_the_installer_can_make_validates_against_the_published_schema(string account, int times, string? root)
    {
        var layout = InstallLayout.For(TargetOs.Windows, root);
        var xml = WindowsTask.Xml(layout, Schedule(times), Account(account));

        var problems = Validate(WindowsTask.Encode(xml));

        Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n" + xml);
        Assert.Equal(times + 1, XDocument.Parse(xml).Root!.Element(T + "Triggers")!.Elements().Count());
    }

    [Fact]
    public void The_validation_itself_refuses_what_the_schema_refuses()
    {
        var xml = WindowsTask.Xml(InstallLayout.For(TargetOs.Windows), new ProbeSchedule(), TaskAccount.Default(TargetOs.Windows));

        var oldVersion = Validate(WindowsTask.Encode(xml.Replace("version=\"1.3\"", "version=\"1.2\"", StringComparison.Ordinal)));
        var wrongOrder = XDocument.Parse(xml);
        var trigger = wrongOrder.Root!.Element(T + "Triggers")!.Elements().First();
        var delay = trigger.Element(T + "RandomDelay")!;
        delay.Remove();
        trigger.AddFirst(delay);

        Assert.NotEmpty(oldVersion);
        Assert.NotEmpty(Validate(Encoding.Unicode.GetBytes(wrongOrder.ToString())));
    }

    [Fact]
    public void The_file_is_utf16_with_a_byte_order_mark_as_its_declaration_says()
    {
        var xml = WindowsTask.Xml(InstallLayout.For(TargetOs.Windows), new ProbeSchedule(), TaskAccount.Default(TargetOs.Windows));
        var bytes = WindowsTask.Encode(xml);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>", xml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        Assert.Equal(xml, Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
    }

    [Fact]
    public void The_system_task_runs_as_local_system_by_sid_without_a_logon_type()
    {
        var principal = Task(TaskAccount.Default(TargetOs.Windows)).Element(T + "Principals")!.Element(T + "Principal")!;

        Assert.Equal("S-1-5-18", principal.Element(T + "UserId")!.Value);
        Assert.Null(principal.Element(T + "LogonType"));
    }

    [Theory]
    [InlineData(TaskLogon.S4U, "S4U")]
    [InlineData(TaskLogon.Password, "Password")]
    public void A_named_account_runs_unprivileged_whether_logged_on_or_not(TaskLogon logon, string expected)
    {
        var principal = Task(new TaskAccount("bkpsonda", logon)).Element(T + "Principals")!.Element(T + "Principal")!;

        Assert.Equal("bkpsonda", principal.Element(T + "UserId")!.Value);
        Assert.Equal(expected, principal.Element(T + "LogonType")!.Value);
        Assert.Equal("LeastPrivilege", principal.Element(T + "RunLevel")!.Value);
    }

    [Fact]
    public void The_settings_start_late_never_overlap_ignore_batteries_stop_after_a_limit_and_run_below_normal()
    {
        var settings = Task(TaskAccount.Default(TargetOs.Windows)).Element(T + "Settings")!;

        Assert.Equal("true", settings.Element(T + "StartWhenAvailable")!.Value);
        Assert.Equal("IgnoreNew", settings.Element(T + "MultipleInstancesPolicy")!.Value);
        Assert.Equal("false", settings.Element(T + "DisallowStartIfOnBatteries")!.Value);
        Assert.Equal("false", settings.Element(T + "StopIfGoingOnBatteries")!.Value);
        Assert.Equal("PT4H", settings.Element(T + "ExecutionTimeLimit")!.Value);
        Assert.Equal("7", settings.Element(T + "Priority")!.Value);
    }

    [Fact]
    public void Each_chosen_time_is_a_daily_trigger_and_one_more_repeats_hourly_each_with_a_random_delay()
    {
        var schedule = new ProbeSchedule { Times = [new TimeOnly(7, 5), new TimeOnly(23, 30)] };
        var triggers = Task(TaskAccount.Default(TargetOs.Windows), schedule).Element(T + "Triggers")!.Elements(T + "CalendarTrigger").ToList();

        Assert.Equal(["2024-01-01T07:05:00", "2024-01-01T23:30:00", "2024-01-01T00:00:00"], triggers.Select(t => t.Element(T + "StartBoundary")!.Value));
        Assert.All(triggers, t => Assert.Equal("PT10M", t.Element(T + "RandomDelay")!.Value));
        Assert.All(triggers, t => Assert.Equal("1", t.Element(T + "ScheduleByDay")!.Element(T + "DaysInterval")!.Value));
        Assert.Equal(2, triggers.Count(t => t.Element(T + "Repetition") is null));
        Assert.Equal("PT1H", triggers[^1].Element(T + "Repetition")!.Element(T + "Interval")!.Value);
    }

    [Fact]
    public void The_action_runs_the_current_version_then_the_previous_versions_recover_exactly_as_designed()
    {
        var layout = InstallLayout.For(TargetOs.Windows, @"D:\Pasta com espaços");
        var exec = Task(TaskAccount.Default(TargetOs.Windows), layout: layout).Element(T + "Actions")!.Element(T + "Exec")!;

        Assert.Equal(@"%SystemRoot%\System32\cmd.exe", exec.Element(T + "Command")!.Value);
        Assert.Equal(
            @"/d /c """"D:\Pasta com espaços\Program Files\MonitoramentoBKP\bkp-probe.exe"" run --config ""D:\Pasta com espaços\ProgramData\MonitoramentoBKP\probe.json"" & "
            + @"if exist ""D:\Pasta com espaços\Program Files\MonitoramentoBKP\bkp-probe.previous.exe"" ""D:\Pasta com espaços\Program Files\MonitoramentoBKP\bkp-probe.previous.exe"" recover --config ""D:\Pasta com espaços\ProgramData\MonitoramentoBKP\probe.json""""",
            exec.Element(T + "Arguments")!.Value);
    }

    private static XElement Task(TaskAccount account, ProbeSchedule? schedule = null, InstallLayout? layout = null) =>
        XDocument.Parse(WindowsTask.Xml(layout ?? InstallLayout.For(TargetOs.Windows), schedule ?? new ProbeSchedule(), account)).Root!;

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(3, 2, "PT3H")]
    [InlineData(12, 2, "PT12H")]
    public void The_heartbeat_is_one_repeating_trigger_or_none(int hours, int triggers, string? interval)
    {
        var xml = WindowsTask.Xml(InstallLayout.For(TargetOs.Windows), new ProbeSchedule { HeartbeatHours = hours }, TaskAccount.Default(TargetOs.Windows));

        Assert.Empty(Validate(WindowsTask.Encode(xml)));
        var all = XDocument.Parse(xml).Root!.Element(T + "Triggers")!.Elements().ToList();
        Assert.Equal(triggers, all.Count);
        Assert.Equal(interval, all.Select(t => t.Element(T + "Repetition")?.Element(T + "Interval")?.Value).SingleOrDefault(i => i is not null));
    }
}
