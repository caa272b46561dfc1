using Pcc.Testing;

namespace Pcc.Functions.Tests;

public static class Seeds
{
    public const string BriefingName = "001_88da988782738298.txt";
    public const string WriteUpName = "000_175f4da499abf29a.txt";

    public static byte[] Briefing => File.ReadAllBytes(RepositoryRoot.Combine("seeds", BriefingName));

    public static byte[] WriteUp => File.ReadAllBytes(RepositoryRoot.Combine("seeds", WriteUpName));

    public static string BriefingText => File.ReadAllText(RepositoryRoot.Combine("seeds", BriefingName));
}
