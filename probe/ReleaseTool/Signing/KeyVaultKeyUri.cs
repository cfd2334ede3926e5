using System.Text.RegularExpressions;

namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>
/// Reads <c>--key-vault-key https://{vault}.vault.azure.net/keys/{name}[/{version}]</c>: an Azure Key Vault key,
/// optionally one version of it (without one, the vault's current version signs and the document names it by
/// its public key's KeyId).
/// </summary>
public static partial class KeyVaultKeyUri
{
    public static Uri Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Shape().Match(text);
        if (!match.Success || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw ReleaseToolException.BadInput($"{option} {text}: expected https://<vault>.vault.azure.net/keys/<name>[/<version>] (the key's identifier as the portal or 'az keyvault key show' gives it).");
        }

        return uri;
    }

    // Vault names: 3-24 letters, digits and hyphens; key names: 1-127 letters, digits and hyphens; versions: letters and digits.
    [GeneratedRegex(@"\Ahttps://[A-Za-z0-9-]{3,24}\.vault\.azure\.net/keys/[A-Za-z0-9-]{1,127}(/[A-Za-z0-9]{1,64})?/?\z")]
    private static partial Regex Shape();
}
