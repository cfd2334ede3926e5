using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Reading;

/// <summary>
/// What managers are told about a branch's probe itself, beside its sets: that it was uninstalled (and when, in the
/// branch's time), or that its latest update failed and the previous version was put back. Null when there is
/// nothing to tell.
/// </summary>
public static class ProbeNote
{
    public static Text? Of(BranchContact contact, TimeZoneInfo zone)
    {
        if (contact.UninstalledUtc is { } gone)
        {
            var at = Say.LocalTime(gone, zone);
            return new Text($"sonda desinstalada em {at.Pt}", $"probe uninstalled at {at.En}");
        }

        if (contact.Update is { Outcome: UpdateOutcome.RolledBack } rolledBack)
        {
            var versions = $"{rolledBack.Version} → {rolledBack.PreviousVersion}";
            return new Text($"atualização falhou, versão anterior restaurada ({versions})", $"update failed, previous version restored ({versions})");
        }

        return null;
    }
}
