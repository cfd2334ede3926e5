using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.FakeGoogle;
using MonitoramentoBKP.Functions.Tests.Support;

namespace MonitoramentoBKP.Collector.Google.Tests.Support;

/// <summary>
/// The collector's sheet delivery wired as in production (Google writer, HttpClient with its resilience handler,
/// service-account tokens) against the fake Google, over in-memory state and outbox.
/// </summary>
public sealed class GoogleRig : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 11, 30, 15, 0, 0, DateTimeKind.Utc);

    private readonly ServiceProvider _services;

    private GoogleRig(FakeGoogleServer google, string spreadsheetId, SheetLanguage language)
    {
        Google = google;
        SpreadsheetId = spreadsheetId;
        var options = new GoogleSheetOptions
        {
            SpreadsheetId = spreadsheetId,
            ServiceAccountKeyJson = google.ServiceAccountKeyJson,
            BaseUri = google.BaseUri,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        };
        _services = new ServiceCollection().AddGoogleSheet(options).BuildServiceProvider();
        Writer = _services.GetRequiredService<ISheetWriter>();
        Registry = new RegistryService(new InMemoryRegistryStore());
        Dispatcher = new SheetDispatcher(Writer, Ledger, State, Registry, State, new SheetOptions { Language = language, DeliveryRetryDelay = TimeSpan.FromMilliseconds(10) }, Time);
    }

    public FakeGoogleServer Google { get; }
    public string SpreadsheetId { get; }
    public FakeSpreadsheet Spreadsheet => Google.Spreadsheet(SpreadsheetId);
    public ISheetWriter Writer { get; }

    /// <summary>The REST client the writer uses, for changing the spreadsheet the way a person would.</summary>
    public GoogleSheetsClient Client => _services.GetRequiredService<GoogleSheetsClient>();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(Now));
    public InMemoryStore State { get; } = new();
    public InMemorySheetLedger Ledger { get; } = new();
    public RegistryService Registry { get; }
    public SheetDispatcher Dispatcher { get; }

    /// <param name="branches">How many branches the registry has: F0001, F0002, ...</param>
    /// <param name="language">The sheet's language; Portuguese by default.</param>
    /// <param name="name">The name of branch number i; "Loja i" by default.</param>
    public static async Task<GoogleRig> StartAsync(int branches = 3, SheetLanguage? language = null, Func<int, string>? name = null)
    {
        var google = await FakeGoogleServer.StartAsync();
        var rig = new GoogleRig(google, google.CreateSpreadsheet(), language ?? SheetLanguage.Portuguese);
        var entries = string.Join(",", Enumerable.Range(1, branches).Select(i => $$"""{"id":"F{{i:0000}}","name":{{JsonSerializer.Serialize(name?.Invoke(i) ?? $"Loja {i}")}},"template":"loja"}"""));
        var import = await rig.Registry.ImportAsync($$"""
            { "templates": { "loja": { "sets": [ { "id": "sql", "root": "C:\\backup_sql", "schedule": "0 22 * * *" } ] } },
              "branches": [ {{entries}} ] }
            """, default);
        Assert.True(import.Succeeded, string.Join("; ", import.Problems));
        return rig;
    }

    /// <summary>Commits a status change for a branch's set, as ingest or the sweep would (state and change together, outbox marked).</summary>
    /// <param name="branchId">The branch whose set "sql" changes.</param>
    /// <param name="to">The set's new status.</param>
    /// <param name="atUtc">When.</param>
    /// <param name="reason">The finding's text in both languages; "the backup folder is empty" by default.</param>
    /// <param name="file">The newest backup's path, when there is to be one.</param>
    public async Task FlipAsync(string branchId, SetStatus to, DateTime atUtc, string? reason = null, string? file = null)
    {
        var snapshot = await State.ReadAsync(branchId, default);
        var before = snapshot.Sets.GetValueOrDefault("sql") ?? new SetState { SetId = "sql" };
        var reasons = to == SetStatus.Ok ? [] : new List<FindingRecord> { new("folder-empty", to, reason ?? $"A pasta de backup de {branchId} está vazia.", reason ?? $"The backup folder of {branchId} is empty.") };
        var after = before with { Status = to, SinceUtc = atUtc, Reasons = reasons, LastRunUtc = atUtc, Newest = file is null ? before.Newest : new BackupObservation(file, 300_000_000, atUtc.AddHours(-1), new string('a', 64)) };
        var update = new BranchUpdate
        {
            Contact = snapshot.Contact with { LastContactUtc = atUtc, ProbeVersion = "1.0.0" },
            Sets = [after],
            Changes = [BranchJudgement.Change(branchId, before, after, reasons, atUtc, Guid.NewGuid())],
            Days = [new DayVerdict("sql", DateOnly.FromDateTime(atUtc.AddHours(-3)), to, atUtc)],
        };
        await State.MarkAsync(branchId, default);
        Assert.True(await State.TryCommitAsync(branchId, snapshot, update, null, default));
        await State.MarkAsync(branchId, default);
    }

    /// <summary>Write requests the fake received, by the tab they wrote to.</summary>
    public Dictionary<string, List<RecordedRequest>> WritesByTab(int since = 0)
    {
        var titles = Spreadsheet.Sheets.ToDictionary(s => s.SheetId, s => s.Title);
        var byTab = new Dictionary<string, List<RecordedRequest>>(StringComparer.Ordinal);
        foreach (var request in Google.Requests.Skip(since).Where(r => r.Method != "GET" && r.Operation is not null))
        {
            foreach (var tab in TabsOf(request, titles))
            {
                (byTab.TryGetValue(tab, out var list) ? list : byTab[tab] = []).Add(request);
            }
        }

        return byTab;
    }

    private static IEnumerable<string> TabsOf(RecordedRequest request, Dictionary<int, string> titles)
    {
        var tabs = new HashSet<string>(StringComparer.Ordinal);
        var body = JsonNode.Parse(request.Body);
        foreach (var node in Descendants(body))
        {
            if (node is JsonObject o)
            {
                if (o["sheetId"] is JsonValue id && titles.TryGetValue(id.GetValue<int>(), out var title))
                {
                    tabs.Add(title);
                }

                foreach (var range in new[] { o["range"] }.Concat((o["ranges"] as JsonArray ?? []).ToArray()))
                {
                    if (range is JsonValue v && v.TryGetValue<string>(out var a1))
                    {
                        tabs.Add(a1.Split('!')[0].Trim('\''));
                    }
                }
            }
        }

        return tabs;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var d in Descendants(child))
            {
                yield return d;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Google.DisposeAsync();
    }
}
