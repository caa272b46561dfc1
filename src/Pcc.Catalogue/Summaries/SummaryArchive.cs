using System.Text.Json;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests.Weekly;

namespace Pcc.Catalogue.Summaries;

/// <summary>
/// The weekly summaries stored so far (<c>{week}.json</c> in the summaries container), and the week in progress, built
/// on request by the same code as the stored ones.
/// </summary>
public sealed class SummaryArchive(PccStore store, WeeklySummaryService summaries, TimeProvider time)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The week in progress (UK time), such as <c>2026-W49</c>.</summary>
    public string CurrentWeek
    {
        get
        {
            var (year, week) = WeeklySummary.WeekOf(time.GetUtcNow());
            return $"{year:D4}-W{week:D2}";
        }
    }

    /// <summary>The weeks with a stored summary, such as <c>2026-W47</c>.</summary>
    public async Task<IReadOnlyList<string>> WeeksAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var weeks = new List<string>();
        await foreach (var blob in store.Summaries.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                weeks.Add(blob.Name[..^5]);
            }
        }

        return weeks;
    }

    /// <summary>The summary of the week in progress, as the catalogue stands now.</summary>
    public Task<WeeklySummary> ThisWeekAsync(CancellationToken cancellationToken)
    {
        var (year, week) = WeeklySummary.WeekOf(time.GetUtcNow());
        return summaries.BuildAsync(year, week, cancellationToken);
    }

    /// <summary>One week's summary: the week in progress as it stands, else the stored one; null when there is none (or the name is not a week).</summary>
    public async Task<WeeklySummary?> ReadAsync(string week, CancellationToken cancellationToken) =>
        week == CurrentWeek ? await ThisWeekAsync(cancellationToken)
        : week.Length <= 10 && week.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && await summaries.ReadAsync(week, html: false, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<WeeklySummary>(json.ToStream(), s_json)
            : null;
}
