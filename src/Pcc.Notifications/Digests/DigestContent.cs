namespace Pcc.Notifications.Digests;

/// <summary>A rendered digest, shared by an audience; links to manage and unsubscribe are still placeholders.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Html">The HTML part.</param>
/// <param name="Text">The plain-text part.</param>
public sealed record DigestContent(string Subject, string Html, string Text);
