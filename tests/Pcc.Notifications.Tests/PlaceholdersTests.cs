using Pcc.Notifications.Email;

namespace Pcc.Notifications.Tests;

public sealed class PlaceholdersTests
{
    [Fact]
    public void EveryOccurrenceOfEveryKeyIsReplaced()
    {
        var result = Placeholders.Apply("-name-, -name-: -url-", new Dictionary<string, string> { ["-name-"] = "Siân", ["-url-"] = "https://x" });

        Assert.Equal("Siân, Siân: https://x", result);
    }

    [Fact]
    public void AValueContainingAKeyIsNotReplacedAgain()
    {
        var result = Placeholders.Apply("-a- -b-", new Dictionary<string, string> { ["-a-"] = "-b-", ["-b-"] = "B" });

        Assert.Equal("-b- B", result);
    }

    [Fact]
    public void TheLongestKeyWinsWhereKeysOverlap()
    {
        var result = Placeholders.Apply("-url-long-", new Dictionary<string, string> { ["-url-"] = "short", ["-url-long-"] = "long" });

        Assert.Equal("long", result);
    }
}
