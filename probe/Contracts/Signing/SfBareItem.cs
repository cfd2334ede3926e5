using System.Globalization;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// One Structured Fields bare item as read from a header. <see cref="Text"/> holds a string's or token's characters
/// and a decimal in its canonical form; <see cref="Bytes"/> a byte sequence's decoded bytes.
/// </summary>
internal sealed record SfBareItem(SfKind Kind, long Integer = 0, string Text = "", byte[]? Bytes = null, bool Boolean = false)
{
    public static SfBareItem OfInteger(long value) => new(SfKind.Integer, Integer: value);

    public static SfBareItem OfString(string value) => new(SfKind.String, Text: value);

    public static SfBareItem True { get; } = new(SfKind.Boolean, Boolean: true);

    /// <summary>The type's name as a reason shows it ("an integer", "a string").</summary>
    public string Describe() => Kind switch
    {
        SfKind.Integer => string.Create(CultureInfo.InvariantCulture, $"the integer {Integer}"),
        SfKind.Decimal => $"the decimal {Text}",
        SfKind.String => "a string",
        SfKind.Token => $"the token {Text}",
        SfKind.ByteSequence => "a byte sequence",
        _ => "a boolean",
    };
}
