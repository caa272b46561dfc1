namespace Pcc.Briefings.Comparison;

/// <summary>The same case study as told by two different documents (a briefing and a write-up of it).</summary>
/// <param name="First">The case study in the first document.</param>
/// <param name="Second">The case study in the second document.</param>
/// <param name="Similarity">Word similarity (Dice, 0–1) of the two texts.</param>
/// <param name="Containment">Share of the shorter text's words that the longer one has, 0–1.</param>
public sealed record CaseStudyCounterpart(CaseStudy First, CaseStudy Second, double Similarity, double Containment)
{
    /// <summary>True when both documents give the case study the same key.</summary>
    public bool SameKey => First.Key == Second.Key;
}
