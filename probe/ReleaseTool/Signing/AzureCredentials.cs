using Azure.Core;
using Azure.Identity;

namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>
/// The Microsoft Entra credential for Key Vault and Blob Storage, chosen with <c>--credential</c>: <c>default</c>
/// (Azure.Identity's chain: environment, workload and managed identity, Azure CLI, ...), or one of them alone, which
/// is faster and says plainly what failed.
/// </summary>
public static class AzureCredentials
{
    public static IReadOnlyList<string> Kinds { get; } = ["default", "managed-identity", "environment", "azure-cli"];

    public static TokenCredential Create(string? kind) => kind switch
    {
        null or "default" => new DefaultAzureCredential(),
        // A user-assigned identity is chosen by AZURE_CLIENT_ID, as the default chain does.
        "managed-identity" => Environment.GetEnvironmentVariable("AZURE_CLIENT_ID") is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned),
        "environment" => new EnvironmentCredential(),
        "azure-cli" => new AzureCliCredential(),
        _ => throw ReleaseToolException.BadInput($"--credential {kind}: expected one of {string.Join(", ", Kinds)}."),
    };
}
