using Pcc.Briefings.Comparison;
using System.Text;

namespace Pcc.Notifications.Digests;

/// <summary>The plain-text part of a digest; changes are marked <c>[-deleted-]{+inserted+}</c> with a few words of context.</summary>
internal static class DigestText
{
    public static string Render(DigestWindow window, DigestAudience audience, DigestOptions options)
    {
        var text = new StringBuilder(4 * 1024);
        text.AppendLine(DigestHeading.Title(window.Frequency))
            .AppendLine(DigestHeading.Period(window))
            .AppendLine();

        foreach (var section in audience.Sections)
        {
            var heading = DigestHeading.Section(section);
            text.AppendLine(heading.ToUpperInvariant())
                .AppendLine(new string('=', Math.Min(heading.Length, 72)))
                .AppendLine();
            foreach (var item in section.Items)
            {
                Item(text, item, options, section.Kind != DigestSectionKind.Theme);
            }
        }

        text.AppendLine("--")
            .Append("You get this email because you follow: ").Append(audience.Following).AppendLine(".")
            .Append("Manage what you follow and how often: ").AppendLine(DigestPlaceholders.ManageUrl)
            .Append("Unsubscribe: ").AppendLine(DigestPlaceholders.UnsubscribeUrl);
        return text.ToString();
    }

    private static void Item(StringBuilder text, DigestChange item, DigestOptions options, bool withTheme)
    {
        text.Append(DigestHeading.KindLabel(item)).Append(": ").AppendLine(item.Title)
            .AppendLine(DigestHeading.Details(item, withTheme));
        if (DigestHeading.Note(item) is { } note)
        {
            text.AppendLine(note);
        }

        switch (item.Kind)
        {
            case DigestChangeKind.New:
                text.AppendLine(Summary.Of(item.Text, options.SummaryLength));
                break;
            case DigestChangeKind.Changed:
                var (pieces, more) = DiffExcerpt.For(item, options.DiffContextWords, options.MaxChangesShown);
                text.AppendLine(pieces.Count == 0 ? "The wording changed." : Marked(pieces));
                if (more > 0)
                {
                    text.AppendLine(more == 1 ? "And 1 more change." : $"And {more} more changes.");
                }

                break;
            default:
                text.AppendLine(DigestHeading.Removed(item));
                break;
        }

        text.Append("Read the case study: ").AppendLine(options.CaseStudyUrl(item.Key)).AppendLine();
    }

    private static string Marked(IReadOnlyList<DiffPiece> pieces) => string.Join(' ', pieces
        .Where(p => p.Text.Length > 0)
        .Select(p => p.Kind switch
        {
            DiffPieceKind.Deleted => $"[-{p.Text}-]",
            DiffPieceKind.Inserted => $"{{+{p.Text}+}}",
            _ => p.Text,
        }));
}
