using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>The entry a new manifest became, and the oldest entries dropped to make room for it (null when none was).</summary>
public sealed record SpoolAdded(SpoolEntry Entry, SpoolDropReport? DroppedNow);
