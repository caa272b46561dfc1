namespace Pcc.Cli.Output;

/// <summary>A theme as JSON.</summary>
public sealed record ThemeJson(string Slug, string Name);
