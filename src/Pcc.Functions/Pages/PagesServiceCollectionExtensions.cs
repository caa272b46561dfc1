using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcc.Briefings.Reading;
using Pcc.Functions.Pages.Editor;
using Pcc.Functions.Pages.Feeds;
using Pcc.Functions.Pages.Search;

namespace Pcc.Functions.Pages;

/// <summary>Registration of what the pages and feeds need beyond the catalogue's read side.</summary>
public static class PagesServiceCollectionExtensions
{
    /// <summary>Search, recent changes for feeds, editors' uploads and ingest log, and editor access (section <c>Editors</c>).</summary>
    public static IServiceCollection AddPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CatalogueSearch>();
        services.AddSingleton<RecentChanges>();
        services.TryAddSingleton(configuration.GetSection("Ingestion").Get<ReaderLimits>() ?? ReaderLimits.Default);
        services.AddSingleton<BriefingUploads>();
        services.AddSingleton<IngestLog>();
        services.AddSingleton<Readers.SummaryArchive>();
        services.AddSingleton<Readers.BriefingContents>();
        services.AddOptions<EditorAccessOptions>().BindConfiguration(EditorAccessOptions.Section);
        services.AddSingleton<EditorAccess>();
        return services;
    }
}
