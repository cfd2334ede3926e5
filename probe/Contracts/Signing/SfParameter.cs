namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>One parameter (";key=value") of a Structured Fields item or inner list, kept in the order received.</summary>
internal sealed record SfParameter(string Key, SfBareItem Value);
