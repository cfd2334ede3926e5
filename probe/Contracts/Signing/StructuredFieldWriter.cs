using System.Globalization;
using System.Text;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// Serializes Structured Fields values (RFC 8941 section 4.1). RFC 9421 defines "@signature-params" as the
/// serialization of the signature's inner list, so the signer writes Signature-Input with this and the verifier
/// rebuilds the signature base from what it parsed with the same code.
/// </summary>
internal static class StructuredFieldWriter
{
    /// <summary>An inner list: its items separated by one space inside parentheses, then its parameters.</summary>
    public static string InnerList(IReadOnlyList<SfItem> items, IReadOnlyList<SfParameter> parameters)
    {
        var output = new StringBuilder(256);
        output.Append('(');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            AppendBareItem(output, items[i].Value);
            AppendParameters(output, items[i].Parameters);
        }

        output.Append(')');
        AppendParameters(output, parameters);
        return output.ToString();
    }

    /// <summary>A string: in double quotes, with '"' and '\' escaped. The caller passes printable ASCII only.</summary>
    public static void AppendString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                output.Append('\\');
            }

            output.Append(c);
        }

        output.Append('"');
    }

    private static void AppendParameters(StringBuilder output, IReadOnlyList<SfParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            output.Append(';').Append(parameter.Key);
            if (parameter.Value is not { Kind: SfKind.Boolean, Boolean: true })
            {
                output.Append('=');
                AppendBareItem(output, parameter.Value);
            }
        }
    }

    private static void AppendBareItem(StringBuilder output, SfBareItem item)
    {
        switch (item.Kind)
        {
            case SfKind.Integer:
                output.Append(item.Integer.ToString(CultureInfo.InvariantCulture));
                break;
            case SfKind.String:
                AppendString(output, item.Text);
                break;
            case SfKind.ByteSequence:
                output.Append(':').Append(Convert.ToBase64String(item.Bytes ?? [])).Append(':');
                break;
            case SfKind.Boolean:
                output.Append(item.Boolean ? "?1" : "?0");
                break;
            default:
                // Decimals are held in canonical form already, and tokens are written as they were read.
                output.Append(item.Text);
                break;
        }
    }
}
