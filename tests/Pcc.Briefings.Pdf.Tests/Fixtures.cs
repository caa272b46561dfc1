namespace Pcc.Briefings.Pdf.Tests;

/// <summary>The committed PDFs under Fixtures/, embedded in the test assembly.</summary>
internal static class Fixtures
{
    public static byte[] Load(string fileName)
    {
        using var stream = typeof(Fixtures).Assembly.GetManifestResourceStream("Fixtures." + fileName)
            ?? throw new FileNotFoundException($"No embedded fixture named {fileName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
