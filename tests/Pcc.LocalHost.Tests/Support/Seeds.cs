using Pcc.Testing;

namespace Pcc.LocalHost.Tests.Support;

public static class Seeds
{
    public const string BriefingName = "001_88da988782738298.txt";

    public static byte[] Briefing => File.ReadAllBytes(RepositoryRoot.Combine("seeds", BriefingName));
}
