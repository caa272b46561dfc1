using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pcc.Storage.Internal;

/// <summary>Builds the Azure.Core pipeline every storage client sends through: version header, authentication, error details.</summary>
internal static class StoragePipeline
{
    /// <summary>The OAuth scope for Azure Storage data-plane requests.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(ClientOptions options, string version, HttpPipelinePolicy authentication)
    {
        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = StorageErrorParser.Instance,
        };
        pipelineOptions.PerCallPolicies.Add(new VersionPolicy(version));
        pipelineOptions.PerRetryPolicies.Add(authentication);
        return HttpPipelineBuilder.Build(pipelineOptions);
    }

    public static HttpPipelinePolicy SharedKey(StorageSharedKeyCredential credential) => new SharedKeyPolicy(credential);

    public static HttpPipelinePolicy SharedKeyLite(StorageSharedKeyCredential credential) => new SharedKeyLitePolicy(credential);

    public static HttpPipelinePolicy Token(TokenCredential credential) => new BearerTokenAuthenticationPolicy(credential, StorageScope);

    /// <summary>Sends the message and throws <see cref="RequestFailedException"/> unless the status is one of <paramref name="expected"/>.</summary>
    public static async Task<Response> SendAsync(this HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) < 0)
        {
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return response;
    }

    private sealed class VersionPolicy(string version) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("x-ms-version", version);
    }
}
