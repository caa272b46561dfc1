namespace Pcc.Briefings.Comparison;

/// <summary>A change's grade, and why: <c>"spelling (programme → program)"</c>, <c>"figures (39 → 41)"</c>.</summary>
public sealed record ChangeGrading(ChangeGrade Grade, string Reason)
{
    /// <summary>True for an <see cref="ChangeGrade.Editorial"/> change.</summary>
    public bool IsEditorial => Grade == ChangeGrade.Editorial;
}
