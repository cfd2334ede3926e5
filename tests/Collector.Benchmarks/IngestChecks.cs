namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// Nothing lost, nothing counted twice: every POST answered 202 for its own run; each branch's state shows its
/// newest manifest's backups and a day-grid cell for every run; re-sent manifests are answered 200 and change nothing.
/// </summary>
public static class IngestChecks
{
    private const int ProblemsListed = 10;

    public static IngestVerification Answers(IReadOnlyList<ProbePlan> plans, IReadOnlyList<PostOutcome> outcomes)
    {
        var problems = new List<string>();
        var sent = plans.Sum(p => p.Uploads.Count);
        var good = outcomes.Where(o => o.Status == 202 && o.Accepted && !o.AlreadyAccepted && o.EchoMatches).ToList();
        var runs = good.Select(o => o.Upload.RunId).Distinct().Count();
        foreach (var bad in outcomes.Where(o => !good.Contains(o)).Take(ProblemsListed))
        {
            problems.Add($"{bad.Upload.BranchId} run {bad.Upload.RunId}: HTTP {bad.Status}{(bad.EchoMatches ? "" : ", answer not about this run")}{(bad.Error is null ? "" : $": {bad.Error}")}");
        }

        if (outcomes.Count != sent)
        {
            problems.Add($"{sent} manifests planned but {outcomes.Count} answers recorded");
        }

        if (good.Count != sent || runs != sent)
        {
            problems.Add($"{good.Count} of {sent} POSTs answered 202 accepted for their own run ({runs} distinct runs)");
        }

        return new IngestVerification { Checks = [$"{good.Count} of {sent} POSTs answered 202 accepted, each naming its own branch and run"], Problems = problems };
    }

    /// <summary>Each set's newest backup is the newest file of the branch's last manifest, and each run filled its day's cell.</summary>
    public static IngestVerification State(IReadOnlyList<ProbePlan> plans, IReadOnlyList<BranchView> views)
    {
        var problems = new List<string>();
        var setsChecked = 0;
        var cellsExpected = 0;
        var outsideGrid = 0;
        foreach (var (plan, view) in plans.Zip(views))
        {
            var last = plan.Uploads[^1];
            foreach (var (setId, newest) in last.Newest)
            {
                setsChecked++;
                var set = view.Sets.FirstOrDefault(s => s.SetId == setId);
                if (set is null)
                {
                    problems.Add($"{plan.BranchId}/{setId}: not in GET api/branches/{plan.BranchId}");
                    continue;
                }

                if (set.NewestBackup != newest.Path || set.NewestBackupBytes != newest.Size || set.NewestBackupUtc != newest.LastWriteUtc)
                {
                    problems.Add($"{plan.BranchId}/{setId}: newest backup is {set.NewestBackup ?? "none"} ({set.NewestBackupBytes} B, {set.NewestBackupUtc:O}); the last manifest's is {newest.Path} ({newest.Size} B, {newest.LastWriteUtc:O})");
                }

                var expected = plan.Uploads.Select(u => u.LocalDay).Where(set.Days.ContainsKey).ToHashSet();
                outsideGrid += plan.Uploads.Count - expected.Count;
                cellsExpected += expected.Count;
                var judged = set.Days.Where(d => d.Value is not ("Unknown" or "Closed")).Select(d => d.Key).ToHashSet();
                if (!judged.SetEquals(expected))
                {
                    var missing = expected.Except(judged).Order().Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    var extra = judged.Except(expected).Order().Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    problems.Add($"{plan.BranchId}/{setId}: day grid has no verdict for [{string.Join(", ", missing)}] and one nobody sent for [{string.Join(", ", extra)}]");
                }
            }
        }

        var grid = $"{cellsExpected} day-grid cells filled, one per run and set{(outsideGrid > 0 ? $" ({outsideGrid} runs older than the 30-day grid not checked)" : "")}";
        return new IngestVerification
        {
            Checks = [$"{setsChecked - problems.Count(p => p.Contains("newest backup", StringComparison.Ordinal))} of {setsChecked} sets show their last manifest's newest backup", grid],
            Problems = problems.Take(ProblemsListed).Concat(problems.Count > ProblemsListed ? [$"… and {problems.Count - ProblemsListed} more"] : []).ToList(),
        };
    }

    /// <summary>Re-sent manifests are answered 200 "already accepted" and leave every branch view exactly as it was.</summary>
    public static IngestVerification Resends(IReadOnlyList<PostOutcome> resent, IReadOnlyList<BranchView> before, IReadOnlyList<BranchView> after)
    {
        var problems = new List<string>();
        var ok = resent.Count(o => o.Status == 200 && o.AlreadyAccepted && !o.Accepted && o.EchoMatches);
        foreach (var bad in resent.Where(o => !(o.Status == 200 && o.AlreadyAccepted && !o.Accepted && o.EchoMatches)).Take(ProblemsListed))
        {
            problems.Add($"re-sent {bad.Upload.BranchId} run {bad.Upload.RunId}: HTTP {bad.Status}, accepted {bad.Accepted}, already accepted {bad.AlreadyAccepted}{(bad.Error is null ? "" : $": {bad.Error}")}");
        }

        var changed = before.Zip(after).Where(p => p.First.Raw != p.Second.Raw).Select(p => p.First.BranchId).ToList();
        if (changed.Count > 0)
        {
            problems.Add($"re-sending changed the state of {string.Join(", ", changed.Take(ProblemsListed))}{(changed.Count > ProblemsListed ? ", …" : "")}");
        }

        return new IngestVerification
        {
            Checks =
            [
                $"{ok} of {resent.Count} re-sent manifests answered 200 already accepted",
                $"{before.Count - changed.Count} of {before.Count} branch views unchanged by the re-sends (GET api/branches/{{id}}, compared byte for byte)",
            ],
            Problems = problems,
        };
    }

    public static IngestVerification Combine(params IngestVerification[] parts) => new()
    {
        Checks = parts.SelectMany(p => p.Checks).ToList(),
        Problems = parts.SelectMany(p => p.Problems).ToList(),
    };
}
