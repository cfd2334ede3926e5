using System.Globalization;
using System.Text;
using System.Xml;

namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>
/// The probe's Task Scheduler task as XML for <c>schtasks /Create /XML</c>, in the order and version (1.3) of
/// Microsoft's published schema (taskschd.xsd), which a test checks every variant against. The task runs whether
/// anyone is logged on or not, starts late after a missed start, never runs twice at once, ignores batteries, is
/// stopped after a time limit, runs below normal priority, and starts at each chosen time plus a heartbeat every few hours (hourly by default).
/// </summary>
public static class WindowsTask
{
    public const string Namespace = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    /// <summary>The task's folder and name in the Task Scheduler library.</summary>
    public const string Name = @"MonitoramentoBKP\Probe";

    /// <summary>The name the dry run shows it under and the installer writes it to before registering.</summary>
    public const string FileName = "bkp-probe-task.xml";

    /// <summary>Task Scheduler priority 7: below-normal CPU class and low I/O priority for the process it starts.</summary>
    public const int BelowNormalPriority = 7;

    // A fixed first day in the past: the triggers repeat daily from it, and the XML does not change between installs.
    private static readonly DateOnly FirstDay = new(2024, 1, 1);

    /// <summary>The name of the one-off task install uses to run a step (enrollment, the first run) as the task's account.</summary>
    public const string StepName = @"MonitoramentoBKP\ProbeInstallStep";

    /// <summary>The complete task definition, with the XML declaration naming UTF-16 (write it with <see cref="Encode"/>).</summary>
    public static string Xml(InstallLayout layout, ProbeSchedule schedule, TaskAccount account) => Document(
        Name,
        "Verifica os backups desta filial e envia o manifesto ao coletor do MonitoramentoBKP. / Checks this branch's backups and sends the manifest to the MonitoramentoBKP collector.",
        w =>
        {
            foreach (var time in schedule.Times)
            {
                Daily(w, time, schedule.RandomDelay, repeatEvery: null);
            }

            if (schedule.HeartbeatHours > 0)
            {
                Daily(w, TimeOnly.MinValue, schedule.RandomDelay, repeatEvery: TimeSpan.FromHours(schedule.HeartbeatHours));
            }
        },
        account,
        schedule.TimeLimit,
        ScheduledCommand.WindowsArguments(layout),
        layout.ProgramFolder);

    /// <summary>
    /// A task without triggers that install registers, starts once and deletes, to run <paramref name="script"/> as
    /// <paramref name="account"/>: the key is sealed with DPAPI for the account that uses it, so it must be made as that account.
    /// </summary>
    public static string StepXml(TaskAccount account, string script, string workingDirectory, TimeSpan timeLimit) => Document(
        StepName,
        "MonitoramentoBKP: um passo da instalação, apagado ao terminar. / One install step, deleted when done.",
        _ => { },
        account,
        timeLimit,
        $"/d /c \"\"{script}\"\"",
        workingDirectory);

    private static string Document(string name, string description, Action<XmlWriter> triggers, TaskAccount account, TimeSpan timeLimit, string arguments, string workingDirectory)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\r\n" };
        using (var w = XmlWriter.Create(text, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("Task", Namespace);
            w.WriteAttributeString("version", "1.3");

            w.WriteStartElement("RegistrationInfo", Namespace);
            w.WriteElementString("URI", Namespace, @"\" + name);
            w.WriteElementString("Author", Namespace, "MonitoramentoBKP");
            w.WriteElementString("Description", Namespace, description);
            w.WriteEndElement();

            w.WriteStartElement("Triggers", Namespace);
            triggers(w);
            w.WriteEndElement();

            w.WriteStartElement("Principals", Namespace);
            w.WriteStartElement("Principal", Namespace);
            w.WriteAttributeString("id", "Author");
            if (account.IsSystem)
            {
                // LocalSystem by SID and no LogonType: the schema has no ServiceAccount value.
                w.WriteElementString("UserId", Namespace, TaskAccount.SystemSid);
                w.WriteElementString("RunLevel", Namespace, "HighestAvailable");
            }
            else
            {
                w.WriteElementString("UserId", Namespace, account.Name);
                w.WriteElementString("LogonType", Namespace, account.Logon == TaskLogon.Password ? "Password" : "S4U");
                w.WriteElementString("RunLevel", Namespace, "LeastPrivilege");
            }

            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("Settings", Namespace);
            w.WriteElementString("MultipleInstancesPolicy", Namespace, "IgnoreNew");
            w.WriteElementString("DisallowStartIfOnBatteries", Namespace, "false");
            w.WriteElementString("StopIfGoingOnBatteries", Namespace, "false");
            w.WriteElementString("AllowHardTerminate", Namespace, "true");
            w.WriteElementString("StartWhenAvailable", Namespace, "true");
            w.WriteElementString("RunOnlyIfNetworkAvailable", Namespace, "false");
            w.WriteStartElement("IdleSettings", Namespace);
            w.WriteElementString("StopOnIdleEnd", Namespace, "false");
            w.WriteElementString("RestartOnIdle", Namespace, "false");
            w.WriteEndElement();
            w.WriteElementString("AllowStartOnDemand", Namespace, "true");
            w.WriteElementString("Enabled", Namespace, "true");
            w.WriteElementString("Hidden", Namespace, "false");
            w.WriteElementString("RunOnlyIfIdle", Namespace, "false");
            w.WriteElementString("WakeToRun", Namespace, "false");
            w.WriteElementString("ExecutionTimeLimit", Namespace, XmlConvert.ToString(timeLimit));
            w.WriteElementString("Priority", Namespace, BelowNormalPriority.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();

            w.WriteStartElement("Actions", Namespace);
            w.WriteAttributeString("Context", "Author");
            w.WriteStartElement("Exec", Namespace);
            w.WriteElementString("Command", Namespace, ScheduledCommand.WindowsShell);
            w.WriteElementString("Arguments", Namespace, arguments);
            w.WriteElementString("WorkingDirectory", Namespace, workingDirectory);
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return text.ToString() + "\r\n";
    }

    /// <summary>The bytes schtasks reads: UTF-16 little-endian with a byte order mark, as the declaration says.</summary>
    public static byte[] Encode(string xml) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)];

    /// <summary>Every day at <paramref name="time"/>, in schema order: StartBoundary, Repetition, RandomDelay, ScheduleByDay.</summary>
    private static void Daily(XmlWriter w, TimeOnly time, TimeSpan randomDelay, TimeSpan? repeatEvery)
    {
        w.WriteStartElement("CalendarTrigger", Namespace);
        w.WriteElementString("StartBoundary", Namespace, FirstDay.ToDateTime(time).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        if (repeatEvery is { } interval)
        {
            w.WriteStartElement("Repetition", Namespace);
            w.WriteElementString("Interval", Namespace, XmlConvert.ToString(interval));
            w.WriteElementString("Duration", Namespace, XmlConvert.ToString(TimeSpan.FromDays(1)));
            w.WriteElementString("StopAtDurationEnd", Namespace, "false");
            w.WriteEndElement();
        }

        w.WriteElementString("RandomDelay", Namespace, XmlConvert.ToString(randomDelay));
        w.WriteStartElement("ScheduleByDay", Namespace);
        w.WriteElementString("DaysInterval", Namespace, "1");
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
