using System.Text.Json;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests.Weekly;

namespace Pcc.Catalogue.Summaries;

/// <summary>The weekly summaries stored so far (<c>{week}.json</c> in the summaries container).</summary>
public sealed class SummaryArchive(PccStore store, WeeklySummaryService summaries)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

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

    /// <summary>One week's summary; null when there is none (or the name is not a week).</summary>
    public async Task<WeeklySummary?> ReadAsync(string week, CancellationToken cancellationToken) =>
        week.Length <= 10 && week.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && await summaries.ReadAsync(week, html: false, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<WeeklySummary>(json.ToStream(), s_json)
            : null;
}
