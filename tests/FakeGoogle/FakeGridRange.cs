namespace MonitoramentoBKP.FakeGoogle;

/// <summary>A GridRange as sent: 0-based, end-exclusive, null = unbounded on that side.</summary>
public sealed record FakeGridRange(int SheetId, int? StartRowIndex, int? EndRowIndex, int? StartColumnIndex, int? EndColumnIndex)
{
    public bool Contains(int row, int column) =>
        row >= (StartRowIndex ?? 0) && (EndRowIndex is null || row < EndRowIndex)
        && column >= (StartColumnIndex ?? 0) && (EndColumnIndex is null || column < EndColumnIndex);
}
