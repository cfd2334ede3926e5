using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>
/// A message's facts laid out once, in the reader's language, for every channel to render in its own format:
/// so the e-mail, the cards and the Telegram text of one alert always say the same things.
/// </summary>
/// <param name="Subject">One line for a mail subject or a notification preview ("FALHOU: Loja Moema (F004) sql-vendas").</param>
/// <param name="Title">The card's title.</param>
/// <param name="Subtitle">A second line under the title (the event, or the counts per status).</param>
/// <param name="Tone">The status that colours the message (the worst one of a digest or summary).</param>
/// <param name="Facts">Label and value pairs.</param>
/// <param name="Sections">Lists under a heading: reasons, a digest's alerts, a summary's problems.</param>
/// <param name="WhatToDo">What the reader should do, or null.</param>
/// <param name="Link">The sheet, or null.</param>
/// <param name="LinkLabel">The link's words.</param>
/// <param name="Reference">"Alerta: F004/sql/20261130-140500.1": the event id, in every message.</param>
public sealed record MessageDocument(
    string Subject,
    string Title,
    string? Subtitle,
    SetStatus Tone,
    IReadOnlyList<MessageFact> Facts,
    IReadOnlyList<MessageSection> Sections,
    string? WhatToDo,
    Uri? Link,
    string LinkLabel,
    string Reference);
