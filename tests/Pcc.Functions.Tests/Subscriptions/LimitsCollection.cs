namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>One worker (<see cref="LimitsFixture"/>) for the per-client and per-address limits and the configured secret.</summary>
[CollectionDefinition(Name)]
public sealed class LimitsCollection : ICollectionFixture<LimitsFixture>
{
    public const string Name = "Subscription limits";
}
