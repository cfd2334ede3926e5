namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>A Structured Fields item: a bare item with its parameters (a member of an inner list, or a dictionary value).</summary>
internal sealed record SfItem(SfBareItem Value, IReadOnlyList<SfParameter> Parameters);
