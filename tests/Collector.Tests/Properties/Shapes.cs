using CsCheck;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Properties.ManifestGen;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// The shapes of input the issue "Verdicts that hold on the worst day" found, each a generator of cases with the
/// answer the contract requires. Every case first delivers yesterday's honest run, so there is stored state for
/// a refusal to leave alone. This file: honest runs, wrong clocks and the judgement; the others: names, ids and
/// strings (<c>Shapes.Strings.cs</c>), JSON text (<c>Shapes.Text.cs</c>), bodies and headers (<c>Shapes.Body.cs</c>).
/// </summary>
public static partial class Shapes
{
    /// <summary>Every shape by name (built on first use: the generators it holds read static fields of every part of this class).</summary>
    public static IReadOnlyDictionary<string, Gen<IngestCase>> All => AllShapes.Value;

    private static readonly Lazy<Dictionary<string, Gen<IngestCase>>> AllShapes = new(() => new(StringComparer.Ordinal)
    {
        ["an honest run"] = HonestRun(),
        ["every file of a set of up to 10,000 changed in place"] = MassInPlaceChange(),
        ["a run finishing tomorrow"] = RunFinishingTomorrow(),
        ["a run in year 9999"] = RunInYear(9999),
        ["a run in year 1"] = RunInYear(1),
        ["the whole clock a day fast"] = ClockADayFast(),
        ["X-Bkp-Sent-Utc missing, garbage or far off"] = OddSentHeader(),
        ["an impossible date"] = ImpossibleDate(),
        ["a very long or empty path or name"] = LongOrEmptyText(),
        ["an id with a trailing newline"] = IdWithTrailingNewline(),
        ["duplicate set ids, also differing in case"] = DuplicateSetIds(),
        ["U+0000 or a control character in a string"] = ControlCharacterInString(),
        ["X-Bkp-Branch, unknown and retired branches"] = BranchesAndHeader(),
        ["a property named twice"] = PropertyNamedTwice(),
        ["a property deleted or unknown"] = PropertyDeletedOrUnknown(),
        ["a value of another JSON type"] = ValueOfAnotherType(),
        ["a raw control character or bytes that are not UTF-8"] = RawControlOrNotUtf8(),
        ["a JSON text cut short or with text around it"] = TruncatedOrSurrounded(),
        ["a gzip bomb or an oversized value"] = BombOrOversized(),
        ["a damaged gzip body"] = DamagedGzip(),
        ["a Content-Encoding other than gzip"] = OtherEncoding(),
    });

    /// <summary>Yesterday's honest run: the stored state every case starts from.</summary>
    private static readonly Gen<Manifest> Yesterday = Honest(Now.AddDays(-1));

    /// <summary>X-Bkp-Sent-Utc of a probe whose clock is right, a moment before the collector receives it.</summary>
    private static readonly Gen<string> RightStamp = Gen.Int[0, 3].Select(s => Stamp(Now.AddSeconds(-s)));

    public static Upload Delivered(Manifest manifest)
    {
        var at = manifest.FinishedUtc.AddSeconds(30);
        return Upload.Of(manifest, Stamp(at), at);
    }

    private static IngestCase Case(string summary, Manifest yesterday, Upload upload, Expected expected) =>
        new() { Summary = summary, Before = [Delivered(yesterday)], Upload = upload, Expected = expected };

    /// <summary>Both ways a refusal may name a pointer: as the pointer, or as System.Text.Json's path.</summary>
    private static string[] At(params string[] pointers) => [.. pointers.SelectMany(p => new[] { p, JsonMember.Path(p) })];

    private static Gen<IngestCase> HonestRun() =>
        from yesterday in Yesterday
        from run in Honest(Now)
        from sent in RightStamp
        select Case("an honest run", yesterday, Upload.Of(run, sent, Now), Expected.Accepted("a valid manifest of a known branch", SetsBy(run.RunId)));

    /// <summary>Same names, sizes and dates, new hashes, for every file of a set (the ransomware pattern).</summary>
    private static Gen<IngestCase> MassInPlaceChange() =>
        from count in Gen.Frequency((1, Gen.Const(10_000)), (4, Gen.Int[2, 300]))
        from before in Sha.Array[count]
        from after in Sha.Array[count]
        from sizes in Gen.Long[1_000, 5_000_000_000].Array[count]
        from reverified in Gen.Bool
        from ids in RunId.Array[2]
        let written = Now.AddDays(-1)
        let files = Enumerable.Range(0, count)
            .Select(i => new FileReport
            {
                Path = $"dumps/Vendas_{i:D5}.bak",
                Size = sizes[i],
                LastWriteUtc = written.AddMinutes(i - count),
                Sha256 = before[i],
                HashedThisRun = true,
                VerifiedUtc = written,
                Archive = ArchiveReport.NotAnArchive,
            })
            .ToArray()
        let yesterday = Run(ids[0], written, Folder("sql", files, exists: true, readable: true, null))
        let today = Run(ids[1], Now.AddMinutes(-5), Folder("sql", [.. files.Select((f, i) => f with
        {
            Sha256 = after[i],
            PreviousSha256 = reverified ? before[i] : null,
            VerifiedUtc = Now.AddMinutes(-5),
        })], exists: true, readable: true, null))
        select Case($"{count:N0} files changed in place (previousSha256 {(reverified ? "reported" : "absent")})", yesterday, Upload.Of(today, Stamp(Now), Now),
            Expected.Accepted("content that changed behind unchanged metadata fails the set", async (rig, outcome) =>
            {
                var sql = (await rig.ReadAsync()).Sets["sql"];
                Assert.Equal(SetStatus.Failed, sql.Status);
                var finding = Assert.Single(sql.Reasons, r => r.RuleId == "backup-altered");
                Assert.Contains($"{count} backups", finding.En, StringComparison.Ordinal);
                Assert.Equal(count, rig.Store.Baselines.Values.Single().Of("sql").Values.Count(k => k.Altered));
            }));

