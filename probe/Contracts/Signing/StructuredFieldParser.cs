using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// A strict reader of Structured Fields dictionaries (RFC 8941 section 4.2, the algorithms RFC 9421 and RFC 9530
/// build on), for header values received from the network. It never throws on bad input: the first thing wrong
/// ends the parse with a reason naming the field, what was expected and the character where it went wrong. Its
/// work is linear in the length of the value, with one level of nesting (inner lists), so a hostile value cannot
/// make it loop or recurse; callers bound the length first. One deliberate departure from RFC 8941: a key that
/// appears twice (in the dictionary or in one parameter list) is refused instead of the last one winning, since a
/// repeated signature label or parameter is either a mistake or an attempt to make two readers disagree.
/// </summary>
internal sealed class StructuredFieldParser
{
    private const int MaxIntegerDigits = 15;
    private const int MaxDecimalIntegerDigits = 12;
    private const int MaxDecimalFractionDigits = 3;

    private readonly string text;
    private readonly string field;
    private int position;
    private string reason = "";

    private StructuredFieldParser(string text, string field)
    {
        this.text = text;
        this.field = field;
    }

    private bool AtEnd => position >= text.Length;

    private char Next => position < text.Length ? text[position] : '\0';

    /// <summary>
    /// Reads <paramref name="text"/> (the field value, already trimmed of surrounding whitespace as HTTP does) as a
    /// dictionary. <paramref name="field"/> is the header's name, for the reason.
    /// </summary>
    public static bool TryParseDictionary(string text, string field, [NotNullWhen(true)] out IReadOnlyList<SfMember>? members, out string reason)
    {
        var parser = new StructuredFieldParser(text, field);
        var ok = parser.TryDictionary(out var parsed);
        members = ok ? parsed : null;
        reason = ok ? "" : parser.reason;
        return ok;
    }

    private bool TryDictionary(out List<SfMember> members)
    {
        members = [];
        SkipSpaces();
        while (!AtEnd)
        {
            var keyAt = position;
            if (!TryKey(out var key))
            {
                return false;
            }

            if (members.Exists(m => m.Key == key))
            {
                return Fail($"the key '{key}' appears twice", keyAt);
            }

            if (Next == '=')
            {
                position++;
                if (Next == '(')
                {
                    if (!TryInnerList(out var list, out var listParameters))
                    {
                        return false;
                    }

                    members.Add(new SfMember(key, null, list, listParameters));
                }
                else
                {
                    if (!TryBareItem(out var value) || !TryParameters(out var parameters))
                    {
                        return false;
                    }

                    members.Add(new SfMember(key, value, null, parameters));
                }
            }
            else
            {
                if (!TryParameters(out var parameters))
                {
                    return false;
                }

                members.Add(new SfMember(key, SfBareItem.True, null, parameters));
            }

            SkipOptionalWhitespace();
            if (AtEnd)
            {
                return true;
            }

            if (Next != ',')
            {
                return Fail("expected ',' between members", position);
            }

            position++;
            SkipOptionalWhitespace();
            if (AtEnd)
            {
                return Fail("a ',' must be followed by another member", position);
            }
        }

        return true;
    }

    private bool TryInnerList(out List<SfItem> items, out List<SfParameter> parameters)
    {
        items = [];
        parameters = [];
        position++;
        while (!AtEnd)
        {
            SkipSpaces();
            if (Next == ')')
            {
                position++;
                return TryParameters(out parameters);
            }

            if (!TryBareItem(out var value) || !TryParameters(out var itemParameters))
            {
                return false;
            }

            items.Add(new SfItem(value, itemParameters));
            if (!AtEnd && Next is not ' ' and not ')')
            {
                return Fail("expected a space or ')' after an item of an inner list", position);
            }
        }

        return Fail("the inner list is not closed with ')'", position);
    }

    private bool TryParameters(out List<SfParameter> parameters)
    {
        parameters = [];
        while (Next == ';')
        {
            position++;
            SkipSpaces();
            var keyAt = position;
            if (!TryKey(out var key))
            {
                return false;
            }

            if (parameters.Exists(p => p.Key == key))
            {
                return Fail($"the parameter '{key}' appears twice", keyAt);
            }

            var value = SfBareItem.True;
            if (Next == '=')
            {
                position++;
                if (!TryBareItem(out value))
                {
                    return false;
                }
            }

            parameters.Add(new SfParameter(key, value));
        }

        return true;
    }

    private bool TryKey(out string key)
    {
        key = "";
        var start = position;
        if (!(IsLowerAlpha(Next) || Next == '*'))
        {
            return Fail("expected a key (starting with a lowercase letter or '*')", position);
        }

        position++;
        while (!AtEnd && (IsLowerAlpha(Next) || char.IsAsciiDigit(Next) || Next is '_' or '-' or '.' or '*'))
        {
            position++;
        }

        key = text[start..position];
        return true;
    }

    private bool TryBareItem([NotNullWhen(true)] out SfBareItem? item)
    {
        item = null;
        var c = Next;
        if (c == '-' || char.IsAsciiDigit(c))
        {
            return TryNumber(out item);
        }

        if (c == '"')
        {
            return TryString(out item);
        }

        if (c == '*' || char.IsAsciiLetter(c))
        {
            item = Token();
            return true;
        }

        if (c == ':')
        {
            return TryByteSequence(out item);
        }

        if (c == '?')
        {
            return TryBoolean(out item);
        }

        if (c is '@' or '%')
        {
            return Fail("dates and display strings are not accepted here", position);
        }

        return AtEnd
            ? Fail("expected a value", position)
            : Fail("expected a value (a number, \"string\", token, :byte sequence: or ?boolean)", position);
    }

