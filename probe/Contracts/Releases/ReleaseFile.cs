namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>One executable of a release: the probe downloads at most <see cref="Length"/> bytes and keeps them only if their SHA-256 is <see cref="Sha256"/>.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ReleaseFile
{
    /// <summary>The .NET runtime identifier it runs on: <c>win-x64</c>, <c>linux-x64</c>.</summary>
    public required string Runtime { get; init; }

    /// <summary>A plain file name (no folder), as served under <c>api/probe/releases/{version}/{name}</c>.</summary>
    public required string Name { get; init; }

    public required long Length { get; init; }

    /// <summary>Lowercase hex, 64 characters.</summary>
    public required string Sha256 { get; init; }
}