    private static Gen<IngestCase> RunFinishingTomorrow() =>
        from yesterday in Yesterday
        from run in Honest(Now)
        from ahead in Gen.Int[3600, 30 * 3600]
        from sent in Gen.OneOf<string?>(Stamp(Now), null, Stamp(Now.AddSeconds(ahead)))
        let tomorrow = run with { StartedUtc = run.StartedUtc.AddSeconds(ahead), FinishedUtc = run.FinishedUtc.AddSeconds(ahead) }
        select Case($"a run finishing {ahead:N0} s after it arrives", yesterday, Upload.Of(tomorrow, sent, Now),
            Expected.Accepted("a wrong but plausible clock is judged at the receipt, never in the future", SetsBy(run.RunId)));

    private static Gen<IngestCase> RunInYear(int year) =>
        from yesterday in Yesterday
        from run in Rich(Now)
        from field in Gen.Int[0, 3]
        from seconds in Gen.Int[0, 86_399]
        from sent in Gen.OneOf(RightStamp, Gen.Const(""))
        let moment = year == 1 ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc).AddSeconds(seconds) : DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc).AddSeconds(-seconds)
        let sql = run.Sets[0]
        let odd = field switch
        {
            0 => run with { FinishedUtc = moment, StartedUtc = year == 1 ? moment : run.StartedUtc },
            1 => run with { StartedUtc = moment, FinishedUtc = year == 1 ? run.FinishedUtc : moment },
            2 => run with { Sets = [sql with { Files = [sql.Files[0] with { LastWriteUtc = moment }, .. sql.Files.Skip(1)] }, .. run.Sets.Skip(1)] },
            _ => run with { Sets = [sql with { Files = [.. sql.Files.Take(2), sql.Files[2] with { VerifiedUtc = moment }] }, .. run.Sets.Skip(1)] },
        }
        let places = field switch
        {
            0 or 1 => At("/startedUtc", "/finishedUtc"),
            2 => At("/sets/0/files/0/lastWriteUtc"),
            _ => At("/sets/0/files/2/verifiedUtc"),
        }
        select Case($"{places[0]} in year {year}: {Stamp(moment)}", yesterday, Upload.Of(odd, sent.Length == 0 ? null : sent, Now),
            Expected.Refused(400, "a moment outside 2000-2100 is a broken clock, not a backup to judge", places));

    /// <summary>Every time in the manifest and the header a day ahead: judged as its honest twin, plus the clock's warning.</summary>
    private static Gen<IngestCase> ClockADayFast() =>
        from yesterday in Yesterday
        from run in Honest(Now)
        let fast = Shifted(run, TimeSpan.FromDays(1))
        select Case("the same run, every clock a day fast", yesterday, Upload.Of(fast, Stamp(Now.AddDays(1)), Now),
            Expected.Accepted("the skew the request shows is taken off, and said", LikeTwin(yesterday, Upload.Of(run, Stamp(Now), Now), s => SetStatusOrder.Worst(s, SetStatus.Warning), "clock-skew")));

    private static Gen<IngestCase> OddSentHeader() =>
        from yesterday in Yesterday
        from run in Honest(Now)
        from ignored in Gen.Bool
        from garbage in Gen.OneOf(
            Gen.OneOf<string?>(null, ""),
            Gen.String[Gen.Char["!#$%&*()[]{}<>?~^ \t\u0000\u00e9\u2603xq"], 1, 40].Select(s => (string?)s),
            Gen.OneOf<string?>("2026-13-45T00:00:00Z", "2026-02-30T12:00:00Z", "24:00", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"),
            Gen.Int[11, 7_000].Select(years => (string?)Stamp(Now.AddYears(years))),
            Gen.Int[11, 2_000].Select(years => (string?)Stamp(Now.AddYears(-years))))
        from off in Gen.Frequency((3, Gen.Int[301, 9 * 365 * 86_400]), (1, Gen.Int[-9 * 365 * 86_400, -301]))
        select ignored
            ? Case($"X-Bkp-Sent-Utc {Upload.Show(garbage)}", yesterday, Upload.Of(run, garbage, Now),
                Expected.Accepted("a send time that is missing, unreadable or more than ten years off is ignored", LikeTwin(yesterday, Upload.Of(run, Stamp(Now), Now), s => s)))
            : Case($"X-Bkp-Sent-Utc {off:N0} s off", yesterday, Upload.Of(run, Stamp(Now.AddSeconds(off)), Now),
                Expected.Accepted("a plausible send time that is off is a clock skew, said on every set", async (rig, outcome) =>
                {
                    var snapshot = await rig.ReadAsync();
                    foreach (var set in rig.Policy.Sets.Where(p => snapshot.Sets[p.Id].LastRunId == run.RunId))
                    {
                        Assert.Contains(snapshot.Sets[set.Id].Reasons, r => r.RuleId == "clock-skew");
                    }
                }));

    /// <summary>A manifest with every kind of value: a corrupt archive with its reason, an unreadable file with a detail, a verified file, a skipped folder, a cache detail.</summary>
    public static Gen<Manifest> Rich(DateTime receivedUtc) =>
        from run in Honest(receivedUtc)
        from files in Files(3, run.FinishedUtc)
        from sha in Sha
        from previous in Sha
        select run with
        {
            Cache = new CacheReport { Status = CacheStatus.Rebuilt, Detail = "checksum mismatch" },
            Sets =
            [
                Folder("sql", [
                    files[0] with { Sha256 = sha, Error = null, PreviousSha256 = previous, Archive = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Entries = 3, Reason = "entry 'Vendas.bak': CRC-32 mismatch" } },
                    files[1] with { Sha256 = null, VerifiedUtc = null, HashedThisRun = false, Error = new ProblemReport { Code = ProblemCode.InProgress, Detail = "size changed while it was read" } },
                    files[2] with { Sha256 = sha, Error = null, HashedThisRun = true, VerifiedUtc = run.FinishedUtc.AddSeconds(-2) },
                ], exists: true, readable: true, null) with
                {
                    VolumeFreeBytes = 100_000_000_000,
                    VolumeTotalBytes = 500_000_000_000,
                    Skipped = [new SkippedEntry { Path = "loop", Reason = new ProblemReport { Code = ProblemCode.LinkCycle, Detail = "junction back to the root" } }],
                },
                .. run.Sets.Skip(1),
            ],
        };

    private static Manifest Run(Guid runId, DateTime finishedUtc, params BackupSetReport[] sets) => new()
    {
        SchemaVersion = Manifest.CurrentSchemaVersion,
        RunId = runId,
        BranchId = "F001",
        ProbeVersion = "0.1.0",
        HostName = "LOJA-SRV",
        Os = "Windows",
        StartedUtc = finishedUtc.AddMinutes(-3),
        FinishedUtc = finishedUtc,
        Cache = new CacheReport { Status = CacheStatus.Loaded },
        Sets = sets,
    };

    /// <summary>The run set the status of every set of the branch: it was the newest.</summary>
    private static Func<IngestRig, IngestOutcome, Task> SetsBy(Guid runId) => async (rig, outcome) =>
    {
        var snapshot = await rig.ReadAsync();
        Assert.All(rig.Policy.Sets, p => Assert.Equal(runId, snapshot.Sets[p.Id].LastRunId));
    };

    /// <summary>
    /// The case's state matches what its honest twin (the same run from a right clock) leaves on a fresh collector
    /// with the same history: each set's status is <paramref name="status"/> of the twin's, with the same findings
    /// apart from <paramref name="extra"/>, which every set must then carry.
    /// </summary>
    private static Func<IngestRig, IngestOutcome, Task> LikeTwin(Manifest yesterday, Upload twin, Func<SetStatus, SetStatus> status, string? extra = null) => async (rig, outcome) =>
    {
        var other = new IngestRig();
        Assert.Equal(202, (await other.SendAsync(Delivered(yesterday))).StatusCode);
        Assert.Equal(202, (await other.SendAsync(twin)).StatusCode);
        var mine = await rig.ReadAsync();
        var theirs = await other.ReadAsync();
        foreach (var policy in rig.Policy.Sets)
        {
            var (a, b) = (mine.Sets[policy.Id], theirs.Sets[policy.Id]);
            Assert.Equal((policy.Id, status(b.Status)), (policy.Id, a.Status));
            Assert.Equal(b.Reasons.Select(r => r.RuleId).Where(r => r != extra).Order(), a.Reasons.Select(r => r.RuleId).Where(r => r != extra).Order());
            Assert.Equal(b.Newest, a.Newest);
            Assert.Equal(b.NextCheckDueUtc, a.NextCheckDueUtc);
            if (extra is not null)
            {
                Assert.Contains(a.Reasons, r => r.RuleId == extra);
            }
        }
    };
}
