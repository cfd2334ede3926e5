using System.Text.Json;
using System.Text.Json.Serialization;
using MonitoramentoBKP.Collector.Notify;
using Ledger = MonitoramentoBKP.Collector.Notify.NotifyLedger;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>The alert channels' ledger blob's JSON: source-generated, camelCase, enums as names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NotifyLedger))]
internal sealed partial class NotifyLedgerJson : JsonSerializerContext
{
    /// <summary>Reads a saved ledger; collections absent from the JSON get their defaults.</summary>
    public static Ledger Read(BinaryData data)
    {
        var ledger = data.ToMemory().Length == 0 ? null : JsonSerializer.Deserialize(data.ToStream(), Default.NotifyLedger);
        return ledger is null ? Ledger.Empty : ledger with
        {
            Episodes = (IReadOnlyDictionary<string, Collector.Alerts.AlertEpisode>?)ledger.Episodes ?? Ledger.Empty.Episodes,
            Routes = (IReadOnlyDictionary<string, RouteLedger>?)ledger.Routes ?? Ledger.Empty.Routes,
            RecentlyResolved = (IReadOnlyList<Collector.Alerts.AlertRow>?)ledger.RecentlyResolved ?? [],
        };
    }

    public static BinaryData Write(Ledger ledger) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(ledger, Default.NotifyLedger));
}
