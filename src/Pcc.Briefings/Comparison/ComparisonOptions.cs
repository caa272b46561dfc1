namespace Pcc.Briefings.Comparison;

/// <summary>How closely two case studies must agree to count as versions of one another.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The default thresholds.</summary>
    public static ComparisonOptions Default { get; } = new();

    /// <summary>
    /// Least word similarity (Dice, 0–1) for case studies with different keys to be the same case study edited.
    /// Default 0.6: an edited paragraph keeps far more; two different case studies share far less.
    /// </summary>
    public double MatchThreshold { get; init; } = 0.6;

    /// <summary>Least similarity for case studies with the same key to be the same one; below it the key was a coincidence.</summary>
    public double KeyMatchThreshold { get; init; } = 0.3;

    /// <summary>Least similarity for case studies in two different documents to be reported as counterparts.</summary>
    public double CounterpartThreshold { get; init; } = 0.5;
}
