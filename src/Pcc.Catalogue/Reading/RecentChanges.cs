using Azure.Data.Tables;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Reading;

/// <summary>
/// The newest changes of the catalogue, of every theme or one. <c>Changes</c> is keyed by day and time, so the newest
/// rows are the end of a range: the range is widened (a week, a month, a year, everything) until it holds enough.
/// </summary>
public sealed class RecentChanges(PccStore store, TimeProvider time)
{
    private static readonly TimeSpan[] s_ranges = [TimeSpan.FromDays(7), TimeSpan.FromDays(31), TimeSpan.FromDays(366), TimeSpan.FromDays(366 * 30)];

    /// <summary>Up to <paramref name="count"/> changes, newest first, only of <paramref name="themeSlug"/> when given.</summary>
    public async Task<IReadOnlyList<ChangeView>> NewestAsync(int count, string? themeSlug, CancellationToken cancellationToken)
    {
        var titles = await BriefingTitles.ReadAsync(store, cancellationToken);
        var until = time.GetUtcNow().AddSeconds(1);
        var found = new List<ChangeView>();
        foreach (var range in s_ranges)
        {
            var filter = ChangeEntity.WindowFilter(until - range, until);
            if (themeSlug is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"ThemeSlug eq {themeSlug}");
            }

            found.Clear();
            await foreach (var c in store.Changes.QueryAsync<ChangeEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(CatalogueReader.ToView(c, titles));
            }

            if (found.Count >= count)
            {
                break;
            }
        }

        // Rows come back oldest first (by day, then ingest time).
        return found.OrderByDescending(c => c.IngestedAt).ThenBy(c => c.Key, StringComparer.Ordinal).Take(count).ToList();
    }
}
