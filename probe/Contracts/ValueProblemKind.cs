namespace MonitoramentoBKP.Contracts;

/// <summary>What is wrong with one configuration value; each reader of <see cref="ValueProblem"/> words it in its own language.</summary>
public enum ValueProblemKind
{
    Required,
    UnknownKey,
    NotObject,
    NotList,
    NotString,
    Empty,
    NotBoolean,
    NotWholeNumber,
    NotSize,
    NotDuration,
    DurationTooLong,
    NotOneOf,
    NotDate,
    NotId,
}
