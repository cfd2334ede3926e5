using System.Text.Encodings.Web;
using System.Text.Json;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// The one set of serializer options for the wire: source-generated metadata, and non-ASCII text (file names
/// such as "ação.bak") written as UTF-8 rather than \u escapes, so raw manifests stay readable. These
/// documents are never embedded in HTML, which is what the stricter default encoder guards against.
/// </summary>
public static class ContractsJson
{
    public static ContractsJsonContext Context { get; } = new(new JsonSerializerOptions(ContractsJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
