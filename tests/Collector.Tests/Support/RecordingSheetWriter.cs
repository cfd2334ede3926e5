using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>
/// A sheet in memory that counts what was asked of it, with faults on demand: refuse before applying, or apply and
/// then fail (the unknown outcome an append can have).
/// </summary>
public sealed class RecordingSheetWriter : ISheetWriter
{
    private readonly Lock _gate = new();

    public Dictionary<string, SheetTab> Tabs { get; } = new(StringComparer.Ordinal);
    public List<IReadOnlyList<string>> Alerts { get; } = [];
    public int Inits { get; private set; }
    public int Rewrites { get; private set; }
    public int Appends { get; private set; }
    public int IdReads { get; private set; }

    /// <summary>Applied, then thrown: the next append lands but the caller hears a failure.</summary>
    public SheetDeliveryException? FailAfterNextAppend { get; set; }

    /// <summary>Thrown by every read of the alert ids until cleared.</summary>
    public SheetDeliveryException? RefuseIdReads { get; set; }

    /// <summary>Thrown instead of applying, for every call, until cleared.</summary>
    public SheetDeliveryException? Refuse { get; set; }

    public string Describe => "recording sheet";

    public IReadOnlyList<string> AlertIds => [.. Alerts.Select(r => r[0])];

    public Task InitAsync(IReadOnlyList<SheetTab> layout, SheetLanguage language, CancellationToken cancellationToken)
    {
        ThrowIfRefused();
        lock (_gate)
        {
            Inits++;
            foreach (var tab in layout.Where(t => !Tabs.ContainsKey(t.Title)))
            {
                Tabs[tab.Title] = tab;
            }
        }

        return Task.CompletedTask;
    }

    public Task RewriteAsync(SheetTab tab, SheetLanguage language, CancellationToken cancellationToken)
    {
        ThrowIfRefused();
        lock (_gate)
        {
            Rewrites++;
            Tabs[tab.Title] = tab;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> AlertIdsAsync(CancellationToken cancellationToken)
    {
        ThrowIfRefused();
        if (RefuseIdReads is { } refusal)
        {
            throw refusal;
        }

        lock (_gate)
        {
            IdReads++;
            return Task.FromResult<IReadOnlySet<string>>(Alerts.Select(r => r[0]).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task AppendAlertsAsync(SheetTab rows, SheetLanguage language, CancellationToken cancellationToken)
    {
        ThrowIfRefused();
        lock (_gate)
        {
            Appends++;
            Alerts.AddRange(rows.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.Display(language))]));
        }

        if (FailAfterNextAppend is { } failure)
        {
            FailAfterNextAppend = null;
            throw failure;
        }

        return Task.CompletedTask;
    }

    private void ThrowIfRefused()
    {
        if (Refuse is { } refusal)
        {
            throw refusal;
        }
    }
}
