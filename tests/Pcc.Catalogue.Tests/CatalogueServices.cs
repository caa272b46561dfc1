using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests;

/// <summary>The catalogue as the app registers it (<c>AddCatalogue</c>), on the run's Azurite with tables of its own.</summary>
internal static class CatalogueServices
{
    /// <summary>A provider whose tables (a unique prefix) are created and empty.</summary>
    public static async Task<ServiceProvider> CreateAsync(AzuriteFixture fixture)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.UniqueName("t"),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCatalogue(configuration).BuildServiceProvider();
        await services.GetRequiredService<PccStore>().EnsureCreatedAsync();
        return services;
    }
}
