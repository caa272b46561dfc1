using System.Text.RegularExpressions;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>One recorded message.</summary>
public sealed partial record SentEmail(string To, string Subject, string Text, string Html, string? Category)
{
    /// <summary>The first link in the text part to <paramref name="path"/> (such as <c>api/subscriptions/confirm</c>).</summary>
    public Uri Link(string path)
    {
        var match = Links().Matches(Text).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == "/" + path);
        return match ?? throw new Xunit.Sdk.XunitException($"No link to {path} in:\n{Text}");
    }

    /// <summary>The token of that link.</summary>
    public string Token(string path) => Link(path).Query.Split("token=", 2)[1];

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
