using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Discovery;

/// <summary>One query or path parameter as the discovery document declares it.</summary>
internal sealed record DiscoveryParameter(
    string Name,
    string Type,
    string? Format,
    string Location,
    bool Required,
    bool Repeated,
    IReadOnlyList<string>? Enum)
{
    public static DiscoveryParameter From(string name, JsonObject json) => new(
        name,
        json["type"]?.GetValue<string>() ?? "string",
        json["format"]?.GetValue<string>(),
        json["location"]?.GetValue<string>() ?? "query",
        json["required"]?.GetValue<bool>() ?? false,
        json["repeated"]?.GetValue<bool>() ?? false,
        json["enum"] is JsonArray values ? [.. values.Select(v => v!.GetValue<string>())] : null);
}
