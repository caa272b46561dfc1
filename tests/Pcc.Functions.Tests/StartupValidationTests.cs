using Pcc.LocalHost;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests;

/// <summary>A wrong setting stops the real worker process at start-up, and what the host reports names the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Email:Transport", "SendGird", "Email:Transport")]
    [InlineData("Email:Transport", "SendGrid", "Email:SendGrid:ApiKey")]
    [InlineData("Subscriptions:PublicBaseUrl", "127.0.0.1:7071", "Subscriptions:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Storage:ReportsContainer", "Ingest_Reports", "Storage:ReportsContainer must be a container name")]
    [InlineData("Search:SynonymsFile", "/no/such/synonyms.txt", "Search:SynonymsFile names a file that does not exist")]
    public async Task AMisspeltOrMissingSettingStopsTheWorkerAtStartUpNamingIt(string setting, string value, string named)
    {
        var options = AppFixture.Options(Guid.NewGuid().ToString("N")[..12], await Azurite.GetAsync(), await MailDev.GetAsync());
        options.Settings[setting] = value;

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await (await LocalFunctionHost.StartAsync(options)).DisposeAsync());

        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }
}
