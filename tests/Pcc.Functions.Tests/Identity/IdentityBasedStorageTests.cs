using System.Net;
using System.Net.Http.Headers;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Identity;

/// <summary>
/// The storage path every deployment takes: identity-based <c>AzureWebJobsStorage__*</c> settings and a managed
/// identity's tokens against storage that accepts nothing else.
/// </summary>
public sealed class IdentityBasedStorageTests(IdentityAppFixture app) : IClassFixture<IdentityAppFixture>
{
    [Fact]
    public async Task WithIdentityBasedSettingsABriefingIsIngestedAndADigestGoesOutThroughTheQueue()
    {
        Assert.Null(app.Host.Storage.ConnectionString);
        Assert.Null(app.Host.Configuration["AzureWebJobsStorage"]);
        Assert.Contains(app.Host.QueueListeners, l => l.Queue == app.Host.Configuration["DigestBatchQueue"]);
        var briefing = AppFixture.UniqueBriefingName();
        var address = MailDevFixture.UniqueAddress();
        await app.SubscribeAndConfirmAsync(address, ["violence-and-exploitation"]);

        var ingested = await app.IngestAsync(briefing, SeedBriefing.Bytes, version: 1);
        Assert.Equal(1, ingested.GetProperty("currentVersion").GetInt32());
        await app.RunAsync("SendDailyDigests");

        var digest = Assert.Single(await app.WaitForDigestsAsync(address, 1));
        Assert.Contains("Scottish Violence Reduction Unit", digest.Text);
        Assert.True(app.Identity.TokensIssuedTo(IdentityAppFixture.WorkerSecret) > 0, "The app's worker never asked the managed identity endpoint for a token.");
        Assert.True(app.Identity.TokensIssuedTo(IdentityAppFixture.HostSecret) > 0, "The local host never asked the managed identity endpoint for a token.");
    }

    [Fact]
    public async Task TheEmulatorRefusesRequestsWithoutAnAcceptableToken()
    {
        using var http = new HttpClient(app.Certificate.CreateHandler());
        var listContainers = new Uri(app.OAuthAzurite.BlobEndpoint.AbsoluteUri + "?comp=list");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(ManagedIdentityEndpoint.StorageToken(app.ClientId))).Status);

        var anonymous = await SendAsync(token: null);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.Contains("<Code>AuthorizationFailure</Code>", anonymous.Body);

        var foreignIssuer = await SendAsync(ManagedIdentityEndpoint.StorageToken(app.ClientId, issuer: "https://issuer.example/"));
        Assert.Equal(HttpStatusCode.Forbidden, foreignIssuer.Status);
        Assert.Contains("<Code>AuthenticationFailed</Code>", foreignIssuer.Body);
        Assert.Contains("Invalid token issuer", foreignIssuer.Body);

        async Task<(HttpStatusCode Status, string Body)> SendAsync(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, listContainers);
            request.Headers.Add("x-ms-version", "2026-06-06");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
