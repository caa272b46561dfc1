using Azure.Data.Tables;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Reading;

/// <summary>
/// The title of every briefing, read once for a request in one query of the <c>Briefings</c> table's one small
/// partition, so that a list of case studies or changes names each briefing by its title without a read per row.
/// A briefing with no title, or no row, is named by its slug.
/// </summary>
public sealed class BriefingTitles(IReadOnlyDictionary<string, string> titles)
{
    /// <summary>No titles: every briefing is named by its slug.</summary>
    public static BriefingTitles None { get; } = new(new Dictionary<string, string>());

    /// <summary>The titles of the briefings in <paramref name="store"/>.</summary>
    public static async Task<BriefingTitles> ReadAsync(PccStore store, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BriefingEntity.Partition}");
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in store.Briefings.QueryAsync<BriefingEntity>(filter, select: ["RowKey", "Title"], cancellationToken: cancellationToken))
        {
            found[row.RowKey] = row.Title;
        }

        return new BriefingTitles(found);
    }

    /// <summary>The title of the briefing <paramref name="slug"/>, or the slug when it has none.</summary>
    public string Of(string slug) => titles.GetValueOrDefault(slug) is { Length: > 0 } title ? title : slug;

    /// <summary>The briefing <paramref name="slug"/> with its title.</summary>
    public BriefingName Name(string slug) => new(slug, Of(slug));
}
