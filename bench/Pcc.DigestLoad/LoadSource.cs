using System.Runtime.CompilerServices;
using Pcc.Notifications.Digests;

namespace Pcc.DigestLoad;

/// <summary>
/// Subscribers following random non-empty sets of the seven themes, <paramref name="followingCaseStudiesPercent"/> of
/// them also one to three of the day's case studies (so nearly each of those follows a set of their own), and a day's
/// changes across them.
/// </summary>
internal sealed class LoadSource(int subscribers, int seed, int followingCaseStudiesPercent = 0) : IDigestSource
{
    public static readonly string[] Themes =
    [
        "tackling-violence-and-exploitation", "supporting-victims", "preventing-crime", "using-technology",
        "working-in-partnership", "building-public-trust", "reducing-reoffending",
    ];

    private const int ChangesPerDay = 14;

    public async IAsyncEnumerable<DigestChange> ReadChangesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var at = from.AddHours(2);
        for (var i = 0; i < ChangesPerDay; i++)
        {
            var theme = Themes[i % Themes.Length];
            var text = string.Join(' ', Enumerable.Repeat($"Partners in case study {i} shared data and met weekly to reduce harm.", 6));
            yield return i % 3 == 0
                ? new DigestChange(DigestChangeKind.Changed, $"cs-{i}", $"{i}", theme, Title(theme), $"Case study {i}", text + " Results improved.", null, text, "briefing", "Public Safety, Public Trust", 2, at)
                : new DigestChange(DigestChangeKind.New, $"cs-{i}", $"{i}", theme, Title(theme), $"Case study {i}", text, null, null, "briefing", "Public Safety, Public Trust", 2, at);
        }
    }

    public async IAsyncEnumerable<DigestRecipient> ListSubscribersAsync(DigestFrequency frequency, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var random = new Random(seed);
        for (var i = 0; i < subscribers; i++)
        {
            var mask = random.Next(1, 1 << Themes.Length);
            var themes = Themes.Where((_, bit) => (mask & (1 << bit)) != 0).ToArray();
            var token = Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()));
            string[] caseStudies = random.Next(100) < followingCaseStudiesPercent
                ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"cs-{random.Next(ChangesPerDay)}").Distinct()]
                : [];
            yield return new DigestRecipient(
                $"sub{i:D8}", $"reader{i:D8}@example.org", themes, frequency,
                $"https://pcc.example.org/manage?token={token}", $"https://pcc.example.org/api/unsubscribe?token={token}") { CaseStudies = caseStudies };
        }
    }

    private static string Title(string slug) => char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
}
