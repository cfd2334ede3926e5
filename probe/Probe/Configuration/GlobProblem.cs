namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>Why a file pattern was refused; <see cref="Localization.Messages"/> words it for the user.</summary>
public enum GlobProblem
{
    None,
    Empty,
    Absolute,
    EmptySegment,
    ParentSegment,
    DoubleStarNotAlone,
    EmptyClass,
    UnclosedClass,
    NestedBraces,
    UnopenedBrace,
    UnclosedBrace,
    SlashInGroup,
}
