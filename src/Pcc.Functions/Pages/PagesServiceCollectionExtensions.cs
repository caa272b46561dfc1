using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pcc.Functions.Pages.Editor;

namespace Pcc.Functions.Pages;

/// <summary>Registration of what the pages need beyond the catalogue.</summary>
public static class PagesServiceCollectionExtensions
{
    /// <summary>Editor access (section <c>Editors</c>); what the pages read comes from <see cref="Pcc.Catalogue.CatalogueServiceCollectionExtensions.AddCatalogue"/>.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services, IConfiguration configuration)
    {
        // WEBSITE_AUTH_ENABLED is the platform's setting, outside the section; EditorAccess reads it from the options.
        services.AddOptions<EditorAccessOptions>().BindConfiguration(EditorAccessOptions.Section)
            .Configure<IConfiguration>((o, settings) => o.AppServiceAuthentication = string.Equals(settings["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
            .Validate(o => !o.RequireSignIn || !string.IsNullOrWhiteSpace(o.Role), "Editors:Role must name the editors' app role when Editors:RequireSignIn is true.")
            .ValidateOnStart();
        services.AddSingleton<EditorAccess>();
        return services;
    }
}
