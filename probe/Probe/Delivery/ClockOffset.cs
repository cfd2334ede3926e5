using System.Globalization;
using System.Text;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// How far this machine's clock is from the collector's, learnt from the collector's <c>Date</c> header and kept
/// in the state folder (<c>clock-offset.txt</c>), as the AWS SDKs correct clock skew: signatures are dated with
/// the corrected time so a store PC two hours off still delivers, while the manifest keeps the machine's own clock
/// so the collector's clock-skew rule can warn the managers.
/// </summary>
public sealed class ClockOffset
{
    public const string FileName = "clock-offset.txt";

    /// <summary>Differences below this are the Date header's one-second resolution and the trip's time, not a wrong clock.</summary>
    public static readonly TimeSpan Noise = TimeSpan.FromSeconds(30);

    private readonly string? _path;

    private ClockOffset(string? path, TimeSpan offset)
    {
        _path = path;
        Offset = offset;
    }

    /// <summary>Collector time minus this machine's time.</summary>
    public TimeSpan Offset { get; private set; }

    /// <summary>An offset that starts at zero and is not kept anywhere (a one-off request, a test).</summary>
    public static ClockOffset Unsaved() => new(null, TimeSpan.Zero);

    /// <summary>The offset kept in <paramref name="stateDirectory"/>, or none when there is no readable one.</summary>
    public static ClockOffset Load(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        try
        {
            var text = File.ReadAllText(path).Trim();
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.FromDays(3650).TotalSeconds
                ? new ClockOffset(path, TimeSpan.FromSeconds(seconds))
                : new ClockOffset(path, TimeSpan.Zero);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ClockOffset(path, TimeSpan.Zero);
        }
    }

    /// <summary>The collector's time as this machine best knows it.</summary>
    public DateTimeOffset Now(TimeProvider time) => time.GetUtcNow() + Offset;

    /// <summary>
    /// Learns from the collector's <paramref name="serverDate"/> seen at <paramref name="localNow"/>; true when the
    /// offset changed (then it is kept for the next runs). A failure to keep it only costs the next run one retry.
    /// </summary>
    public bool Observe(DateTimeOffset? serverDate, DateTimeOffset localNow)
    {
        if (serverDate is not { } date)
        {
            return false;
        }

        var measured = date - localNow;
        if ((measured - Offset).Duration() <= Noise)
        {
            return false;
        }

        Offset = measured.Duration() <= Noise ? TimeSpan.Zero : measured;
        Save();
        return true;
    }

    private void Save()
    {
        if (_path is not null)
        {
            // A failure only costs the next run one retry.
            AtomicFile.TryWrite(_path, Encoding.ASCII.GetBytes(Offset.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "\n"));
        }
    }
}
