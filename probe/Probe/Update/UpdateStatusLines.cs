using MonitoramentoBKP.Probe.Commands;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>The update lines of <c>bkp-probe status</c>: the version and the one before it, an update pending, on trial or failed, and the latest update event.</summary>
public static class UpdateStatusLines
{
    public static void Write(ProbeConfig config, Messages messages, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(output);
        var journal = UpdateStore.ReadJournal(config.StateDirectory);
        var previous = journal is { Phase: UpdatePhase.Trial or UpdatePhase.Confirmed } ? journal.PreviousVersion : null;
        output.WriteLine(messages.StatusVersion(CommandSupport.Version, previous));
        if (journal is not null)
        {
            output.WriteLine(messages.StatusUpdate(journal));
        }

        if (UpdateStore.ReadReport(config.StateDirectory) is { } report)
        {
            output.WriteLine(messages.StatusUpdateEvent(report));
        }
    }
}
