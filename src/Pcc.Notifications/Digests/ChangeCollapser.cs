using Pcc.Briefings.Comparison;

namespace Pcc.Notifications.Digests;

/// <summary>
/// Reduces a window's changes to at most one per case study: what a reader needs to know about it now, compared
/// with how it stood before the window.
/// </summary>
public static class ChangeCollapser
{
    /// <summary>
    /// Keeps the latest version of each case study (by key). Added (then perhaps changed) → one new item with the
    /// latest text; changed several times → one changed item whose diff runs from the first text before to the last
    /// text after (recomputed when both texts are known, else the last diff); existed before and removed → removed;
    /// added then removed, or changed and changed back → nothing. Items come back in the order each case study was
    /// first changed in the window. The item is editorial only when every change it sums up was, and carries the
    /// distinct change notes of them all.
    /// </summary>
    public static IReadOnlyList<DigestChange> Collapse(IEnumerable<DigestChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var byKey = changes
            .Select((change, index) => (change, index))
            .OrderBy(c => c.change.IngestedAt)
            .ThenBy(c => c.change.Version)
            .ThenBy(c => c.index)
            .GroupBy(c => c.change.Key, c => c.change, StringComparer.Ordinal);

        var items = new List<DigestChange>();
        foreach (var history in byKey)
        {
            if (CollapseOne([.. history]) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static DigestChange? CollapseOne(IReadOnlyList<DigestChange> history)
    {
        var first = history[0];
        var last = history[^1] with
        {
            Grade = history.All(h => h.IsEditorial) ? ChangeGrade.Editorial : ChangeGrade.Substantive,
            Note = string.Join("; ", history.Select(h => h.Note).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)) is { Length: > 0 } notes ? notes : null,
        };
        var existedBefore = first.Kind != DigestChangeKind.New;
        var existsAfter = last.Kind != DigestChangeKind.Removed;
        return (existedBefore, existsAfter) switch
        {
            (false, false) => null,
            (false, true) => last with { Kind = DigestChangeKind.New, DiffPieces = null, PreviousText = null, Grade = ChangeGrade.Substantive },
            (true, false) => last,
            _ when history.Count == 1 => first,
            _ => Changed(first, last),
        };
    }

    private static DigestChange? Changed(DigestChange first, DigestChange last)
    {
        // The text before the window: what the first change replaced (a removal's row holds the text it removed).
        var before = first.Kind == DigestChangeKind.Removed ? first.Text : first.PreviousText;
        if (before is null)
        {
            return last with { Kind = DigestChangeKind.Changed };
        }

        if (string.Equals(before, last.Text, StringComparison.Ordinal))
        {
            return null;
        }

        var pieces = TextDiff.Between(before, last.Text).Pieces;
        return last with { Kind = DigestChangeKind.Changed, PreviousText = before, DiffPieces = pieces };
    }
}
