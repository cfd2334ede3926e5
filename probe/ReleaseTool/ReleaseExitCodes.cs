namespace MonitoramentoBKP.ReleaseTool;

/// <summary>bkp-release's exit codes, for the scripts and pipelines that cut releases.</summary>
public static class ReleaseExitCodes
{
    public const int Ok = 0;

    /// <summary>Key Vault, Blob Storage or the collector refused the request or could not be reached; the message says which and why.</summary>
    public const int Failed = 1;

    /// <summary>A bad command line or input file; nothing was signed, uploaded or published.</summary>
    public const int BadInput = 2;

    /// <summary>upload: that version is already in storage; a published version is never replaced (cut a new one).</summary>
    public const int AlreadyPublished = 3;

    /// <summary>upload-keys: storage holds a key rotation of the same or a higher version; probes only take a newer one.</summary>
    public const int NotNewer = 4;

    /// <summary>Unexpected error; the whole story is printed.</summary>
    public const int InternalError = 70;

    public const string HelpText =
        "Exit codes: 0 ok; 1 a service refused or could not be reached; 2 bad input; 3 version already uploaded; 4 key rotation not newer than the one stored; 70 unexpected error.";
}
