using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Core.Pipeline;
using Pcc.Storage.Blobs;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Signing;

/// <summary>The blob client signs exactly the escaped path it puts on the wire.</summary>
public sealed class SignedPathTests
{
    [Fact]
    public async Task TheSignatureCoversTheEscapedPathThatIsSent()
    {
        var handler = new CapturingHandler();
        var options = new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 0;
        var container = new BlobContainerClient(
            new Uri("http://127.0.0.1:10000/devstoreaccount1/briefings"), new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey), options);

        await container.GetBlobClient("2026/a b/ü#?%+.txt").DeleteIfExistsAsync();

        var request = handler.Requests.Single();
        var sentPath = request.RequestUri!.PathAndQuery;
        Assert.Equal("/devstoreaccount1/briefings/2026/a%20b/%C3%BC%23%3F%25%2B.txt", sentPath);
        var headers = request.Headers.Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(h => $"{h.Key.ToLowerInvariant()}:{h.Value.Single()}\n");
        var stringToSign = "DELETE\n\n\n\n\n\n\n\n\n\n\n\n" + string.Concat(headers) + "/devstoreaccount1" + sentPath;
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Azurite.AccountKey), Encoding.UTF8.GetBytes(stringToSign)));
        Assert.Equal($"SharedKey devstoreaccount1:{signature}", request.Headers.Authorization?.ToString());
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted));
        }
    }
}
