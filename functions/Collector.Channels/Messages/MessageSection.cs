namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>A list in a message under an optional heading, each item one line.</summary>
public sealed record MessageSection(string? Heading, IReadOnlyList<string> Items);
