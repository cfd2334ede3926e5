using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>The collector's storage ports in memory, with the same conditional-write rule as Table Storage.</summary>
public sealed partial class InMemoryStore : IBranchStateStore, IManifestArchive, IBranchDirectory, IDueIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (BranchSnapshot Snapshot, int Version)> _branches = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string, Guid)> _applied = [];

    public ConcurrentDictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);
    public HashSet<DueEntry> Due { get; } = [];
    public List<StatusChange> Changes { get; } = [];
    public Dictionary<string, BranchPolicy> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int Conflicts { get; private set; }

    /// <summary>Runs just before a commit is checked: lets a test slip another writer in between read and write.</summary>
    public Func<Task>? BeforeCommit { get; set; }

    public Task<BranchPolicy?> FindAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult(Policies.GetValueOrDefault(branchId));

    public Task<bool> TryAddAsync(string name, ReadOnlyMemory<byte> gzip, CancellationToken cancellationToken) =>
        Task.FromResult(Blobs.TryAdd(name, gzip.ToArray()));

    public Task<Manifest?> ReadManifestAsync(string name, CancellationToken cancellationToken)
    {
        if (!Blobs.TryGetValue(name, out var gzip))
        {
            return Task.FromResult<Manifest?>(null);
        }

        using var inflate = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        return Task.FromResult(JsonSerializer.Deserialize(inflate, ContractsJson.Context.Manifest));
    }

    public Task<BranchSnapshot> ReadAsync(string branchId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_branches.TryGetValue(branchId, out var b) ? b.Snapshot with { Version = b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) } : BranchSnapshot.Empty);
        }
    }

    public Task<bool> IsAppliedAsync(string branchId, Guid runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_applied.Contains((branchId.ToUpperInvariant(), runId)));
        }
    }

    public async Task<bool> TryCommitAsync(string branchId, BranchSnapshot snapshot, BranchUpdate update, Guid? runId, CancellationToken cancellationToken)
    {
        if (BeforeCommit is { } hook)
        {
            BeforeCommit = null;
            await hook().ConfigureAwait(false);
        }

        lock (_gate)
        {
            // Table Storage adds the applied-run row in the same transaction: a run already applied fails it with a 409.
            var current = _branches.TryGetValue(branchId, out var b) ? b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != snapshot.Version || (runId is { } applied && _applied.Contains((branchId.ToUpperInvariant(), applied))))
            {
                Conflicts++;
                return false;
            }

            var stored = _branches.TryGetValue(branchId, out var s) ? s.Snapshot : BranchSnapshot.Empty;
            var sets = new Dictionary<string, SetState>(stored.Sets, StringComparer.Ordinal);
            foreach (var set in update.Sets)
            {
                sets[set.SetId] = set;
            }

            var days = new Dictionary<(string, DateOnly), DayVerdict>(stored.Days);
            foreach (var day in update.Days)
            {
                days[(day.SetId, day.Day)] = day;
            }

            _branches[branchId] = (new BranchSnapshot { Contact = update.Contact, Sets = sets, Days = days }, (b.Version) + 1);
            Changes.AddRange(update.Changes);
            if (runId is { } id)
            {
                _applied.Add((branchId.ToUpperInvariant(), id));
            }

            return true;
        }
    }

    public Task ScheduleAsync(IEnumerable<DueEntry> entries, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Due.UnionWith(entries);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(IEnumerable<DueEntry> entries, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Due.ExceptWith(entries);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueEntry>> DueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DueEntry>>(Due.Where(d => d.DueUtc <= nowUtc).ToList());
        }
    }
}
