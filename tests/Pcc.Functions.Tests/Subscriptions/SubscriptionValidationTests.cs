using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

public sealed class SubscriptionValidationTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string?, string[]?, string?, string> BadRequests => new()
    {
        { "not-an-address", [Themes.Drugs], "daily", "email" },
        { "two@at@example.org", [Themes.Drugs], "daily", "email" },
        { "Reader <reader@example.org>", [Themes.Drugs], "daily", "email" },
        { "reader@localhost", [Themes.Drugs], "daily", "email" },
        { "reader@example..org", [Themes.Drugs], "daily", "email" },
        { "\"quoted\"@example.org", [Themes.Drugs], "daily", "email" },
        { new string('a', 250) + "@example.org", [Themes.Drugs], "daily", "email" },
        { "", [Themes.Drugs], "daily", "email" },
        { null, [Themes.Drugs], "daily", "email" },
        { "x' or PartitionKey ne 'x@example.org", [Themes.Drugs], "daily", "email" },
        { "reader@example.org", ["no-such-theme"], "daily", "themes" },
        { "reader@example.org", ["uncategorised"], "daily", "themes" },
        { "reader@example.org", [], "daily", "themes" },
        { "reader@example.org", null, "daily", "themes" },
        { "reader@example.org", [Themes.Drugs], "hourly", "frequency" },
        { "reader@example.org", [Themes.Drugs], "Daily", "frequency" },
        { "reader@example.org", [Themes.Drugs], null, "frequency" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ABadFieldIsA400NamingItAndNothingIsStoredOrSent(string? email, string[]? themes, string? frequency, string field)
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);

        using var response = await app.PostJsonAsync(new { email, themes, frequency });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Empty(app.Mail.Sent);
    }

    [Fact]
    public async Task EveryBadFieldIsReportedAtOnce()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);

        using var response = await app.PostJsonAsync(new { email = "nope", themes = Array.Empty<string>(), frequency = "yearly" });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["email", "frequency", "themes"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("{\"email\": \"reader@example.org\", \"themes\": ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1, 2, 3]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"email\": 5, \"themes\": {}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("email=reader@example.org", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task ABodyThatIsNotTheJsonObjectIsAProblemAndSubscribesNobody(string body, string contentType, HttpStatusCode status)
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);

        using var response = await app.Http.PostAsync("api/subscriptions", new StringContent(body, System.Text.Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(app.Mail.Sent);
        Assert.Null(await app.StoredAsync("reader@example.org"));
    }

    [Fact]
    public async Task AnAddressIsStoredTrimmedWithItsDomainInLowerCase()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);

        using var response = await app.SubscribeAsync("  O'Brien.Reader@Example.ORG ", [Themes.Drugs, Themes.Drugs]);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("O'Brien.Reader@example.org", Assert.Single(app.Mail.Sent).To);
        Assert.NotNull(await app.StoredAsync("O'Brien.Reader@example.org"));
    }

    [Fact]
    public async Task AnAddressWithQuotesInItIsJustAnotherAddress()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        await app.SubscribeAndConfirmAsync("victim@example.org", [Themes.Violence]);

        using var response = await app.SubscribeAsync("x'or'1'eq'1@example.org", [Themes.Drugs], "weekly");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("x'or'1'eq'1@example.org", app.Mail.Sent[^1].To);
        var victim = (await app.StoredAsync("victim@example.org"))!;
        Assert.Equal([Themes.Violence], victim.Themes);
        Assert.Equal(2, app.Mail.Sent.Count);
    }

    [Fact]
    public async Task PuttingBadSettingsIsA400AndChangesNothing()
    {
        await using var app = await SubscriptionApp.StartAsync(fixture.Azurite);
        var manage = await app.SubscribeAndConfirmAsync("settings@example.org", [Themes.Violence], "daily");

        using var response = await app.PutMeAsync(manage, ["no-such-theme"], "sometimes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["frequency", "themes"], errors.EnumerateObject().Select(p => p.Name).Order());
        var stored = (await app.StoredAsync("settings@example.org"))!;
        Assert.Equal([Themes.Violence], stored.Themes);
    }
}
