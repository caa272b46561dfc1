using Pcc.Testing;

namespace Pcc.Briefings.Tests;

/// <summary>The seed documents and this project's fixtures.</summary>
internal static class Seeds
{
    public const string BriefingName = "001_88da988782738298.txt";
    public const string WriteUpName = "000_175f4da499abf29a.txt";

    public static byte[] Briefing => File.ReadAllBytes(RepositoryRoot.Combine("seeds", BriefingName));

    public static byte[] WriteUp => File.ReadAllBytes(RepositoryRoot.Combine("seeds", WriteUpName));

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static Briefing Parse(byte[] content, string name) => BriefingParser.Default.Parse(content, name).Value;
}
