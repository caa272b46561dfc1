namespace Pcc.Briefings.Reading.Pdf;

/// <summary>A PDF transformation matrix [a b c d e f] (ISO 32000-1 §8.3.3), applied to row vectors [x y 1].</summary>
internal readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
{
    public static Matrix Identity { get; } = new(1, 0, 0, 1, 0, 0);

    public static Matrix Translation(double x, double y) => new(1, 0, 0, 1, x, y);

    /// <summary>This matrix followed by <paramref name="other"/> (this × other).</summary>
    public Matrix Then(Matrix other) => new(
        A * other.A + B * other.C,
        A * other.B + B * other.D,
        C * other.A + D * other.C,
        C * other.B + D * other.D,
        E * other.A + F * other.C + other.E,
        E * other.B + F * other.D + other.F);

    public (double X, double Y) Transform(double x, double y) => (x * A + y * C + E, x * B + y * D + F);

    /// <summary>How much a unit length along the x axis grows.</summary>
    public double ScaleX => Math.Sqrt(A * A + B * B);

    /// <summary>How much a unit length along the y axis grows.</summary>
    public double ScaleY => Math.Sqrt(C * C + D * D);
}
