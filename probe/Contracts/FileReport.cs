namespace MonitoramentoBKP.Contracts;

/// <summary>One file of a backup set.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record FileReport
{
    /// <summary>Path relative to the set root, with '/' as the separator on every OS.</summary>
    public required string Path { get; init; }

    public required long Size { get; init; }
    public required DateTime LastWriteUtc { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content; absent when the file could not be read completely.</summary>
    public string? Sha256 { get; init; }

    /// <summary>True when the content was read in this run (new, changed, or re-verified); false when taken from the cache.</summary>
    public required bool HashedThisRun { get; init; }

    /// <summary>When the content was last read and hashed (this run or an earlier one).</summary>
    public DateTime? VerifiedUtc { get; init; }

    /// <summary>
    /// The hash the cache held for this same path, size and time when a re-read found different content:
    /// the file changed on disk without its metadata changing (corruption or tampering).
    /// </summary>
    public string? PreviousSha256 { get; init; }

    public required ArchiveReport Archive { get; init; }

    /// <summary>Set when this file could not be inventoried completely; the scan goes on with the next file.</summary>
    public ProblemReport? Error { get; init; }
}
