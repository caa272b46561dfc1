using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Pcc.Briefings.Reading.Docx;

/// <summary>
/// The visible text of one Word paragraph, split at manual line breaks. Deleted revisions, field codes and the
/// fallback copy of alternate content are not visible text; paragraphs nested in text boxes are read on their own.
/// </summary>
internal static class DocxParagraphText
{
    public static IReadOnlyList<string> Lines(Paragraph paragraph)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        Append(paragraph, current, lines);
        lines.Add(current.ToString());
        return lines.Select(l => l.Trim()).ToArray();
    }

    private static void Append(OpenXmlElement element, StringBuilder current, List<string> lines)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Paragraph:
                case AlternateContentFallback:
                    break;
                case WordText text:
                    current.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    current.Append(' ');
                    break;
                case Break or CarriageReturn:
                    lines.Add(current.ToString());
                    current.Clear();
                    break;
                case NoBreakHyphen:
                    current.Append('-');
                    break;
                default:
                    Append(child, current, lines);
                    break;
            }
        }
    }
}
