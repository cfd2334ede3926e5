using CsCheck;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Properties.ManifestGen;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>One way a probe's clock can be wrong, applied to an honest run received at a moment: what it then sends, and whether the contract lets it in.</summary>
public sealed record WrongClock(string Name, bool Plausible, Func<Manifest, DateTime, (Manifest Manifest, string? SentUtc)> Apply)
{
    public static readonly WrongClock[] All =
    [
        new("finishing tomorrow", true, (m, at) => (m with { StartedUtc = m.StartedUtc.AddHours(20), FinishedUtc = m.FinishedUtc.AddHours(20) }, Stamp(at))),
        new("finishing tomorrow, no X-Bkp-Sent-Utc", true, (m, at) => (m with { StartedUtc = m.StartedUtc.AddHours(20), FinishedUtc = m.FinishedUtc.AddHours(20) }, null)),
        new("in year 9999", false, (m, at) => (m with { FinishedUtc = new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc) }, Stamp(at))),
        new("in year 1", false, (m, at) => (m with { StartedUtc = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), FinishedUtc = new DateTime(1, 1, 1, 1, 0, 0, DateTimeKind.Utc) }, Stamp(at))),
        new("the whole clock a day fast", true, (m, at) => (Shifted(m, TimeSpan.FromDays(1)), Stamp(at.AddDays(1)))),
        new("the whole clock a day slow", true, (m, at) => (Shifted(m, TimeSpan.FromDays(-1)), Stamp(at.AddDays(-1)))),
        new("a day fast, no X-Bkp-Sent-Utc", true, (m, at) => (Shifted(m, TimeSpan.FromDays(1)), null)),
        new("three hours fast, X-Bkp-Sent-Utc garbage", true, (m, at) => (Shifted(m, TimeSpan.FromHours(3)), "2026-13-45T00:00:00Z")),
        new("two days fast, X-Bkp-Sent-Utc 20 years off", true, (m, at) => (Shifted(m, TimeSpan.FromDays(2)), Stamp(at.AddYears(20)))),
        new("a day slow, X-Bkp-Sent-Utc right", true, (m, at) => (Shifted(m, TimeSpan.FromDays(-1)), Stamp(at))),
        new("X-Bkp-Sent-Utc a year fast, the run right", true, (m, at) => (m, Stamp(at.AddYears(1)))),
    ];

    public static readonly Gen<WrongClock> Any = Gen.Int[0, All.Length - 1].Select(i => All[i]);

    public override string ToString() => Name;
}
