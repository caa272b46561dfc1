using System.Text.RegularExpressions;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>The links in a message MailDev received.</summary>
public static partial class MailLinks
{
    /// <summary>The category the app gave the message (the <c>X-Category</c> header its SMTP transport writes).</summary>
    public static string? Category(this MailDevMessage message) => message.Header("X-Category");

    /// <summary>The first link in the text part to <paramref name="path"/> (such as <c>api/subscriptions/confirm</c>).</summary>
    public static Uri Link(this MailDevMessage message, string path) =>
        Links().Matches(message.Text ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == "/" + path)
            ?? throw new Xunit.Sdk.XunitException($"No link to {path} in:\n{message.Text}");

    /// <summary>The token of that link.</summary>
    public static string Token(this MailDevMessage message, string path) => message.Link(path).Query.Split("token=", 2)[1];

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
