using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeChannels.GoogleChat;

/// <summary>A message a space got: its JSON, the threadKey it asked for, and the thread it landed in.</summary>
public sealed record ChatPost(JsonObject Message, string? ThreadKey, string Thread);
