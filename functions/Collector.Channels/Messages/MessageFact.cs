namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>One labelled fact of a message ("Desde": "30/11/2026 11:05").</summary>
public sealed record MessageFact(string Label, string Value);
