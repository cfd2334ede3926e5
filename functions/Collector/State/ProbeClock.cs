using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.State;

/// <summary>
/// The collector's receive time is the authority. The probe's clock is measured by the request
/// (X-Bkp-Sent-Utc against receipt; without it, a run "finished" after receipt shows a clock ahead), and the
/// run's times (and, for the schedule, its files' times) are judged after correcting by that skew; a run that
/// would still end after it was received is judged at its receipt. So no manifest, however wrong its clock, can put a set's status in the future, and
/// no later honest manifest can be taken for a late one because of it.
/// </summary>
public static class ProbeClock
{
    /// <summary>Differences up to this are network and processing time, not a wrong clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>A send time further off than this is not a clock but garbage: it is not used to correct anything.</summary>
    public static readonly TimeSpan Implausible = TimeSpan.FromDays(3650);

    /// <summary>How far ahead (positive) or behind the probe's clock was, as far as the request shows.</summary>
    public static TimeSpan Skew(Manifest manifest, DateTime receivedUtc, DateTime? sentUtc)
    {
        if (sentUtc is { } sent && (sent - receivedUtc).Duration() < Implausible)
        {
            return sent - receivedUtc;
        }

        return manifest.FinishedUtc > receivedUtc && manifest.FinishedUtc - receivedUtc < Implausible ? manifest.FinishedUtc - receivedUtc : TimeSpan.Zero;
    }

    /// <summary>What is taken off the probe's times: the skew when it is beyond the tolerance.</summary>
    public static TimeSpan Shift(TimeSpan skew) => skew.Duration() > Tolerance ? skew : TimeSpan.Zero;

    /// <summary>A probe time on the collector's clock.</summary>
    public static DateTime Correct(DateTime probeUtc, TimeSpan skew)
    {
        var ticks = probeUtc.Ticks - Shift(skew).Ticks;
        return ticks < DateTime.MinValue.Ticks ? DateTime.MinValue : ticks > DateTime.MaxValue.Ticks ? DateTime.MaxValue : new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>
    /// The manifest with its run's start and end on the collector's clock, the end no later than its receipt. Files
    /// keep the times the file system gave them: those identify a file across runs whatever the clock did since;
    /// the schedule rules correct them with <see cref="Correct"/>.
    /// </summary>
    public static Manifest Corrected(Manifest manifest, TimeSpan skew, DateTime receivedUtc)
    {
        var finished = Correct(manifest.FinishedUtc, skew);
        if (finished == manifest.FinishedUtc && finished <= receivedUtc)
        {
            return manifest;
        }

        if (finished > receivedUtc)
        {
            finished = receivedUtc;
        }

        var started = Correct(manifest.StartedUtc, skew);
        return manifest with { StartedUtc = started > finished ? finished : started, FinishedUtc = finished };
    }
}
