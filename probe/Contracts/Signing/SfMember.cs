namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// One member of a Structured Fields dictionary: its key and either an item (<see cref="Value"/>) or an inner list
/// (<see cref="InnerList"/>), with the parameters of that item or list. A bare key reads as the boolean true.
/// </summary>
internal sealed record SfMember(string Key, SfBareItem? Value, IReadOnlyList<SfItem>? InnerList, IReadOnlyList<SfParameter> Parameters);
