namespace Pcc.Functions.Pages;

/// <summary>An Atom feed a page announces with <c>&lt;link rel="alternate"&gt;</c>.</summary>
public sealed record FeedLink(string Title, string Path);
