namespace MonitoramentoBKP.Contracts.Tests.Corpus;

/// <summary>Who refuses an invalid manifest of the corpus: what a JSON Schema can say, and what it cannot.</summary>
public enum InvalidManifestRefusal
{
    /// <summary>manifest.schema.json and the collector's reading (deserialization, then ManifestValidator) alike.</summary>
    SchemaAndCode,

    /// <summary>
    /// Not a JSON document a strict parser accepts (a property named twice, a raw U+0000 in a string), so it
    /// never reaches a schema; the collector's deserialization refuses it with the path.
    /// </summary>
    Parser,

    /// <summary>What a JSON Schema cannot express (one value against another, uniqueness ignoring case): the code only.</summary>
    CodeOnly,
}
