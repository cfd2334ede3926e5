namespace MonitoramentoBKP.Probe;

/// <summary>The probe's documented exit codes; the scheduled task and scripts rely on them.</summary>
public static class ExitCodes
{
    /// <summary>scan: complete, every set was found and read without problems. run: the manifest was delivered, and so was every earlier one left in the spool (the collector judges the backups).</summary>
    public const int Ok = 0;

    /// <summary>Scan complete, and it found problems: a set missing, unreadable or empty, a file unreadable, an archive corrupt.</summary>
    public const int ProblemsFound = 1;

    /// <summary>Invalid command line or configuration; nothing was scanned.</summary>
    public const int BadConfiguration = 2;

    /// <summary>The manifest could not be written where asked.</summary>
    public const int OutputFailed = 3;

    /// <summary>Another probe run holds the state directory.</summary>
    public const int AlreadyRunning = 4;

    /// <summary>run: the collector could not be reached, or kept failing after every retry (or the manifest could not even be written to the spool): manifests are left unsent in the spool for the next run.</summary>
    public const int NotDelivered = 5;

    /// <summary>run: the collector refused this run's manifest or the branch (4xx); the message says why, and the manifest is kept in spool/refused. Retrying the same manifest will not help.</summary>
    public const int Refused = 6;

    /// <summary>update: the release was refused, failed its self-test, or could not be fetched or put in place; the version in place is unchanged.</summary>
    public const int UpdateFailed = 7;

    /// <summary>install/uninstall: a step failed; the message says which and what to do, and install undid what it had done.</summary>
    public const int InstallFailed = 20;

    /// <summary>install/uninstall: not run as Administrator (Windows) or root (Linux).</summary>
    public const int NotAdministrator = 21;

    /// <summary>Unexpected error; the full details are in the log.</summary>
    public const int InternalError = 70;

    public const string HelpText =
        "Códigos de saída / exit codes: 0 ok (run: entregue / delivered); 1 problemas encontrados / problems found; 2 configuração inválida / bad configuration; " +
        "3 falha ao gravar a saída / output not written; 4 outra execução em andamento / already running; " +
        "5 não entregue ao coletor / not delivered to the collector; 6 recusado pelo coletor / refused by the collector; 7 atualização não feita / update not done; " +
        "20 instalação falhou e foi desfeita / install failed and was undone; 21 requer administrador ou root / needs Administrator or root; 70 erro inesperado / unexpected error.";
}
