namespace Pcc.Briefings.Extraction;

/// <summary>
/// Warns where text may have been lost silently: a case study that ends without sentence punctuation (cut off at a
/// page break or a heading), or one far shorter than the case studies on either side of it.
/// </summary>
internal static class CaseStudyWarnings
{
    /// <summary>A case study shorter than this share of its neighbours' average length is worth a look.</summary>
    private const double ShortShare = 0.25;

    public static IEnumerable<string> For(IReadOnlyList<CaseStudy> caseStudies)
    {
        for (var i = 0; i < caseStudies.Count; i++)
        {
            var study = caseStudies[i];
            var name = study.Number is { } number ? $"Case study {number}" : $"The case study '{study.Title}'";
            var where = study.Location is { } location ? $" ({location})" : "";
            if (!CaseStudyLabels.EndsSentence(study.Text) && !study.Text.TrimEnd().EndsWith(')'))
            {
                var tail = study.Text.Length <= 40 ? study.Text : "\u2026" + study.Text[^40..].TrimStart();
                yield return $"{name}{where} ends without a full stop (\"{tail}\"). Check that no text was lost, for example at a page break.";
            }

            var neighbours = new[] { i - 1, i + 1 }.Where(n => n >= 0 && n < caseStudies.Count).Select(n => caseStudies[n].Text.Length).ToList();
            if (neighbours.Count > 0 && study.Text.Length < ShortShare * neighbours.Average())
            {
                yield return $"{name}{where} is far shorter than the case studies around it ({study.Text.Length} characters against about {neighbours.Average():0}). Check that no text was lost.";
            }
        }
    }
}
