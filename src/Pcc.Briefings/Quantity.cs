using System.Globalization;

namespace Pcc.Briefings;

/// <summary>Counts written for people: "1 theme", "7 themes".</summary>
public static class Quantity
{
    /// <summary>The count and the noun in the right number.</summary>
    public static string Of(int count, string singular, string plural) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural)}";

    /// <summary>"N case study/studies in M theme(s)".</summary>
    public static string CaseStudiesInThemes(int caseStudies, int themes) =>
        $"{Of(caseStudies, "case study", "case studies")} in {Of(themes, "theme", "themes")}";
}
