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
    public static Ledger Read(BinaryData data) =>
        data.ToMemory().Length == 0 ? Ledger.Empty : JsonSerializer.Deserialize(data.ToStream(), Default.SheetLedger) ?? Ledger.Empty;

    public static BinaryData Write(Ledger ledger) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(ledger, Default.SheetLedger));
}
