using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// A release's version: two to four dot-separated whole numbers (<c>1.4.0</c>), compared number by number with
/// missing parts as zero, so <c>1.10.0</c> is newer than <c>1.9.3</c> and <c>1.4</c> equals <c>1.4.0</c>.
/// </summary>
public sealed record ReleaseVersion : IComparable<ReleaseVersion>
{
    private ReleaseVersion(int[] parts, string text)
    {
        Parts = parts;
        Text = text;
    }

    public IReadOnlyList<int> Parts { get; }

    public string Text { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReleaseVersion? version)
    {
        version = null;
        if (text is null || text.Length > 47)
        {
            return false;
        }

        var pieces = text.Split('.');
        if (pieces.Length is < 2 or > 4)
        {
            return false;
        }

        var parts = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            if (piece.Length is 0 or > 9 || (piece.Length > 1 && piece[0] == '0') || !piece.All(char.IsAsciiDigit)
                || !int.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                return false;
            }
        }

        version = new ReleaseVersion(parts, text);
        return true;
    }

    public static ReleaseVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a release version: two to four dot-separated whole numbers without leading zeros, such as 1.4.0.");

    public int CompareTo(ReleaseVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Max(Parts.Count, other.Parts.Count); i++)
        {
            var (a, b) = (i < Parts.Count ? Parts[i] : 0, i < other.Parts.Count ? other.Parts[i] : 0);
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return 0;
    }

    public bool Equals(ReleaseVersion? other) => other is not null && CompareTo(other) == 0;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        var length = Parts.Count;
        while (length > 0 && Parts[length - 1] == 0)
        {
            length--;
        }

        for (var i = 0; i < length; i++)
        {
            hash.Add(Parts[i]);
        }

        return hash.ToHashCode();
    }

    public static bool operator <(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => Text;
}
