using System.Text;
using Pcc.Briefings.Reading;
using Pcc.Briefings.Reading.Text;

namespace Pcc.Briefings.Tests;

/// <summary>Re-wraps the paragraphs of a plain-text document at random widths, as another export of it might.</summary>
internal static class Rewrapper
{
    public static string Rewrap(string text, Random random)
    {
        var output = new StringBuilder();
        foreach (var block in PlainTextDocumentReader.ReadBlocks(text, CancellationToken.None))
        {
            if (block.Kind == BlockKind.Heading)
            {
                output.Append(block.Lines[0]).Append("\n\n");
                continue;
            }

            var width = random.Next(30, 160);
            var line = new StringBuilder();
            foreach (var word in Words(block.Lines))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    output.Append(line).Append('\n');
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(word);
            }

            output.Append(line).Append("\n\n");
        }

        return output.ToString();
    }

    // Joins the block's lines as a reader would: a word broken by a hyphen at a line end stays one word.
    private static IEnumerable<string> Words(IReadOnlyList<string> lines)
    {
        var joined = new StringBuilder();
        foreach (var line in lines.Select(l => l.Trim()))
        {
            var brokenWord = joined.Length > 1 && joined[^1] == '-' && char.IsLetter(joined[^2]) && line.Length > 0 && char.IsLetter(line[0]);
            joined.Append(joined.Length > 0 && !brokenWord ? " " : "").Append(line);
        }

        return joined.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
