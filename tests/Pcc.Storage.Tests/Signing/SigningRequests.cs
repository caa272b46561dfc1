using Azure.Core;
using Azure.Core.Pipeline;

namespace Pcc.Storage.Tests.Signing;

/// <summary>Builds bare requests, as the clients would hand them to the signing policy.</summary>
internal static class SigningRequests
{
    public const string Date = "Mon, 23 Nov 2026 07:30:00 GMT";

    private static readonly HttpPipeline s_pipeline = HttpPipelineBuilder.Build(new BareOptions());

    public static Request Create(RequestMethod method, string uri)
    {
        var request = s_pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        request.Headers.SetValue("x-ms-date", Date);
        request.Headers.SetValue("x-ms-version", "2021-12-02");
        return request;
    }

    private sealed class BareOptions : ClientOptions;
}
