namespace MonitoramentoBKP.Contracts;

/// <summary>The JSON Schema of <see cref="Manifest"/> (manifest.schema.json, embedded), for whoever validates manifests.</summary>
public static class ManifestSchema
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream("manifest.schema.json")
            ?? throw new InvalidOperationException("manifest.schema.json is not embedded in the contracts assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
