using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Output;

/// <summary>Writes a manifest as JSON; to a file through a temporary name, so a reader never sees half a manifest.</summary>
public static class ManifestWriter
{
    public static void Write(Manifest manifest, Stream destination) =>
        JsonSerializer.Serialize(destination, manifest, ContractsJson.Context.Manifest);

    public static void WriteFile(Manifest manifest, string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(manifest, file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
