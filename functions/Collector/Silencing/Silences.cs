using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Silencing;

/// <summary>
/// The rules of silences, in one place: which one is in effect, whether an alert falls inside one, and what the
/// sweep records when one begins or ends. A branch's state holds the silence the Alertas log knows of (set by the
/// admin route, or copied from the registry when the sweep sees it begin); the registry's own silence counts from
/// its first moment even before the sweep records it, so no alert slips out in between.
/// </summary>
public static class Silences
{
    /// <summary>The due index's entry for a branch's next silence boundary (a set id no set can have).</summary>
    public const string DueSetId = "~silence";

    /// <summary>The longest silence the admin route or the registry may set.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(90);

    /// <summary>The silence in effect on the branch at <paramref name="nowUtc"/>, if any: the recorded one first, else the registry's.</summary>
    public static BranchSilence? InEffect(BranchPolicy? branch, BranchContact contact, DateTime nowUtc) =>
        contact.Silence is { EndedUtc: null } recorded && recorded.FromUtc <= nowUtc && nowUtc < recorded.UntilUtc ? recorded
        : branch?.Silence is { } planned && planned.FromUtc <= nowUtc && nowUtc < planned.UntilUtc ? planned
        : null;

    /// <summary>Whether an alert of the set at <paramref name="atUtc"/> is silenced.</summary>
    public static bool Covers(BranchPolicy? branch, BranchContact contact, string setId, DateTime atUtc) =>
        contact.Silence?.Covers(setId, atUtc) == true || branch?.Silence?.Covers(setId, atUtc) == true;

    /// <summary>When the sweep must look at the branch for its silence: the recorded one's end, or the registry's start (or now, when it has begun unrecorded).</summary>
    public static DueEntry? Due(BranchPolicy branch, BranchContact contact, DateTime nowUtc)
    {
        if (contact.Silence is { EndedUtc: null } open)
        {
            return new DueEntry(branch.Id, DueSetId, open.Source == BranchSilence.FromRegistry && (branch.Silence is not { } p || !p.SameAs(open)) ? nowUtc : open.UntilUtc);
        }

        if (branch.Silence is { } planned && planned.UntilUtc > nowUtc && !(contact.Silence is { } last && last.SameAs(planned)))
        {
            return new DueEntry(branch.Id, DueSetId, planned.FromUtc > nowUtc ? planned.FromUtc : nowUtc);
        }

        return null;
    }

    /// <summary>
    /// What the sweep records at <paramref name="nowUtc"/>: the end of the recorded silence once its time has come
    /// (or once the registry dropped or changed the one it copied), then the start of the registry's if it has begun
    /// and is not recorded yet. Null when nothing changes.
    /// </summary>
    public static (BranchContact Contact, IReadOnlyList<StatusChange> Changes)? Transition(BranchPolicy branch, BranchSnapshot snapshot, DateTime nowUtc)
    {
        var contact = snapshot.Contact;
        var changes = new List<StatusChange>();
        if (contact.Silence is { EndedUtc: null } open)
        {
            var dropped = open.Source == BranchSilence.FromRegistry && (branch.Silence is not { } p || !p.SameAs(open));
            if (nowUtc >= open.UntilUtc || dropped)
            {
                var at = nowUtc < open.UntilUtc ? nowUtc : open.UntilUtc;
                contact = contact with { Silence = open with { EndedUtc = at } };
                changes.AddRange(Notes(branch, snapshot, open, ended: true, at));
            }
        }

        if (contact.Silence is not { EndedUtc: null } && branch.Silence is { } planned && planned.FromUtc <= nowUtc && nowUtc < planned.UntilUtc
            && !(contact.Silence is { } last && last.SameAs(planned)))
        {
            contact = contact with { Silence = planned };
            changes.AddRange(Notes(branch, snapshot, planned, ended: false, nowUtc));
        }

        return changes.Count == 0 ? null : (contact, changes);
    }

    /// <summary>"05/12 18:00" in <paramref name="zone"/>.</summary>
    public static string LocalEnd(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("dd/MM HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One log line per silenced set: the set's status stays as it is; its end announces what is still wrong.</summary>
    public static IReadOnlyList<StatusChange> Notes(BranchPolicy branch, BranchSnapshot snapshot, BranchSilence silence, bool ended, DateTime atUtc) =>
        [.. branch.Sets.Where(s => silence.Covers(s.Id)).Select(policy =>
        {
            var state = snapshot.Sets.GetValueOrDefault(policy.Id) ?? new SetState { SetId = policy.Id };
            return new StatusChange
            {
                ChangeId = $"{atUtc:yyyyMMddHHmmssfffffff}-{policy.Id}-{(ended ? "silence-end" : "silence")}-{Guid.NewGuid():N}",
                BranchId = branch.Id,
                SetId = policy.Id,
                Old = state.Status,
                New = state.Status,
                Reasons = state.Reasons,
                AtUtc = atUtc,
                Notify = false,
                Silence = new SilenceNote(ended, silence.UntilUtc, LocalEnd(silence.UntilUtc, policy.TimeZone), silence.Reason, silence.Source),
            };
        })];
}
