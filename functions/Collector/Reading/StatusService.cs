using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Reading;

/// <summary>GET /api/status and GET /api/branches/{id}: the collector's state as people and scripts read it, and the fleet's versions and releases.</summary>
public sealed class StatusService(RegistryService registry, IBranchStateStore store, IRolloutStore rollouts, TimeProvider time)
{
    public const int GridDays = 30;

    public async Task<IReadOnlyList<BranchStatusView>> AllAsync(CancellationToken cancellationToken)
    {
        var views = new List<BranchStatusView>();
        foreach (var branch in await registry.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(View(branch, await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false), withDays: false));
        }

        return views;
    }

    public async Task<BranchStatusView?> OneAsync(string branchId, CancellationToken cancellationToken)
    {
        var branch = await registry.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        return branch is null ? null : View(branch, await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false), withDays: true);
    }

    /// <summary>The versions the branches of <paramref name="branches"/> run, and every published release's rollout, newest first.</summary>
    public async Task<FleetView> FleetAsync(IReadOnlyList<BranchStatusView> branches, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var live = branches.Where(b => !b.Retired).ToList();
        var versions = live
            .Where(b => b.ProbeVersion is not null)
            .GroupBy(b => b.ProbeVersion!, StringComparer.Ordinal)
            .Select(g => new VersionCount(g.Key, g.Count()))
            .OrderByDescending(v => ReleaseVersion.TryParse(v.Version, out var parsed) ? parsed : null, Comparer<ReleaseVersion?>.Create((a, b) => a is null ? (b is null ? 0 : -1) : a.CompareTo(b)))
            .ThenBy(v => v.Version, StringComparer.Ordinal)
            .ToList();
        var releases = (await rollouts.AllAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(r => r.Channel, StringComparer.Ordinal)
            .ThenByDescending(r => ReleaseVersion.Parse(r.Version))
            .Select(r => new ReleaseView
            {
                Channel = r.Channel,
                Version = r.Version,
                Percent = r.Percent,
                Pilots = r.Pilots,
                Pulled = r.Pulled,
                PublishedUtc = r.PublishedUtc,
                ExpiresUtc = r.ExpiresUtc,
                BranchesOffered = live.Count(b => r.Offers(b.BranchId, now)),
                BranchesRunning = live.Count(b => b.ProbeVersion == r.Version),
            })
            .ToList();
        return new FleetView(versions, releases);
    }

    private BranchStatusView View(BranchPolicy branch, BranchSnapshot snapshot, bool withDays) => new()
    {
        BranchId = branch.Id,
        Name = branch.Name,
        Paused = branch.Paused,
        Retired = branch.Retired,
        Silent = snapshot.Contact.Silent,
        LastContactUtc = snapshot.Contact.LastContactUtc,
        ProbeVersion = snapshot.Contact.ProbeVersion,
        Update = snapshot.Contact.Update,
        UninstalledUtc = snapshot.Contact.UninstalledUtc,
        ProbeNote = ProbeNote.Of(snapshot.Contact, branch.Sets.FirstOrDefault()?.TimeZone ?? TimeZoneInfo.Utc),
        Sets = branch.Sets.Select(policy =>
        {
            var state = snapshot.Sets.GetValueOrDefault(policy.Id) ?? new SetState { SetId = policy.Id };
            return new SetStatusView
            {
                SetId = policy.Id,
                Status = state.Status,
                SinceUtc = state.SinceUtc,
                Reasons = state.Reasons,
                NewestBackup = state.Newest?.Path,
                NewestBackupBytes = state.Newest?.Size,
                NewestBackupUtc = state.Newest?.LastWriteUtc,
                NextCheckDueUtc = state.NextCheckDueUtc,
                Days = withDays ? Grid(policy, snapshot) : null,
            };
        }).ToList(),
    };

    private List<DayView> Grid(BackupSetPolicy policy, BranchSnapshot snapshot)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, policy.TimeZone));
        var days = new List<DayView>(GridDays);
        for (var day = today.AddDays(1 - GridDays); day <= today; day = day.AddDays(1))
        {
            days.Add(snapshot.Days.TryGetValue((policy.Id, day), out var verdict)
                ? new DayView(day, verdict.Status.ToString())
                : new DayView(day, policy.Calendar.IsOpen(day) ? SetStatus.Unknown.ToString() : "Closed"));
        }

        return days;
    }
}
