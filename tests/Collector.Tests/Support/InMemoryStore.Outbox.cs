using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>
/// The outbox over the in-memory change rows: marks with versions, delivered flags, and a counted dispatch signal.
/// The store itself is the sheet's reader; <see cref="ChannelOutbox"/> the alert channels', with marks and flags of its own.
/// </summary>
public sealed partial class InMemoryStore : IOutbox, IDispatchSignal
{
    private ChannelReader? _channels;

    /// <summary>The alert channels' reader of the same change rows (marked together with the sheet's).</summary>
    public IOutbox ChannelOutbox
    {
        get
        {
            lock (_gate)
            {
                return _channels ??= new ChannelReader(this);
            }
        }
    }

    private readonly Dictionary<string, int> _marks = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);
    private int _markVersion;

    public int Signals { get; private set; }

    public IReadOnlyCollection<string> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    public void Raise()
    {
        lock (_gate)
        {
            Signals++;
        }
    }

    public Task MarkAsync(string branchId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _marks[branchId.ToUpperInvariant()] = ++_markVersion;
            ((ChannelReader)ChannelOutbox).Mark(branchId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxMark>> MarkedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxMark>>([.. _marks.Select(m => new OutboxMark(m.Key, m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        }
    }

    public Task<IReadOnlyList<StatusChange>> UndeliveredAsync(string branchId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StatusChange>>([.. Changes
                .Where(c => string.Equals(c.BranchId, branchId, StringComparison.OrdinalIgnoreCase) && !_delivered.Contains(c.ChangeId))
                .OrderBy(c => c.AtUtc)]);
        }
    }

    public Task<IReadOnlyList<string>> ScanUndeliveredAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. Changes.Where(c => !_delivered.Contains(c.ChangeId)).Select(c => c.BranchId.ToUpperInvariant()).Distinct()]);
        }
    }

    /// <summary>Forgets every mark, as if the processes that set them died before their second mark.</summary>
    public void DropMarks()
    {
        lock (_gate)
        {
            _marks.Clear();
        }
    }

    public Task MarkDeliveredAsync(string branchId, IReadOnlyCollection<string> changeIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _delivered.UnionWith(changeIds);
        }

        return Task.CompletedTask;
    }

    public Task<bool> UnmarkAsync(OutboxMark mark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_marks.TryGetValue(mark.BranchId, out var version) && version.ToString(System.Globalization.CultureInfo.InvariantCulture) != mark.Version)
            {
                return Task.FromResult(false);
            }

            _marks.Remove(mark.BranchId);
            return Task.FromResult(true);
        }
    }

    /// <summary>The channels' marks and delivered flags over the store's change rows.</summary>
    private sealed class ChannelReader(InMemoryStore store) : IOutbox
    {
        private readonly Dictionary<string, int> _marks = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private int _version;

        public void Mark(string branchId)
        {
            lock (store._gate)
            {
                _marks[branchId.ToUpperInvariant()] = ++_version;
            }
        }

        public Task MarkAsync(string branchId, CancellationToken cancellationToken) => store.MarkAsync(branchId, cancellationToken);

        public Task<IReadOnlyList<OutboxMark>> MarkedAsync(CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                return Task.FromResult<IReadOnlyList<OutboxMark>>([.. _marks.Select(m => new OutboxMark(m.Key, m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
            }
        }

        public Task<IReadOnlyList<StatusChange>> UndeliveredAsync(string branchId, CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                return Task.FromResult<IReadOnlyList<StatusChange>>([.. store.Changes
                    .Where(c => string.Equals(c.BranchId, branchId, StringComparison.OrdinalIgnoreCase) && !_taken.Contains(c.ChangeId))
                    .OrderBy(c => c.AtUtc)]);
            }
        }

        public Task<IReadOnlyList<string>> ScanUndeliveredAsync(CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                return Task.FromResult<IReadOnlyList<string>>([.. store.Changes.Where(c => !_taken.Contains(c.ChangeId)).Select(c => c.BranchId.ToUpperInvariant()).Distinct()]);
            }
        }

        public Task MarkDeliveredAsync(string branchId, IReadOnlyCollection<string> changeIds, CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                _taken.UnionWith(changeIds);
            }

            return Task.CompletedTask;
        }

        public Task<bool> UnmarkAsync(OutboxMark mark, CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                if (_marks.TryGetValue(mark.BranchId, out var version) && version.ToString(System.Globalization.CultureInfo.InvariantCulture) != mark.Version)
                {
                    return Task.FromResult(false);
                }

                _marks.Remove(mark.BranchId);
                return Task.FromResult(true);
            }
        }
    }
}
