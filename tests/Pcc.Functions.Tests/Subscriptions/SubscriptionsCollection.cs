namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>One worker (<see cref="SubscriptionsFixture"/>) for the subscription journeys, pages, validation and links.</summary>
[CollectionDefinition(Name)]
public sealed class SubscriptionsCollection : ICollectionFixture<SubscriptionsFixture>
{
    public const string Name = "Subscriptions";
}
