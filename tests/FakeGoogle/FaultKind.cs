namespace MonitoramentoBKP.FakeGoogle;

/// <summary>What a <see cref="FakeFault"/> does to the request it catches.</summary>
public enum FaultKind
{
    /// <summary>Refuse without applying anything.</summary>
    Fail,

    /// <summary>Carry the request out fully (state changes), then answer with the error as if the answer was lost.</summary>
    ApplyThenFail,

    /// <summary>Only hold the answer back for the fault's delay.</summary>
    DelayOnly,
}
