using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pcc.Testing.SendGrid;

namespace Pcc.Notifications.Tests.SendGrid;

/// <summary>The fake must refuse what SendGrid refuses, or the transport tests prove nothing.</summary>
public sealed class SendGridFakeContractTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SendGridFake _fake = null!;

    public async Task InitializeAsync() => _fake = await SendGridFake.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task AValidRequestIsAcceptedWithAMessageId()
    {
        using var response = await PostAsync(Valid());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Message-Id"));
    }

    [Fact]
    public async Task OnlyPostToMailSendIsServed()
    {
        using var get = await _http.GetAsync(new Uri(_fake.BaseUri, "/v3/mail/send"));
        using var other = await PostAsync(Valid(), path: "/v3/mail/batch");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("SG.wrong", HttpStatusCode.Unauthorized)]
    [InlineData("read-only", HttpStatusCode.Forbidden)]
    public async Task TheApiKeyIsChecked(string? key, HttpStatusCode expected)
    {
        using var response = await PostAsync(Valid(), key: key == "read-only" ? _fake.ReadOnlyApiKey : key ?? "");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNotSentAsJsonIsRefusedWith415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.BaseUri, "/v3/mail/send"))
        {
            Content = new StringContent(Valid().ToJsonString(), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.ApiKey);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task MoreThan1000PersonalizationsAreRefused()
    {
        var body = Valid();
        body["personalizations"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => Personalization($"r{i}@example.org"))]);

        await AssertRefusedAsync(body, "personalizations");
    }

    [Theory]
    [InlineData("from")]
    [InlineData("subject")]
    [InlineData("content")]
    public async Task ARequiredPartMissingIsRefused(string part)
    {
        var body = Valid();
        body.Remove(part);

        await AssertRefusedAsync(body, part);
    }

    [Fact]
    public async Task ASubjectInEveryPersonalizationReplacesTheTopLevelOne()
    {
        var body = Valid();
        body.Remove("subject");
        body["personalizations"]![0]!["subject"] = "Per-recipient subject";

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task HtmlBeforeTextIsRefused()
    {
        var body = Valid();
        body["content"] = new JsonArray(Content("text/html", "<p>Hi</p>"), Content("text/plain", "Hi"));

        await AssertRefusedAsync(body, "content");
    }

    [Fact]
    public async Task InvalidOrRepeatedAddressesAreRefused()
    {
        var invalid = Valid();
        invalid["personalizations"] = new JsonArray(Personalization("not-an-address"));
        var repeated = Valid();
        repeated["personalizations"] = new JsonArray(Personalization("a@example.org"), Personalization("A@example.org"));

        await AssertRefusedAsync(invalid, "personalizations.0.to.email");
        await AssertRefusedAsync(repeated, "personalizations.1.to.email");
    }

    [Fact]
    public async Task AReservedHeaderIsRefused()
    {
        var body = Valid();
        body["headers"] = new JsonObject { ["Reply-To"] = "x@example.org" };

        await AssertRefusedAsync(body, "headers.Reply-To");
    }

    [Fact]
    public async Task SubstitutionsOver10000BytesAreRefused()
    {
        var body = Valid();
        body["personalizations"]![0]!["substitutions"] = new JsonObject { ["-big-"] = new string('x', 10_000) };

        await AssertRefusedAsync(body, "personalizations.0.substitutions");
    }

    [Fact]
    public async Task ABodyOver30MegabytesIsRefusedWith413()
    {
        var body = Valid();
        body["content"] = new JsonArray(Content("text/plain", new string('x', 31 * 1024 * 1024)));

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task AssertRefusedAsync(JsonObject body, string field)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = errors.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains(field, fields);
        Assert.All(errors.RootElement.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject body, string? key = null, string path = "/v3/mail/send")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.BaseUri, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        key ??= _fake.ApiKey;
        if (key.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _http.SendAsync(request);
    }

    private static JsonObject Valid() => new()
    {
        ["personalizations"] = new JsonArray(Personalization("reader@example.org")),
        ["from"] = new JsonObject { ["email"] = "digest@pcc.example.org" },
        ["subject"] = "Digest",
        ["content"] = new JsonArray(Content("text/plain", "Hi"), Content("text/html", "<p>Hi</p>")),
    };

    private static JsonObject Personalization(string email) =>
        new() { ["to"] = new JsonArray(new JsonObject { ["email"] = email }) };

    private static JsonObject Content(string type, string value) => new() { ["type"] = type, ["value"] = value };
}
