using System.Text.Json.Serialization;
using MonitoramentoBKP.ReleaseTool.Publishing;
using MonitoramentoBKP.ReleaseTool.Signing;

namespace MonitoramentoBKP.ReleaseTool;

/// <summary>Source-generated JSON for the request bodies bkp-release sends to Key Vault and to the collector.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KeyVaultSignRequest))]
[JsonSerializable(typeof(RolloutRequest))]
public sealed partial class ReleaseToolJsonContext : JsonSerializerContext;
