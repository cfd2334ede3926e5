using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// A signed document in the shape of TUF's metadata: <c>{"signed": {...}, "signatures": [{"keyId", "sig"}]}</c>.
/// Signatures cover the exact bytes of the <c>signed</c> value as they stand in the file, so nothing has to be
/// canonicalized: <see cref="TryParse"/> keeps those bytes and <see cref="Write"/> puts them back untouched.
/// </summary>
public sealed class SignedEnvelope
{
    /// <summary>Release and key documents are a few KB; anything past this is refused before it is parsed.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>More signatures than keys anyone would hold is not a document, it is work for the verifier.</summary>
    public const int MaxSignatures = 8;

    private SignedEnvelope(ReadOnlyMemory<byte> signed, IReadOnlyList<EnvelopeSignature> signatures)
    {
        Signed = signed;
        Signatures = signatures;
    }

    /// <summary>The raw UTF-8 JSON of the <c>signed</c> member: what every signature is over.</summary>
    public ReadOnlyMemory<byte> Signed { get; }

    public IReadOnlyList<EnvelopeSignature> Signatures { get; }

    /// <summary>The envelope of <paramref name="signed"/> (one JSON object) with these signatures.</summary>
    public static byte[] Write(ReadOnlySpan<byte> signed, IEnumerable<EnvelopeSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        using var buffer = new MemoryStream();
        buffer.Write("{\"signed\":"u8);
        buffer.Write(signed);
        buffer.Write(",\"signatures\":"u8);
        // Base64 '+' and '/' written as themselves, not \u002B: the file is for people to read too.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var signature in signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("keyId", signature.KeyId);
                writer.WriteString("sig", signature.Sig);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        buffer.Write("}\n"u8);
        return buffer.ToArray();
    }

    /// <summary>
    /// Reads an envelope, refusing (with a reason, never an exception) anything over <see cref="MaxLength"/>, that is
    /// not JSON, whose <c>signed</c> is not an object, or whose members are missing, repeated or unknown.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> document, [NotNullWhen(true)] out SignedEnvelope? envelope, out string problem)
    {
        envelope = null;
        if (document.Length > MaxLength)
        {
            problem = $"The document is {document.Length:N0} bytes; a signed document is at most {MaxLength:N0}.";
            return false;
        }

        try
        {
            return TryRead(document, out envelope, out problem);
        }
        catch (JsonException e)
        {
            problem = $"The document is not JSON: {e.Message}";
            return false;
        }
    }

    private static bool TryRead(ReadOnlyMemory<byte> document, out SignedEnvelope? envelope, out string problem)
    {
        envelope = null;
        var reader = new Utf8JsonReader(document.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "The document is not a JSON object.";
            return false;
        }

        ReadOnlyMemory<byte>? signed = null;
        List<EnvelopeSignature>? signatures = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "signed" when signed is null:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        problem = "/signed must be an object.";
                        return false;
                    }

                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    signed = document[start..(int)reader.BytesConsumed];
                    break;
                case "signatures" when signatures is null:
                    if (!TryReadSignatures(ref reader, out signatures, out problem))
                    {
                        return false;
                    }

                    break;
                case "signed" or "signatures":
                    problem = $"/{name} appears twice.";
                    return false;
                default:
                    problem = $"/{name} is not a member of a signed document (signed, signatures).";
                    return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            problem = "The document has content after its object.";
            return false;
        }

        if (signed is null || signatures is null)
        {
            problem = signed is null ? "/signed is missing." : "/signatures is missing.";
            return false;
        }

        envelope = new SignedEnvelope(signed.Value, signatures);
        problem = "";
        return true;
    }

    private static bool TryReadSignatures(ref Utf8JsonReader reader, out List<EnvelopeSignature> signatures, out string problem)
    {
        signatures = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problem = "/signatures must be an array.";
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = $"/signatures/{signatures.Count}";
            if (signatures.Count == MaxSignatures)
            {
                problem = $"/signatures has more than {MaxSignatures} entries.";
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problem = $"{at} must be an object.";
                return false;
            }

            string? keyId = null, sig = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    problem = $"{at}/{name} must be a string.";
                    return false;
                }

                switch (name)
                {
                    case "keyId" when keyId is null:
                        keyId = reader.GetString();
                        break;
                    case "sig" when sig is null:
                        sig = reader.GetString();
                        break;
                    case "keyId" or "sig":
                        problem = $"{at}/{name} appears twice.";
                        return false;
                    default:
                        problem = $"{at}/{name} is not a member of a signature (keyId, sig).";
                        return false;
                }
            }

            if (keyId is null || sig is null)
            {
                problem = $"{at}/{(keyId is null ? "keyId" : "sig")} is missing.";
                return false;
            }

            signatures.Add(new EnvelopeSignature { KeyId = keyId, Sig = sig });
        }

        problem = "";
        return true;
    }

    public override string ToString() => Encoding.UTF8.GetString(Write(Signed.Span, Signatures));
}
