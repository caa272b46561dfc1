using Pcc.Functions.Catalogue;
using Pcc.Functions.Digests;
using Pcc.Functions.EmailEvents;
using Pcc.Functions.Hosting;
using Pcc.Functions.Ingestion;
using Pcc.Functions.Subscriptions;
using Pcc.Functions.Summaries;

namespace Pcc.Functions;

/// <summary>Every function of the app, declared once. The publish step and the local host both read this list.</summary>
public static class PccFunctionCatalog
{
    /// <summary>The connection setting every storage binding uses.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <summary>The functions, with the blob trigger's source (<c>EventGrid</c> on Flex Consumption).</summary>
    public static IReadOnlyList<FunctionDefinition> Create(string blobSource) =>
    [
        FunctionDefinition.Blob<IngestBriefingFunction>("IngestBriefing", "briefings/{name}", StorageConnection, blobSource),
        .. CatalogueApi.Functions(),
        .. ReviewApi.Functions(),
        .. SubscriptionsApi.Functions(),
        .. DigestTimers.Functions(),
        .. SummariesApi.Functions(),
        .. EmailEventsApi.Functions(),
    ];
}
