namespace MonitoramentoBKP.FakeGoogle;

/// <summary>The enqueued faults, each with the times it has left; shared by concurrent requests.</summary>
internal sealed class FaultQueue
{
    private readonly Lock gate = new();
    private readonly List<(FakeFault Fault, int Left)> faults = [];

    public void Enqueue(FakeFault fault)
    {
        lock (gate)
        {
            faults.Add((fault, fault.Count));
        }
    }

    /// <summary>The first fault that matches, with one of its times used; null when none does.</summary>
    public FakeFault? Take(IncomingRequest request)
    {
        lock (gate)
        {
            for (var i = 0; i < faults.Count; i++)
            {
                var (fault, left) = faults[i];
                if (!fault.Matches(request))
                {
                    continue;
                }
                if (left == 1)
                {
                    faults.RemoveAt(i);
                }
                else
                {
                    faults[i] = (fault, left - 1);
                }
                return fault;
            }
            return null;
        }
    }

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return faults.Sum(f => f.Left);
            }
        }
    }
}
