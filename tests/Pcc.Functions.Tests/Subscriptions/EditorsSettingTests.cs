using Microsoft.Extensions.Options;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>The editors' list as the app's services read it from configuration (no storage or worker involved).</summary>
public sealed class EditorsSettingTests
{
    [Fact]
    public void TheEditorsListIsReadFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Editors"] = " desk@Example.ORG; Chief.Editor@example.org,desk@example.org ;",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPccFunctionApp(configuration).BuildServiceProvider();

        var editors = services.GetRequiredService<IOptions<EditorsOptions>>().Value.GetAddresses();

        Assert.Equal(["desk@example.org", "Chief.Editor@example.org"], editors);
    }
}
