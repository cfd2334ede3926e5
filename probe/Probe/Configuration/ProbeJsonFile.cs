using System.Text.Encodings.Web;
using System.Text.Json;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>
/// Writes probe.json's identity and connection keys, keeping every other key a previous file had (keys injected at
/// install, the language, the update channel...) in its place, so enrolling or installing again loses nothing.
/// </summary>
public static class ProbeJsonFile
{
    /// <summary>
    /// The file's new bytes: <paramref name="existing"/> (null or not a JSON object: a new file) with each of
    /// <paramref name="values"/> set (a null value removes the key); the keys set come first, in their order.
    /// </summary>
    public static byte[] Merge(byte[]? existing, IReadOnlyList<KeyValuePair<string, string?>> values)
    {
        using var document = Parse(existing);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }

            if (document?.RootElement is { ValueKind: JsonValueKind.Object } root)
            {
                foreach (var property in root.EnumerateObject().Where(p => !values.Any(v => v.Key == p.Name)))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return [.. buffer.ToArray(), (byte)'\n'];
    }

    /// <summary>Merges into the file at <paramref name="path"/> (created with its folder when missing), written whole or not at all.</summary>
    public static void Write(string path, IReadOnlyList<KeyValuePair<string, string?>> values)
    {
        var existing = File.Exists(path) ? File.ReadAllBytes(path) : null;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, Merge(existing, values));
    }

    private static JsonDocument? Parse(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            // A file that is not JSON has nothing worth keeping; the probe refused it anyway.
            return null;
        }
    }
}
