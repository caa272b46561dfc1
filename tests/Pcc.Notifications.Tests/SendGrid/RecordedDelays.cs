namespace Pcc.Notifications.Tests.SendGrid;

/// <summary>Stands in for the transport's wait between attempts: records each wait and moves the clock instead of sleeping.</summary>
internal sealed class RecordedDelays(ManualClock clock)
{
    private readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits => _waits;

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_waits)
        {
            _waits.Add(delay);
        }

        clock.Advance(delay);
        return Task.CompletedTask;
    }
}
