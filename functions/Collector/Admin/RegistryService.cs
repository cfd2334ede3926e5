using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Admin;

/// <summary>
/// Loads the registry into storage (bulk import, or one branch with PUT) after validating it whole: nothing is
/// stored unless everything is valid. Importing the same registry twice changes nothing. Also the
/// <see cref="IBranchDirectory"/> the ingest reads policies from.
/// </summary>
public sealed class RegistryService(IRegistryStore store) : IBranchDirectory
{
    private readonly ConcurrentDictionary<string, (string Hash, BranchPolicy Policy)> _parsed = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ImportReport> ImportAsync(string registryJson, CancellationToken cancellationToken)
    {
        var loaded = RegistryLoader.Load(registryJson);
        if (!loaded.Succeeded)
        {
            return new ImportReport { Problems = loaded.Problems };
        }

        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var added = new List<string>();
        var changed = new List<string>();
        var unchanged = new List<string>();
        foreach (var document in RegistryDocument.Split(registryJson))
        {
            if (stored.TryGetValue(document.BranchId, out var existing) && existing.Hash == document.Hash)
            {
                unchanged.Add(document.BranchId);
                continue;
            }

            await store.PutAsync(document.BranchId, document.Json, document.Hash, cancellationToken).ConfigureAwait(false);
            (stored.ContainsKey(document.BranchId) ? changed : added).Add(document.BranchId);
        }

        await store.PutRegistryAsync(registryJson, cancellationToken).ConfigureAwait(false);
        var listed = loaded.Registry!.Branches.Select(b => b.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ImportReport
        {
            Added = added,
            Changed = changed,
            Unchanged = unchanged,
            NotListed = stored.Keys.Where(k => !listed.Contains(k)).Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Adds or replaces one branch, given as its registry entry, against the templates and calendars last imported.</summary>
    public async Task<ImportReport> PutBranchAsync(string branchId, string branchJson, CancellationToken cancellationToken)
    {
        var registry = await store.GetRegistryAsync(cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return new ImportReport { Problems = [new RegistryProblem("templates", "no registry imported yet: import one (POST /api/branches/import) before adding branches one by one")] };
        }

        JsonObject entry;
        try
        {
            entry = JsonNode.Parse(branchJson) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return new ImportReport { Problems = [new RegistryProblem("$", $"the body must be one branch as a JSON object: {e.Message}")] };
        }

        if (entry["id"] is JsonValue id && !string.Equals(id.ToString(), branchId, StringComparison.OrdinalIgnoreCase))
        {
            return new ImportReport { Problems = [new RegistryProblem("id", $"the body is branch '{id}' but the address names '{branchId}'")] };
        }

        entry["id"] = branchId;
        var root = JsonNode.Parse(registry)!.AsObject();
        var branches = root["branches"]!.AsArray();
        var others = branches.Where(b => !string.Equals(b?["id"]?.ToString(), branchId, StringComparison.OrdinalIgnoreCase)).Select(b => b!.DeepClone()).ToList();
        root["branches"] = new JsonArray([.. others, entry]);
        var report = await ImportAsync(root.ToJsonString(), cancellationToken).ConfigureAwait(false);
        bool This(string id) => string.Equals(id, branchId, StringComparison.OrdinalIgnoreCase);
        return report with
        {
            Added = report.Added.Where(This).ToList(),
            Changed = report.Changed.Where(This).ToList(),
            Unchanged = report.Unchanged.Where(This).ToList(),
            NotListed = [],
        };
    }

    public async Task<BranchPolicy?> FindAsync(string branchId, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        var hash = json.GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_parsed.TryGetValue(branchId, out var cached) && cached.Hash == hash)
        {
            return cached.Policy;
        }

        var loaded = RegistryLoader.Load(json);
        var policy = loaded.Registry?.Branches.SingleOrDefault()
            ?? throw new InvalidOperationException($"The stored registry document of branch {branchId} no longer loads: {string.Join("; ", loaded.Problems)}");
        _parsed[branchId] = (hash, policy);
        return policy;
    }

    public async Task<IReadOnlyList<BranchPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var policies = new List<BranchPolicy>();
        foreach (var id in stored.Keys.Order(StringComparer.Ordinal))
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } policy)
            {
                policies.Add(policy);
            }
        }

        return policies;
    }
}
