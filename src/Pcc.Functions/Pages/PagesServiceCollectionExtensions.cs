using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pcc.Functions.Pages.Editor;
using Pcc.Functions.Pages.Feeds;

namespace Pcc.Functions.Pages;

/// <summary>Registration of what the pages and feeds need beyond the catalogue's read side and search.</summary>
public static class PagesServiceCollectionExtensions
{
    /// <summary>Recent changes for feeds, editors' uploads and ingest log, and editor access (section <c>Editors</c>). Needs <see cref="Pcc.Catalogue.CatalogueServiceCollectionExtensions.AddCatalogue"/> (the reader limits uploads are checked against).</summary>
    public static IServiceCollection AddPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RecentChanges>();
        services.AddSingleton<BriefingUploads>();
        services.AddSingleton<IngestLog>();
        services.AddSingleton<Readers.SummaryArchive>();
        services.AddSingleton<Readers.BriefingContents>();
        // WEBSITE_AUTH_ENABLED is the platform's setting, outside the section; EditorAccess reads it from the options.
        services.AddOptions<EditorAccessOptions>().BindConfiguration(EditorAccessOptions.Section)
            .Configure<IConfiguration>((o, settings) => o.AppServiceAuthentication = string.Equals(settings["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
            .Validate(o => !o.RequireSignIn || !string.IsNullOrWhiteSpace(o.Role), "Editors:Role must name the editors' app role when Editors:RequireSignIn is true.")
            .ValidateOnStart();
        services.AddSingleton<EditorAccess>();
        return services;
    }
}
