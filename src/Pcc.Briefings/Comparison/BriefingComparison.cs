namespace Pcc.Briefings.Comparison;

/// <summary>
/// What changed between a stored set of case studies and a new one. Every new-side case study that continues a
/// stored one carries the stored key, so storing <see cref="Current"/> keeps identities across versions.
/// </summary>
/// <param name="New">Case studies with no stored counterpart.</param>
/// <param name="Changed">Case studies whose words or theme changed.</param>
/// <param name="Removed">Stored case studies with no counterpart in the new version.</param>
/// <param name="Unchanged">Case studies that say the same thing (renumbering, wrapping and typography aside).</param>
/// <param name="Current">The new version's case studies in document order, with stored keys carried over.</param>
public sealed record BriefingComparison(
    IReadOnlyList<CaseStudy> New,
    IReadOnlyList<CaseStudyChange> Changed,
    IReadOnlyList<CaseStudy> Removed,
    IReadOnlyList<CaseStudy> Unchanged,
    IReadOnlyList<CaseStudy> Current)
{
    /// <summary>True when anything was added, changed or removed.</summary>
    public bool HasChanges => New.Count + Changed.Count + Removed.Count > 0;
}
