namespace MonitoramentoBKP.LocalHost;

/// <summary>
/// The one line the local host logs about the Azurite it started: the connection string, so tools run beside it
/// (scripts/try's <c>bkp-release upload</c>) reach the same storage. Its account key is Azurite's published
/// development key, not a secret.
/// </summary>
public static partial class AzuriteLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite started for this host; connection string: {ConnectionString}")]
    public static partial void Started(ILogger logger, string connectionString);
}
