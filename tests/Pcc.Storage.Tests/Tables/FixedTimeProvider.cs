namespace Pcc.Storage.Tests.Tables;

/// <summary>A clock stopped at one instant, so signatures are reproducible.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
