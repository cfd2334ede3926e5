using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Admin;

/// <summary>
/// Loads the registry into storage (bulk import, or one branch with PUT) after validating it whole, storage limits
/// included: nothing is stored unless everything is valid. Importing the same registry twice changes nothing. Also
/// the <see cref="IBranchDirectory"/> the ingest reads policies from.
/// <para>
/// Every change is a read-modify-write of the index (<see cref="IRegistryStore"/>): new branch documents and the
/// registry's text are written first, under their hashes, where no reader looks; then one write of the index,
/// conditional on the version read, switches every reader to the new registry at once. Losing that race (another
/// import or PUT switched first) re-reads and re-applies, up to <see cref="MaxAttempts"/> times; after that the
/// answer is "busy, retry after", and nothing was applied.
/// </para>
/// </summary>
public sealed class RegistryService(IRegistryStore store, TimeProvider? time = null, IDueIndex? due = null) : IBranchDirectory
{
    /// <summary>Enough for dozens of simultaneous edits: each round of contention lets at least one writer through.</summary>
    public const int MaxAttempts = 40;

    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Policies by the hash of the document they were loaded from: a hash names one content, so an entry is never stale.</summary>
    private readonly ConcurrentDictionary<string, BranchPolicy> _policies = new(StringComparer.Ordinal);

    private string? _policiesVersion;
    private volatile Source? _source;
    private volatile Routes? _routes;

    private sealed record Source(string Hash, string Json);

    private sealed record Routes(string Hash, IReadOnlyList<AlertRoute> List);

    /// <summary>A registry validated and split into the documents it would store; or its problems.</summary>
    private sealed record Plan(string Json, string SourceHash, IReadOnlyList<RegistryDocument.BranchDocument> Documents, IReadOnlyList<RegistryProblem> Problems);

