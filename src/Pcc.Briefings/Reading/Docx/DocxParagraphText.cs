using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Pcc.Briefings.Reading.Docx;

/// <summary>
/// The visible text of one Word paragraph, split at manual line breaks. Deleted revisions, field codes and the
/// fallback copy of alternate content are not visible text; paragraphs nested in text boxes are read on their own.
/// Footnote references (superscript runs holding only a number or mark, and Word's own footnote references) are left out and counted.
/// </summary>
internal static class DocxParagraphText
{
    public static IReadOnlyList<string> Lines(Paragraph paragraph, ref int marksRemoved)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        marksRemoved += Append(paragraph, current, lines);
        lines.Add(current.ToString());
        return lines.Select(l => l.Trim()).ToArray();
    }

    private static int Append(OpenXmlElement element, StringBuilder current, List<string> lines)
    {
        var marks = 0;
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Paragraph:
                case AlternateContentFallback:
                    break;
                case FootnoteReference or EndnoteReference:
                    marks++;
                    break;
                case Run run when IsRaised(run.RunProperties) && FootnoteMarkText.IsMark(run.InnerText):
                    marks++;
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
                    marks += Append(child, current, lines);
                    break;
            }
        }

        return marks;
    }

    /// <summary>Superscript (w:vertAlign) or raised text (w:position, as LibreOffice writes superscript).</summary>
    private static bool IsRaised(RunProperties? properties) =>
        properties?.VerticalTextAlignment?.Val?.Value == VerticalPositionValues.Superscript
        || (int.TryParse(properties?.Position?.Val?.Value, out var raised) && raised > 0);
}
