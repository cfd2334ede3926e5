namespace MonitoramentoBKP.Collector.Reading;

/// <summary>
/// The fleet's probe versions for <c>GET api/status</c>: how many registered, not retired branches run each version
/// (newest first; a branch counts once its probe reported), and each published release with its rollout and how
/// many branches run it.
/// </summary>
public sealed record FleetView(IReadOnlyList<VersionCount> Versions, IReadOnlyList<ReleaseView> Releases);