    public async Task<ImportReport> ImportAsync(string registryJson, CancellationToken cancellationToken)
    {
        var plan = Prepare(registryJson);
        if (plan.Problems.Count > 0)
        {
            return new ImportReport { Problems = plan.Problems };
        }

        var report = await RetryingAsync((current, ct) => ApplyAsync(plan, current, ct), cancellationToken).ConfigureAwait(false);
        await ScheduleSilencesAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>The sweep looks at each branch given a silence when it begins (or now), so the Alertas log and the sheet show it even if the branch sends nothing.</summary>
    private async Task ScheduleSilencesAsync(ImportReport report, CancellationToken cancellationToken)
    {
        if (due is null || report.Problems.Count > 0)
        {
            return;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var entries = new List<DueEntry>();
        foreach (var id in report.Added.Concat(report.Changed))
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is { Silence: { } silence } branch && silence.UntilUtc > now)
            {
                entries.Add(new DueEntry(branch.Id, Silencing.Silences.DueSetId, silence.FromUtc > now ? silence.FromUtc : now));
            }
        }

        if (entries.Count > 0)
        {
            await due.ScheduleAsync(entries, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds or replaces one branch, given as its registry entry, against the templates and calendars last imported.</summary>
    public async Task<ImportReport> PutBranchAsync(string branchId, string branchJson, CancellationToken cancellationToken)
    {
        JsonObject entry;
        try
        {
            entry = JsonNode.Parse(branchJson, documentOptions: Lenient) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return Refused(new RegistryProblem("$", $"the body must be one branch as a JSON object: {e.Message}"));
        }

        if (entry["id"] is { } id && !(id is JsonValue v && v.TryGetValue<string>(out var text) && string.Equals(text, branchId, StringComparison.OrdinalIgnoreCase)))
        {
            return Refused(new RegistryProblem("id", $"the body is branch {id.ToJsonString()} but the address names '{branchId}'"));
        }

        var bodyId = entry["id"]?.GetValue<string>();
        var report = await RetryingAsync(
            async (current, ct) =>
            {
                if (current is null)
                {
                    return Refused(new RegistryProblem("templates", "no registry imported yet: import one (POST /api/branches/import) before adding branches one by one"));
                }

                var (composed, position) = Compose(await SourceAsync(current.Index.SourceHash, ct).ConfigureAwait(false), entry, bodyId ?? branchId);
                var plan = Prepare(composed);
                return plan.Problems.Count > 0
                    ? new ImportReport { Problems = [.. plan.Problems.Select(p => AsBodyPath(p, position))] }
                    : await ApplyAsync(plan, current, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        bool This(string name) => string.Equals(name, branchId, StringComparison.OrdinalIgnoreCase);
        await ScheduleSilencesAsync(report with { Added = report.Added.Where(This).ToList(), Changed = report.Changed.Where(This).ToList() }, cancellationToken).ConfigureAwait(false);
        return report with
        {
            Added = report.Added.Where(This).ToList(),
            Changed = report.Changed.Where(This).ToList(),
            Unchanged = report.Unchanged.Where(This).ToList(),
            NotListed = [],
        };
    }

    /// <summary>One branch's policy: one read of the index (a conditional read that costs no body when unchanged), plus one read of its document the first time this process meets that document.</summary>
    public async Task<BranchPolicy?> FindAsync(string branchId, CancellationToken cancellationToken)
    {
        var current = await store.GetIndexAsync(cancellationToken).ConfigureAwait(false);
        Forget(current);
        if (current is null || !current.Index.Branches.TryGetValue(branchId, out var hash))
        {
            return null;
        }

        if (_policies.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var json = await store.GetDocumentAsync(hash, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The registry index names document {hash} for branch {branchId}, and storage has no such document.");
        return Remember(branchId, hash, json);
    }

    /// <summary>Every branch of one registry (one index read), sorted by id.</summary>
    public async Task<IReadOnlyList<BranchPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        var current = await store.GetIndexAsync(cancellationToken).ConfigureAwait(false);
        Forget(current);
        if (current is null)
        {
            return [];
        }

        var branches = current.Index.Branches.OrderBy(b => b.Key, StringComparer.Ordinal).ToList();
        var missing = branches.Select(b => b.Value).Where(h => !_policies.ContainsKey(h)).Distinct(StringComparer.Ordinal).ToList();
        var fetched = missing.Count == 0 ? new Dictionary<string, string>() : await store.GetDocumentsAsync(missing, cancellationToken).ConfigureAwait(false);
        var policies = new List<BranchPolicy>(branches.Count);
        foreach (var (id, hash) in branches)
        {
            if (_policies.TryGetValue(hash, out var policy))
            {
                policies.Add(policy);
            }
            else if (fetched.TryGetValue(hash, out var json))
            {
                policies.Add(Remember(id, hash, json));
            }
            else
            {
                throw new InvalidOperationException($"The registry index names document {hash} for branch {id}, and storage has no such document.");
            }
        }

        return policies;
    }

    /// <summary>The alert routes of the registry last imported (one index read; the registry's text is read and loaded once per import); none before the first import.</summary>
    public async Task<IReadOnlyList<AlertRoute>> RoutesAsync(CancellationToken cancellationToken)
    {
        var current = await store.GetIndexAsync(cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return [];
        }

        var hash = current.Index.SourceHash;
        if (_routes is { } known && known.Hash == hash)
        {
            return known.List;
        }

        var loaded = RegistryLoader.Load(await SourceAsync(hash, cancellationToken).ConfigureAwait(false));
        var routes = loaded.Registry?.Routes
            ?? throw new InvalidOperationException($"The stored registry text {hash} no longer loads: {string.Join("; ", loaded.Problems)}");
        _routes = new Routes(hash, routes);
        return routes;
    }

    /// <summary>Validates a whole registry, storage limits included, and splits it into the documents it would store.</summary>
    private static Plan Prepare(string json)
    {
        var loaded = RegistryLoader.Load(json);
        if (!loaded.Succeeded)
        {
            return new Plan(json, "", [], loaded.Problems);
        }

        var documents = RegistryDocument.Split(json);
        var problems = new List<RegistryProblem>();
        for (var i = 0; i < documents.Count; i++)
        {
            var length = documents[i].Json.Length;
            if (length > IRegistryStore.MaxDocumentChars)
            {
                problems.Add(new RegistryProblem(
                    $"branches[{i}]",
                    string.Create(CultureInfo.InvariantCulture, $"branch '{documents[i].BranchId}' with its template and calendars is {length:N0} characters of JSON; storage keeps at most {IRegistryStore.MaxDocumentChars:N0} per branch (Azure Table Storage: 64 KiB of UTF-16 in one property): shorten its template (fewer sets, shorter patterns) or its calendars")));
            }
        }

        return new Plan(json, Hash(json), documents, problems);
    }

    /// <summary>One attempt: the report if it is done (switched, or nothing to switch); null if another writer switched first.</summary>
    private async Task<ImportReport?> ApplyAsync(Plan plan, StoredRegistryIndex? current, CancellationToken cancellationToken)
    {
        var before = current?.Index.Branches ?? new Dictionary<string, string>();
        var listed = plan.Documents.Select(d => d.BranchId).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Branches the registry no longer lists keep their document: their history matters until they are retired.
        var branches = before.Where(b => !listed.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Value, StringComparer.OrdinalIgnoreCase);
        var added = new List<string>();
        var changed = new List<string>();
        var unchanged = new List<string>();
        foreach (var document in plan.Documents)
        {
            branches[document.BranchId] = document.Hash;
            (before.TryGetValue(document.BranchId, out var hash) ? hash == document.Hash ? unchanged : changed : added).Add(document.BranchId);
        }

        var report = new ImportReport
        {
            Added = added,
            Changed = changed,
            Unchanged = unchanged,
            NotListed = before.Keys.Where(k => !listed.Contains(k)).Order(StringComparer.Ordinal).ToList(),
        };
        var next = new RegistryIndex(plan.SourceHash, branches);
        if (current is not null && current.Index.SameAs(next))
        {
            return report;
        }

        var stored = before.Values.ToHashSet(StringComparer.Ordinal);
        var fresh = plan.Documents.Where(d => !stored.Contains(d.Hash)).DistinctBy(d => d.Hash).ToList();
        await store.AddDocumentsAsync(fresh, cancellationToken).ConfigureAwait(false);
        if (current?.Index.SourceHash != plan.SourceHash)
        {
            await store.AddSourceAsync(plan.SourceHash, plan.Json, cancellationToken).ConfigureAwait(false);
        }

        return await store.TrySwitchAsync(next, current?.Version, cancellationToken).ConfigureAwait(false) ? report : null;
    }

    private async Task<ImportReport> RetryingAsync(Func<StoredRegistryIndex?, CancellationToken, Task<ImportReport?>> attempt, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= MaxAttempts; n++)
        {
            var current = await store.GetIndexAsync(cancellationToken).ConfigureAwait(false);
            if (await attempt(current, cancellationToken).ConfigureAwait(false) is { } report)
            {
                return report;
            }

            if (n < MaxAttempts)
            {
                await Task.Delay(Backoff(n), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ImportReport { RetryAfter = BusyRetryAfter };
    }

    /// <summary>Random ("full jitter") up to 20 ms × 2^n, at most half a second, so writers that collided spread out.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(500, 20 * Math.Pow(2, Math.Min(attempt, 10)))));

    private async Task<string> SourceAsync(string hash, CancellationToken cancellationToken)
    {
        if (_source is { } known && known.Hash == hash)
        {
            return known.Json;
        }

        var json = await store.GetSourceAsync(hash, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The registry index names registry text {hash}, and storage has no such text.");
        _source = new Source(hash, json);
        return json;
    }

    /// <summary>
    /// The stored registry with <paramref name="entry"/> in place of (or after) the branch it names, and the entry's
    /// position. The id is the body's when it has one, else the stored branch's as written (PUT /branches/f001 does
    /// not rename F001), else the address's.
    /// </summary>
    private static (string Json, int Position) Compose(string source, JsonObject entry, string branchId)
    {
        var root = JsonNode.Parse(source, documentOptions: Lenient)!.AsObject();
        var all = root["branches"]!.AsArray();
        bool Same(JsonNode? b) => string.Equals(b?["id"]?.GetValue<string>(), branchId, StringComparison.OrdinalIgnoreCase);
        var stored = all.FirstOrDefault(Same)?["id"]?.GetValue<string>();
        var others = all.Where(b => !Same(b)).Select(b => b!.DeepClone()).ToList();
        var replacement = entry.DeepClone().AsObject();
        replacement["id"] = entry["id"]?.GetValue<string>() ?? stored ?? branchId;
        root["branches"] = new JsonArray([.. others, replacement]);
        return (root.ToJsonString(), others.Count);
    }

    /// <summary>A problem of the branch sent alone, at its path in the body (<c>sets.sql.grace</c>) rather than in the composed registry.</summary>
    private static RegistryProblem AsBodyPath(RegistryProblem problem, int position)
    {
        var prefix = $"branches[{position}]";
        if (!problem.Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return problem;
        }

        var rest = problem.Path[prefix.Length..].TrimStart('.');
        return problem with { Path = rest.Length == 0 ? "$" : rest };
    }

    private BranchPolicy Remember(string branchId, string hash, string json)
    {
        var loaded = RegistryLoader.Load(json);
        var policy = loaded.Registry?.Branches.SingleOrDefault()
            ?? throw new InvalidOperationException($"The stored registry document of branch {branchId} no longer loads: {string.Join("; ", loaded.Problems)}");
        _policies[hash] = policy;
        return policy;
    }

    /// <summary>After a switch, drops the policies of documents the index no longer names (memory only: entries are never stale).</summary>
    private void Forget(StoredRegistryIndex? current)
    {
        if (current is null || current.Version == Volatile.Read(ref _policiesVersion))
        {
            return;
        }

        var named = current.Index.Branches.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var hash in _policies.Keys)
        {
            if (!named.Contains(hash))
            {
                _policies.TryRemove(hash, out _);
            }
        }

        Volatile.Write(ref _policiesVersion, current.Version);
    }

    private static ImportReport Refused(RegistryProblem problem) => new() { Problems = [problem] };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