    private bool TryNumber([NotNullWhen(true)] out SfBareItem? item)
    {
        item = null;
        var start = position;
        var negative = Next == '-';
        if (negative)
        {
            position++;
        }

        if (!char.IsAsciiDigit(Next))
        {
            return Fail("expected a digit", position);
        }

        var digitsStart = position;
        var dot = -1;
        while (!AtEnd)
        {
            var c = Next;
            if (char.IsAsciiDigit(c))
            {
                position++;
            }
            else if (c == '.' && dot < 0)
            {
                if (position - digitsStart > MaxDecimalIntegerDigits)
                {
                    return Fail($"a decimal has at most {MaxDecimalIntegerDigits} digits before the '.'", start);
                }

                dot = position;
                position++;
            }
            else
            {
                break;
            }

            if (dot < 0 && position - digitsStart > MaxIntegerDigits)
            {
                return Fail($"an integer has at most {MaxIntegerDigits} digits", start);
            }

            if (dot >= 0 && position - dot - 1 > MaxDecimalFractionDigits)
            {
                return Fail($"a decimal has at most {MaxDecimalFractionDigits} digits after the '.'", start);
            }
        }

        if (dot < 0)
        {
            var value = long.Parse(text.AsSpan(digitsStart, position - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture);
            item = SfBareItem.OfInteger(negative ? -value : value);
            return true;
        }

        if (dot == position - 1)
        {
            return Fail("a decimal needs a digit after the '.'", start);
        }

        // RFC 8941 section 4.1.5 serializes a decimal without trailing zeros in its fraction (at least one digit).
        var fraction = text[(dot + 1)..position].TrimEnd('0');
        var canonical = string.Concat(negative ? "-" : "", text[digitsStart..dot].TrimStart('0') is { Length: > 0 } whole ? whole : "0", ".", fraction.Length > 0 ? fraction : "0");
        item = new SfBareItem(SfKind.Decimal, Text: canonical);
        return true;
    }

    private bool TryString([NotNullWhen(true)] out SfBareItem? item)
    {
        item = null;
        var start = position;
        position++;
        var value = new System.Text.StringBuilder();
        while (!AtEnd)
        {
            var c = text[position];
            if (c == '\\')
            {
                position++;
                if (Next is not '"' and not '\\')
                {
                    return Fail("in a string, '\\' may only escape '\"' or '\\'", position);
                }

                value.Append(Next);
                position++;
            }
            else if (c == '"')
            {
                position++;
                item = SfBareItem.OfString(value.ToString());
                return true;
            }
            else if (c is < ' ' or > '~')
            {
                return Fail("a string may hold only printable ASCII characters", position);
            }
            else
            {
                value.Append(c);
                position++;
            }
        }

        return Fail("the string is not closed with '\"'", start);
    }

    private SfBareItem Token()
    {
        var start = position;
        position++;
        while (!AtEnd && (IsTokenChar(Next) || Next is ':' or '/'))
        {
            position++;
        }

        return new SfBareItem(SfKind.Token, Text: text[start..position]);
    }

    private bool TryByteSequence([NotNullWhen(true)] out SfBareItem? item)
    {
        item = null;
        var start = position;
        position++;
        var end = text.IndexOf(':', position);
        if (end < 0)
        {
            return Fail("the byte sequence is not closed with ':'", start);
        }

        var encoded = text.AsSpan(position, end - position);
        var bad = encoded.IndexOfAnyExcept(Base64Chars);
        if (bad >= 0)
        {
            return Fail("a byte sequence holds only base64 characters (A-Z, a-z, 0-9, '+', '/', '=')", position + bad);
        }

        var bytes = new byte[encoded.Length / 4 * 3];
        if (encoded.Length % 4 != 0 || !Convert.TryFromBase64Chars(encoded, bytes, out var written))
        {
            return Fail("the byte sequence is not valid padded base64", start);
        }

        position = end + 1;
        item = new SfBareItem(SfKind.ByteSequence, Bytes: bytes[..written]);
        return true;
    }

    private bool TryBoolean([NotNullWhen(true)] out SfBareItem? item)
    {
        item = null;
        position++;
        if (Next is not '0' and not '1')
        {
            return Fail("a boolean is ?0 or ?1", position);
        }

        item = new SfBareItem(SfKind.Boolean, Boolean: Next == '1');
        position++;
        return true;
    }

    private void SkipSpaces()
    {
        while (Next == ' ')
        {
            position++;
        }
    }

    private void SkipOptionalWhitespace()
    {
        while (Next is ' ' or '\t')
        {
            position++;
        }
    }

    private bool Fail(string what, int at)
    {
        reason = at >= text.Length
            ? $"{field}: {what} (at the end of the value)"
            : string.Create(CultureInfo.InvariantCulture, $"{field}: {what} (at character {at + 1})");
        return false;
    }

    private static bool IsLowerAlpha(char c) => c is >= 'a' and <= 'z';

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> Base64Chars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");
}
