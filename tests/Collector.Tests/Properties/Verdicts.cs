using System.Text;
using MonitoramentoBKP.Collector.Ingest;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>The checks every property makes of every answer, and of the store around it.</summary>
public static class Verdicts
{
    /// <summary>The statuses POST /api/manifests documents (README, "The collector").</summary>
    public static readonly IReadOnlySet<int> Documented = new HashSet<int> { 200, 202, 400, 401, 404, 410, 413, 415, 503 };

    /// <summary>Runs a case: what comes before it, then its upload, then every check; any exception escaping IngestAsync fails it.</summary>
    public static async Task HoldsAsync(IngestCase c)
    {
        var rig = new IngestRig();
        foreach (var before in c.Before)
        {
            var setup = await rig.SendAsync(before);
            Assert.True(setup.StatusCode == 202, $"the case's history was refused: HTTP {setup.StatusCode} {setup.Detail}");
        }

        var stored = rig.Store.Fingerprint();
        var outcome = await rig.SendAsync(c.Upload);

        AnswerIsDocumented(outcome);
        Assert.True(c.Expected.Statuses.Contains(outcome.StatusCode), $"HTTP {outcome.StatusCode} {outcome.Title}: {outcome.Detail}; expected {c.Expected}");
        if (outcome.Result == IngestResult.Refused)
        {
            StoreUnchanged(stored, rig.Store.Fingerprint());
            Assert.True(c.Expected.Where.Count == 0 || c.Expected.Where.Any(w => outcome.Detail!.Contains(w, StringComparison.Ordinal)),
                $"the refusal's detail \"{outcome.Detail}\" names none of {string.Join(", ", c.Expected.Where.Select(Upload.Show))}");
            return;
        }

        await AcceptedAsync(rig, outcome);
        if (c.Expected.Then is { } then)
        {
            await then(rig, outcome);
        }
    }

    /// <summary>A documented status; a refusal is a problem with a type, a title and a detail (and a 503 says when to retry).</summary>
    public static void AnswerIsDocumented(IngestOutcome outcome)
    {
        Assert.True(Documented.Contains(outcome.StatusCode), $"HTTP {outcome.StatusCode} is not a documented answer ({outcome.Title}: {outcome.Detail})");
        switch (outcome.Result)
        {
            case IngestResult.Refused:
                Assert.InRange(outcome.StatusCode, 400, 599);
                Assert.StartsWith("https://monitoramentobkp.example/problems/", outcome.ProblemType, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(outcome.Title), "a refusal has a title");
                Assert.False(string.IsNullOrWhiteSpace(outcome.Detail), "a refusal has a detail");
                Assert.True(outcome.StatusCode != 503 || outcome.RetryAfterSeconds > 0, "a 503 says when to try again");
                break;
            case IngestResult.Accepted:
                Assert.Equal(202, outcome.StatusCode);
                break;
            default:
                Assert.Equal(200, outcome.StatusCode);
                break;
        }
    }

    /// <summary>
    /// An accepted run is applied, archived so that it reads back, and never puts the branch in the future: every
    /// run time stored is at most the moment it was received.
    /// </summary>
    public static async Task AcceptedAsync(IngestRig rig, IngestOutcome outcome)
    {
        var runId = outcome.RunId!.Value;
        Assert.True(await rig.Store.IsAppliedAsync("F001", runId, CancellationToken.None), "an accepted run is marked applied");
        var archived = rig.Store.Blobs.Keys.SingleOrDefault(k => k.EndsWith($"/{runId:D}.json.gz", StringComparison.Ordinal));
        Assert.True(archived is not null, "an accepted run is archived");
        Assert.Equal(runId, (await rig.Store.ReadManifestAsync(archived, CancellationToken.None))?.RunId);

        var now = rig.NowUtc;
        var snapshot = await rig.ReadAsync();
        Assert.Equal(now, snapshot.Contact.LastContactUtc);
        Assert.True(snapshot.Contact.LastRunUtc <= now, $"the branch's last run {snapshot.Contact.LastRunUtc:O} is after its receipt {now:O}");
        foreach (var set in snapshot.Sets.Values)
        {
            Assert.True(set.LastRunUtc is null || set.LastRunUtc <= now, $"set {set.SetId}'s status comes from {set.LastRunUtc:O}, after its receipt {now:O}");
            Assert.True(set.SinceUtc is null || set.SinceUtc <= now, $"set {set.SetId} has had its status since {set.SinceUtc:O}, after {now:O}");
        }
    }

    /// <summary>Byte for byte; when not, the lines that differ.</summary>
    public static void StoreUnchanged(byte[] before, byte[] after)
    {
        if (before.AsSpan().SequenceEqual(after))
        {
            return;
        }

        var was = Encoding.UTF8.GetString(before).Split('\n');
        var now = Encoding.UTF8.GetString(after).Split('\n');
        var gone = was.Except(now).Take(5).Select(l => "- " + l);
        var added = now.Except(was).Take(5).Select(l => "+ " + l);
        Assert.Fail("the store changed under a refusal:\n" + string.Join("\n", gone.Concat(added)));
    }
}
