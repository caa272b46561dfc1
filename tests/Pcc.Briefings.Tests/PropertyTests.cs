using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Pcc.Briefings.Comparison;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

public class PropertyTests
{
    private static readonly (string Name, byte[] Bytes)[] s_documents =
    [
        (Seeds.BriefingName, Seeds.Briefing),
        (Seeds.WriteUpName, Seeds.WriteUp),
        ("briefing-part.txt", Seeds.Fixture("briefing-part.txt")),
    ];

    private static readonly byte[][] s_prefixes =
    [
        [], "%PDF-1.4\n"u8.ToArray(), [0x50, 0x4B, 0x03, 0x04], "<html><body>"u8.ToArray(), "# "u8.ToArray(),
        [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "Case study 1: "u8.ToArray(),
    ];

    [Property(MaxTest = 60)]
    public bool RewrappingADocumentNeverChangesKeysOrReportsAChange(NonNegativeInt documentChoice, int seed)
    {
        var (name, bytes) = s_documents[documentChoice.Get % s_documents.Length];
        var original = Seeds.Parse(bytes, name);
        var rewrapped = Seeds.Parse(Encoding.UTF8.GetBytes(Rewrapper.Rewrap(Encoding.UTF8.GetString(bytes), new Random(seed))), name);

        var comparison = CaseStudyComparer.Compare(original.CaseStudies, rewrapped.CaseStudies);

        return original.CaseStudies.Select(c => c.Key).SequenceEqual(rewrapped.CaseStudies.Select(c => c.Key))
            && !comparison.HasChanges;
    }

    [Property(MaxTest = 20)]
    public bool ReflowingTheMarkdownOrHtmlRenderingNeverChangesWhatIsExtracted(int seed, bool html)
    {
        var name = html ? "seed.html" : "seed.md";
        var source = Encoding.UTF8.GetString(Seeds.Fixture("Renderings/" + name));
        var random = new Random(seed);
        // Line breaks and runs of white space inside paragraphs are how another editor or exporter would lay them out
        // (in Markdown only before a word: a line starting "- " or "1. " would start a list).
        var reflowed = html
            ? System.Text.RegularExpressions.Regex.Replace(source, "(?<=<p>[^<]*) ", _ => random.Next(4) switch { 0 => "\n", 1 => "\n    ", 2 => "  ", _ => " " })
            : string.Join('\n', source.Split('\n').Select(line => line.StartsWith('#') ? line
                : System.Text.RegularExpressions.Regex.Replace(line, " (?=[A-Za-z])", _ => random.Next(6) == 0 ? "\n" : " ")));
        var original = Seeds.Parse(Encoding.UTF8.GetBytes(source), name);
        var other = Seeds.Parse(Encoding.UTF8.GetBytes(reflowed), name);

        return reflowed != source
            && original.CaseStudies.Select(c => (c.Key, c.ThemeSlug, c.Text)).SequenceEqual(other.CaseStudies.Select(c => (c.Key, c.ThemeSlug, c.Text)))
            && original.Themes.SequenceEqual(other.Themes)
            && original.FootnoteMarksRemoved == other.FootnoteMarksRemoved;
    }

    [Property(MaxTest = 300)]
    public bool RandomBytesGiveATypedResultAndNeverThrow(byte[] bytes, NonNegativeInt prefixChoice)
    {
        var prefix = s_prefixes[prefixChoice.Get % s_prefixes.Length];
        var content = prefix.Concat(bytes ?? []).ToArray();

        var result = BriefingParser.Default.Parse(content, "random.bin", new ReaderLimits { Timeout = TimeSpan.FromSeconds(10) });

        return result.Success ? result.Value.CaseStudies is not null : result.Failure!.Document == "random.bin";
    }

    [Property(MaxTest = 100)]
    public bool RandomWordDocumentContentGivesATypedResult(byte[] documentXml)
    {
        var docx = TestDocuments.Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", documentXml ?? []));

        var result = BriefingReader.Default.Read(docx, "random.docx");

        return result.Success || result.Failure!.Document == "random.docx";
    }
}
