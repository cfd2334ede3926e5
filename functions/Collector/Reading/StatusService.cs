using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Reading;

/// <summary>GET /api/status and GET /api/branches/{id}: the collector's state as people and scripts read it.</summary>
public sealed class StatusService(RegistryService registry, IBranchStateStore store, TimeProvider time)
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

    private BranchStatusView View(BranchPolicy branch, BranchSnapshot snapshot, bool withDays) => new()
    {
        BranchId = branch.Id,
        Name = branch.Name,
        Paused = branch.Paused,
        Retired = branch.Retired,
        Silent = snapshot.Contact.Silent,
        LastContactUtc = snapshot.Contact.LastContactUtc,
        ProbeVersion = snapshot.Contact.ProbeVersion,
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
