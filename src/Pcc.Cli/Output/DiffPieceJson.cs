namespace Pcc.Cli.Output;

/// <summary>A run of kept, deleted or inserted words as JSON.</summary>
public sealed record DiffPieceJson(string Kind, string Text);
