using System.Text.RegularExpressions;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Reading.Models;

namespace Pcc.SearchBench;

/// <summary>Case studies made of the seed briefing's own words, so word frequencies are those of real briefings.</summary>
public sealed partial class SyntheticCatalogue(string seedText, int seed = 42)
{
    private readonly string[] _words = Word().Matches(seedText).Select(m => m.Value).ToArray();
    private readonly Random _random = new(seed);

    public IReadOnlyList<string> Words => _words;

    public List<CaseStudyView> Create(int count, DateTimeOffset now)
    {
        var themes = ThemeTaxonomy.Default.Themes;
        return Enumerable.Range(0, count).Select(i =>
        {
            var theme = themes[i % themes.Count];
            var changed = now.AddMinutes(-_random.Next(0, 2 * 365 * 24 * 60));
            return new CaseStudyView($"cs-{i:D5}", i % 40 + 1, theme.Slug, theme.Name, Sentence(6), Sentence(_random.Next(120, 260)), null,
                $"briefing-{i % 50}", [$"briefing-{i % 50}"], changed.AddDays(-30), changed, $"Briefing {i % 50}", []);
        }).ToList();
    }

    public string Sentence(int words)
    {
        var start = _random.Next(0, _words.Length - words);
        return string.Join(' ', _words.AsSpan(start, words).ToArray());
    }

    public string AnyWord() => _words[_random.Next(_words.Length)];

    public int Next(int max) => _random.Next(max);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
