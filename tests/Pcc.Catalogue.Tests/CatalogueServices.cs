using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests;

/// <summary>The catalogue as the app registers it (<c>AddCatalogue</c>), on the run's Azurite with tables of its own.</summary>
internal static class CatalogueServices
{
    /// <summary>
    /// A provider whose tables (a unique prefix) are created and empty. <paramref name="ownContainers"/> gives it
    /// containers of its own as well (briefings, reports, locks); <paramref name="replace"/> registers replacements after
    /// the catalogue's own registrations.
    /// </summary>
    public static async Task<ServiceProvider> CreateAsync(AzuriteFixture fixture, bool ownContainers = false, Action<IServiceCollection>? replace = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.UniqueName("t"),
        };
        if (ownContainers)
        {
            settings["Storage:BriefingsContainer"] = AzuriteFixture.UniqueName("briefings");
            settings["Storage:ReportsContainer"] = AzuriteFixture.UniqueName("reports");
            settings["Storage:LocksContainer"] = AzuriteFixture.UniqueName("locks");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCatalogue(configuration);
        replace?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<PccStore>().EnsureCreatedAsync();
        return services;
    }
}
