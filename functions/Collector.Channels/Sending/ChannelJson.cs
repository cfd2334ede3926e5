using System.Text.Encodings.Web;
using System.Text.Json;

namespace MonitoramentoBKP.Collector.Channels.Sending;

/// <summary>
/// How message bodies are written: compact, and accented letters as themselves rather than \u escapes, so a body's
/// size is what its text measures (the services limit bytes) and a captured body reads as the message does.
/// The bodies go out as application/json, never into HTML, so the relaxed escaping is safe.
/// </summary>
public static class ChannelJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
