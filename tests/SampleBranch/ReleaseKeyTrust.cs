using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.SampleBranch;

/// <summary>
/// Adds a release public key to an installed probe's probe.json <c>releaseKeys</c>, keeping every other key, as a
/// company that trusts its own release key at install does; scripts/try uses it before cutting a release.
/// </summary>
public static class ReleaseKeyTrust
{
    public static int Add(string configPath, string publicKey, TextWriter output, TextWriter error)
    {
        if (!IsBase64(publicKey))
        {
            error.WriteLine($"trust-release-key: '{publicKey}' is not a base64 SubjectPublicKeyInfo (as 'bkp-release keygen' prints it)");
            return 2;
        }

        JsonObject config;
        try
        {
            config = JsonNode.Parse(File.ReadAllText(configPath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new JsonException("not a JSON object");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            error.WriteLine($"trust-release-key: {configPath}: {e.Message}");
            return 2;
        }

        if (config["releaseKeys"] is not JsonArray keys)
        {
            if (config["releaseKeys"] is not null)
            {
                error.WriteLine($"trust-release-key: {configPath}: releaseKeys is not a list");
                return 2;
            }

            keys = [];
            config["releaseKeys"] = keys;
        }

        if (!keys.Any(k => k?.GetValueKind() == JsonValueKind.String && k.GetValue<string>() == publicKey))
        {
            keys.Add(publicKey);
        }

        // Written in place, not through a temporary name: the file keeps its owner, group and mode (root, the
        // service's group, 0640), which a new file from this root process would not have.
        File.WriteAllText(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        output.WriteLine($"{configPath}: releaseKeys = {keys.Count} chave(s)");
        return 0;
    }

    private static bool IsBase64(string text) => text.Length > 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
