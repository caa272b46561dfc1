using System.Text.RegularExpressions;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>
/// On Flex Consumption a blob trigger hears of new blobs only through Event Grid: the subscription must deliver the
/// trigger's container, from the account its connection names, to that function's webhook.
/// </summary>
public sealed partial class BlobEventSubscriptionTests
{
    private static readonly IReadOnlyDictionary<string, ArmValue> Settings = Templates.Main.AppSettings();

    public static TheoryData<string> BlobTriggeredFunctions() =>
        [.. AppSurface.Bindings.Where(b => b.Attribute == "BlobTriggerAttribute").Select(b => b.Function)];

    [Fact]
    public void TheAppHasABlobTriggeredFunction() => Assert.NotEmpty(BlobTriggeredFunctions());

    [Theory]
    [MemberData(nameof(BlobTriggeredFunctions))]
    public void TheBlobTriggerTakesItsEventsFromEventGrid(string function)
    {
        Assert.Equal("EventGrid", Trigger(function).Get("Source"));
    }

    [Theory]
    [MemberData(nameof(BlobTriggeredFunctions))]
    public void TheSubscriptionDeliversBlobsCreatedInTheTriggersContainerToItsWebhook(string function)
    {
        var path = AppSurface.Resolve(Trigger(function).Get("blobPath")!, Settings);
        var container = path.Split('/')[0];
        var subscription = Templates.Subscription.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal($"/blobServices/default/containers/{container}/blobs/", subscription.Property("properties.filter.subjectBeginsWith").Text);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], subscription.Property("properties.filter.includedEventTypes").Node!.AsArray().Select(n => (string)n!));
        var endpoint = subscription.Property("properties.destination.properties.endpointUrl").Text;
        Assert.Contains($"/runtime/webhooks/blobs?functionName=Host.Functions.{function}&code=", endpoint, StringComparison.Ordinal);
        Assert.EndsWith(".systemKeys.blobs_extension", endpoint, StringComparison.Ordinal);
        Assert.StartsWith("https://reference('app').defaultHostName/", endpoint, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BlobTriggeredFunctions))]
    public void TheSystemTopicWatchesTheAccountTheTriggersConnectionNames(string function)
    {
        var connection = AppSurface.Resolve(Trigger(function).Get("Connection") ?? AppSurface.DefaultConnection, Settings);
        var account = Settings[$"{connection}__accountName"];
        var topic = Templates.Main.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Property("properties.topicType").Text);
        Assert.Equal($"resourceId('Microsoft.Storage/storageAccounts', {account.Render()})", topic.Property("properties.source").Text);
    }

    [Fact]
    public void UndeliverableEventsAreKeptInAContainerThatExists()
    {
        var subscription = Templates.Subscription.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var container = subscription.Property("properties.deadLetterWithResourceIdentity.deadLetterDestination.properties.blobContainerName").Text;
        var created = Templates.Main.Resources("Microsoft.Storage/storageAccounts/blobServices/containers").SelectMany(r => r.Instances()).Select(r => r.LeafName);

        Assert.Contains(container, created);
    }

    private static BindingUse Trigger(string function) =>
        AppSurface.Bindings.Single(b => b.Function == function && b.Attribute == "BlobTriggerAttribute");

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Percent();
}
