using CsCheck;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Contracts;
using Xunit.Abstractions;
using static MonitoramentoBKP.Collector.Tests.Properties.ManifestGen;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// Property-based tests of the manifest reader and the judgement, through IngestService.IngestAsync on the
/// in-memory store, with generated manifests and request bodies of every shape in <see cref="Shapes.All"/>. Each
/// property runs for a bounded time (<see cref="PropertyTime"/>). A failure prints the smallest case CsCheck found
/// and its seed; to replay it, run that one test with the seed:
/// <c>dotnet test tests/Collector.Tests -c Release --no-build --filter "FullyQualifiedName~IngestProperties" -e CsCheck_Seed=SEED</c>
/// (the seed is tried first, then the search goes on).
/// </summary>
public sealed class IngestProperties(ITestOutputHelper output)
{
    public static TheoryData<string> ShapeNames => [.. Shapes.All.Keys];

    /// <summary>Properties 1 and 2: no exception escapes, every answer is documented and as the contract says, a refusal names where and changes nothing.</summary>
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public Task Every_upload_gets_the_documented_answer_and_a_refusal_leaves_the_store_as_it_was(string shape) =>
        Shapes.All[shape].SampleAsync(Verdicts.HoldsAsync, output.WriteLine, time: PropertyTime.PerShape, print: c => c.ToString());

    /// <summary>
    /// What this property once reported as a fault (seed bh4wYzi0Bf21: byte 782 of 1,713 XOR 0x06, accepted): the
    /// changed byte was in a Huffman code length no symbol uses, so the body decodes to the very same manifest and
    /// accepting it is right. The seed keeps that case in every run.
    /// </summary>
    [Fact]
    public Task A_gzip_body_changed_where_it_decodes_the_same_is_that_same_manifest() =>
        Shapes.All["a damaged gzip body"].SampleAsync(
            c =>
            {
                Assert.StartsWith("byte 782 of 1,713 of the gzip body XOR 0x06", c.ToString(), StringComparison.Ordinal);
                return Verdicts.HoldsAsync(c);
            },
            output.WriteLine, seed: "bh4wYzi0Bf21", iter: 1, print: c => c.ToString());

    /// <summary>Property 3: a probe's retry of a run that got through, later and re-stamped, is 200 and changes nothing.</summary>
    [Fact]
    public Task A_repeat_of_an_accepted_run_is_200_and_changes_nothing() =>
        Gen.Select(
                Gen.OneOf(
                    Shapes.All["an honest run"],
                    Shapes.All["a run finishing tomorrow"],
                    Shapes.All["the whole clock a day fast"],
                    Shapes.All["X-Bkp-Sent-Utc missing, garbage or far off"],
                    Shapes.All["every file of a set of up to 10,000 changed in place"],
                    Shapes.All["a Content-Encoding other than gzip"]).Where(c => c.Expected.Statuses.SetEquals([202])),
                Gen.Int[0, 3 * 86_400],
                Gen.Bool)
            .SampleAsync(async (c, later, restamp) =>
            {
                var rig = new IngestRig();
                foreach (var before in c.Before)
                {
                    Assert.Equal(202, (await rig.SendAsync(before)).StatusCode);
                }

                var first = await rig.SendAsync(c.Upload);
                Assert.True(first.StatusCode == 202, $"HTTP {first.StatusCode} {first.Detail}");
                var stored = rig.Store.Fingerprint();
                var at = c.Upload.At.AddSeconds(later);

                var repeat = await rig.SendAsync(c.Upload with { At = at, SentUtc = restamp ? Stamp(at) : c.Upload.SentUtc });

                Verdicts.AnswerIsDocumented(repeat);
                Assert.Equal((IngestResult.AlreadyAccepted, 200, first.RunId), (repeat.Result, repeat.StatusCode, repeat.RunId));
                Verdicts.StoreUnchanged(stored, rig.Store.Fingerprint());
            }, output.WriteLine, time: PropertyTime.PerProperty, print: t => $"{t.Item1} | repeated {t.Item2:N0} s later{(t.Item3 ? ", re-stamped" : "")}");

