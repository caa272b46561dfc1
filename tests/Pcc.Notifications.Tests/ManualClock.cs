namespace Pcc.Notifications.Tests;

/// <summary>A clock that moves only when told; timers still run on real time (only "now" is faked).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
