namespace MonitoramentoBKP.Probe;

/// <summary>The probe's documented exit codes; the scheduled task and scripts rely on them.</summary>
public static class ExitCodes
{
    /// <summary>scan: complete, every set was found and read without problems. run: the manifest was delivered (the collector judges the backups).</summary>
    public const int Ok = 0;

    /// <summary>Scan complete, and it found problems: a set missing, unreadable or empty, a file unreadable, an archive corrupt.</summary>
    public const int ProblemsFound = 1;

    /// <summary>Invalid command line or configuration; nothing was scanned.</summary>
    public const int BadConfiguration = 2;

    /// <summary>The manifest could not be written where asked.</summary>
    public const int OutputFailed = 3;

    /// <summary>Another probe run holds the state directory.</summary>
    public const int AlreadyRunning = 4;

    /// <summary>run: the collector could not be reached, or kept failing after every retry; the manifest was not delivered.</summary>
    public const int NotDelivered = 5;

    /// <summary>run: the collector refused the manifest or the branch (4xx); the message says why. Retrying the same manifest will not help.</summary>
    public const int Refused = 6;

    /// <summary>Unexpected error; the full details are in the log.</summary>
    public const int InternalError = 70;

    public const string HelpText =
        "Códigos de saída / exit codes: 0 ok (run: entregue / delivered); 1 problemas encontrados / problems found; 2 configuração inválida / bad configuration; " +
        "3 falha ao gravar a saída / output not written; 4 outra execução em andamento / already running; " +
        "5 não entregue ao coletor / not delivered to the collector; 6 recusado pelo coletor / refused by the collector; 70 erro inesperado / unexpected error.";
}
