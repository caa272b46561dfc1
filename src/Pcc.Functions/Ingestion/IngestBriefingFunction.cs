using Pcc.Functions.Hosting;

namespace Pcc.Functions.Ingestion;

/// <summary>
/// The blob-triggered IngestBriefing function. The blob is re-read by name rather than taken from the payload, so
/// the ingest always sees the blob's current content and ETag. An unreadable document is a handled outcome (its
/// report says why); only an unexpected failure, such as storage being unavailable, fails the invocation.
/// </summary>
public sealed class IngestBriefingFunction(BriefingIngestor ingestor) : IFunctionHandler
{
    /// <inheritdoc />
    public async Task<FunctionResult> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var name = BlobName(invocation)
            ?? throw new InvalidInvocationException("The payload names no blob: expected Metadata.name (the {name} path token) or Metadata.BlobTrigger.");
        var outcome = await ingestor.IngestAsync(name, cancellationToken);
        return new FunctionResult { Logs = [outcome.Message], ReturnValue = new { outcome.Status, report = outcome.ReportPath } };
    }

    private static string? BlobName(FunctionInvocation invocation)
    {
        var name = invocation.GetMetadataString("name");
        if (!string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        // BlobTrigger carries "container/name".
        var path = invocation.GetMetadataString("BlobTrigger");
        return path?.Split('/', 2) is [_, var rest] && rest.Length > 0 ? rest : null;
    }
}
