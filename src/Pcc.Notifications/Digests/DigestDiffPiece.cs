namespace Pcc.Notifications.Digests;

/// <summary>A run of words of one kind in a word-level diff; runs are in reading order, words separated by spaces.</summary>
/// <param name="Kind">Kept, deleted or inserted.</param>
/// <param name="Text">The words.</param>
public sealed record DigestDiffPiece(DigestDiffPieceKind Kind, string Text);