    /// <summary>
    /// Property 4: after any sequence of manifests from wrong clocks, each answered as documented, the next honest
    /// run (finished after the last of them was received) sets every set's status: its run id is the set's LastRunId.
    /// </summary>
    [Fact]
    public Task After_manifests_from_wrong_clocks_the_next_honest_run_sets_the_status() =>
        (from yesterday in Honest(Now.AddDays(-1))
         from count in Gen.Int[1, 5]
         from wrongs in WrongClock.Any.Array[count]
         from runs in Honest(Now).Array[count + 1]
         from gaps in Gen.Int[60, 86_400].Array[count]
         from last in Gen.Int[901, 86_400]
         where Distinct(runs.Append(yesterday))
         select (yesterday, wrongs, runs, gaps, last))
        .SampleAsync(async t =>
        {
            var rig = new IngestRig();
            Assert.Equal(202, (await rig.SendAsync(Shapes.Delivered(t.yesterday))).StatusCode);
            var at = Now;
            for (var i = 0; i < t.wrongs.Length; i++)
            {
                var honest = Shifted(t.runs[i], at - Now);
                var (manifest, sent) = t.wrongs[i].Apply(honest, at);
                var stored = rig.Store.Fingerprint();

                var outcome = await rig.SendAsync(Upload.Of(manifest, sent, at));

                Verdicts.AnswerIsDocumented(outcome);
                Assert.True(outcome.StatusCode == (t.wrongs[i].Plausible ? 202 : 400), $"{t.wrongs[i]}: HTTP {outcome.StatusCode} {outcome.Detail}");
                if (outcome.StatusCode == 202)
                {
                    await Verdicts.AcceptedAsync(rig, outcome);
                }
                else
                {
                    Verdicts.StoreUnchanged(stored, rig.Store.Fingerprint());
                }

                at = at.AddSeconds(t.gaps[i]);
            }

            at = at.AddSeconds(t.last - t.gaps[^1]);
            var run = Shifted(t.runs[^1], at - Now);
            var final = await rig.SendAsync(Upload.Of(run, Stamp(at), at));

            Assert.Equal(202, final.StatusCode);
            await Verdicts.AcceptedAsync(rig, final);
            var snapshot = await rig.ReadAsync();
            Assert.All(rig.Policy.Sets, p => Assert.Equal((p.Id, run.RunId), (p.Id, snapshot.Sets[p.Id].LastRunId)));
            Assert.Equal(run.FinishedUtc, snapshot.Contact.LastRunUtc);
        }, output.WriteLine, time: PropertyTime.PerProperty,
        print: t => $"{string.Join(", then ", t.wrongs.Select((w, i) => $"{w} (then {t.gaps[i]:N0} s)"))}, then an honest run {t.last:N0} s after the last one arrived");

    /// <summary>
    /// Concurrent manifests of one branch on several instances (and retries of them racing their originals): each
    /// run is accepted once and answered 200 otherwise, and the branch ends as if they had come in the order they
    /// ran: the same newest run for every set and the branch, the same history of backups, the same run behind each
    /// day of the grid.
    /// </summary>
    [Fact]
    public Task Concurrent_manifests_of_one_branch_each_count_once_and_end_as_if_in_order() =>
        (from yesterday in Honest(Now.AddDays(-1))
         from count in Gen.Int[2, 6]
         from runs in Honest(Now).Array[count]
         from retried in Gen.Bool.Array[count]
         where Distinct(runs.Append(yesterday))
         select (yesterday, runs: runs.Select((r, i) => Shifted(r, TimeSpan.FromSeconds(-1_000 * i))).ToArray(), retried))
        .SampleAsync(async t =>
        {
            var rig = new IngestRig();
            Assert.Equal(202, (await rig.SendAsync(Shapes.Delivered(t.yesterday))).StatusCode);
            var uploads = t.runs.SelectMany((r, i) => Enumerable.Repeat(Upload.Of(r, Stamp(Now), Now), t.retried[i] ? 2 : 1)).ToList();

            var outcomes = await Task.WhenAll(uploads.Select(u => Task.Run(() => rig.SendAsync(u, rig.OtherInstance()))));

            Assert.All(outcomes, Verdicts.AnswerIsDocumented);
            foreach (var run in t.runs)
            {
                var answers = outcomes.Where(o => o.RunId == run.RunId).Select(o => o.StatusCode).Order().ToList();
                Assert.Equal(answers.Count == 2 ? [200, 202] : [202], answers);
            }

            Assert.Equal(rig.Store.Changes.Count, rig.Store.Changes.DistinctBy(c => (c.SetId, c.RunId)).Count());
            var inOrder = new IngestRig();
            Assert.Equal(202, (await inOrder.SendAsync(Shapes.Delivered(t.yesterday))).StatusCode);
            foreach (var run in t.runs.OrderBy(r => r.FinishedUtc))
            {
                Assert.Equal(202, (await inOrder.SendAsync(Upload.Of(run, Stamp(Now), Now))).StatusCode);
            }

            var (raced, ordered) = (await rig.ReadAsync(), await inOrder.ReadAsync());
            Assert.Equal(ordered.Contact with { BaselineBlob = null }, raced.Contact with { BaselineBlob = null });
            foreach (var policy in rig.Policy.Sets)
            {
                var (a, b) = (raced.Sets[policy.Id], ordered.Sets[policy.Id]);
                Assert.Equal((policy.Id, b.LastRunId), (policy.Id, a.LastRunId));
                Assert.Equal(b.RecentBackups, a.RecentBackups);
            }

            // Which run each day's verdict comes from; not its status, nor the sets' statuses: a run judged before an
            // older one of the same branch arrived was judged without that one's backup in its history.
            Assert.Equal(ordered.Days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.RunUtc)), raced.Days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.RunUtc)));
        }, output.WriteLine, time: PropertyTime.PerProperty,
        print: t => $"{t.runs.Length} runs finished at {string.Join(", ", t.runs.Select(r => Stamp(r.FinishedUtc)))}; retried: {string.Join(", ", t.retried)}");

    /// <summary>Whether the runs are distinct runs: the seed's run ids can repeat, and a repeated id is one run.</summary>
    private static bool Distinct(IEnumerable<Manifest> runs)
    {
        var all = runs.ToList();
        return all.DistinctBy(r => r.RunId).Count() == all.Count;
    }
}
