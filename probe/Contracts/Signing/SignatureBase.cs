using System.Text;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// Writes a signature base as RFC 9421 section 2.5 defines it, for any list of components: one line per covered
/// component, its identifier serialized as a Structured Fields string, ": " and its value; then the
/// "@signature-params" line; lines separated by LF, with no LF after the last. <see cref="MessageSignature"/> uses
/// it for the profile's four components; tests use it to rebuild the RFC's own examples, which cover others. The
/// caller has already checked that no value holds a line break.
/// </summary>
internal static class SignatureBase
{
    public static string Build(IReadOnlyList<KeyValuePair<string, string>> components, string serializedParams)
    {
        var output = new StringBuilder(512);
        foreach (var (name, value) in components)
        {
            StructuredFieldWriter.AppendString(output, name);
            output.Append(": ").Append(value).Append('\n');
        }

        StructuredFieldWriter.AppendString(output, "@signature-params");
        return output.Append(": ").Append(serializedParams).ToString();
    }
}
