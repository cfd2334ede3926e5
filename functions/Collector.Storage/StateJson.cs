using System.Text.Json.Serialization;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>The lists a table entity keeps as JSON text (reasons, history, a rollout's pilots and files): source-generated, camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<FindingRecord>))]
[JsonSerializable(typeof(List<BackupObservation>))]
[JsonSerializable(typeof(BackupObservation))]
[JsonSerializable(typeof(FindingRecord))]
[JsonSerializable(typeof(MonitoramentoBKP.Collector.Silencing.BranchSilence))]
[JsonSerializable(typeof(MonitoramentoBKP.Collector.Silencing.SilenceNote))]
[JsonSerializable(typeof(BaselineDocument))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<MonitoramentoBKP.Contracts.Releases.ReleaseFile>))]
internal sealed partial class StateJson : JsonSerializerContext;
