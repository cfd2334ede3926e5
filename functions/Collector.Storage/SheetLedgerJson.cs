using System.Text.Json;
using System.Text.Json.Serialization;
using MonitoramentoBKP.Collector.Sheets;
using Ledger = MonitoramentoBKP.Collector.Sheets.SheetLedger;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>The ledger blob's JSON: source-generated, camelCase, enums as names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SheetLedger))]
internal sealed partial class SheetLedgerJson : JsonSerializerContext
{
    /// <summary>Reads a saved ledger; the generated reader leaves a property absent from the JSON null, so those get their defaults here.</summary>
    public static Ledger Read(BinaryData data)
    {
        var ledger = data.ToMemory().Length == 0 ? null : JsonSerializer.Deserialize(data.ToStream(), Default.SheetLedger);
        return ledger is null ? Ledger.Empty : ledger with
        {
            Episodes = (IReadOnlyDictionary<string, Collector.Alerts.AlertEpisode>?)ledger.Episodes ?? Ledger.Empty.Episodes,
            Delivery = (SheetDelivery?)ledger.Delivery ?? new SheetDelivery(),
        };
    }

    public static BinaryData Write(Ledger ledger) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(ledger, Default.SheetLedger));
}
