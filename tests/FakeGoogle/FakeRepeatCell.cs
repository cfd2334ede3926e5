namespace MonitoramentoBKP.FakeGoogle;

/// <summary>One repeatCell request as the spreadsheet received it: where, which fields, and the cell's userEnteredFormat.</summary>
public sealed record FakeRepeatCell(FakeGridRange Range, string Fields, FakeCellFormat Format);
