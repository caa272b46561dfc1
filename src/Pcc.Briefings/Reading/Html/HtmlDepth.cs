using AngleSharp.Dom;

namespace Pcc.Briefings.Reading.Html;

/// <summary>Measures the element tree's depth without recursion, so that the walker, which recurses, never meets a tree deeper than the limit.</summary>
internal static class HtmlDepth
{
    public static void Check(IElement? root, ReaderLimits limits, CancellationToken cancellationToken)
    {
        if (root is null)
            return;
        var pending = new Stack<(IElement Element, int Depth)>();
        pending.Push((root, 0));
        var visited = 0;
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            if (++visited % 4096 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            if (depth > limits.MaxNestingDepth)
            {
                var line = element.SourceReference?.Position.Line;
                throw new ReadProblemException(ReadFailureKind.TooLarge, line is > 0 ? $"line {line}" : null,
                    $"The HTML document is nested deeper than {limits.MaxNestingDepth} levels (a <{element.LocalName}> inside {depth} others). Expected ordinary headings and paragraphs.");
            }

            foreach (var child in element.Children)
                pending.Push((child, depth + 1));
        }
    }
}
