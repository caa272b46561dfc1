using System.Text;
using Pcc.Testing;

namespace Pcc.Pages.Tests.Support;

/// <summary>The seed briefing, and a later version of it with one figure changed.</summary>
public static class SeedBriefing
{
    public const string Name = "001_88da988782738298.txt";

    public static string Path => RepositoryRoot.Combine("seeds", Name);

    public static byte[] Bytes => File.ReadAllBytes(Path);

    /// <summary>Case study 3's homicide figure goes from 39 to 41 per cent.</summary>
    public static byte[] LaterVersion => Encoding.UTF8.GetBytes(
        File.ReadAllText(Path).Replace("seen homicides fall 39 per cent", "seen homicides fall 41 per cent", StringComparison.Ordinal));
}
