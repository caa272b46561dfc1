namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// What one batch sends, stored once as JSON when the window is planned: the digest its theme set shares and the
/// recipients, in a fixed order (by subscriber id), with their signed links.
/// </summary>
/// <param name="WindowId">The window's id.</param>
/// <param name="ThemeSet">The recipients' follow set (see <see cref="DigestPlanner.FollowSetOf"/>; for theme-only subscribers, their theme set).</param>
/// <param name="Content">The subject, HTML and text every recipient shares.</param>
/// <param name="Recipients">Who gets it; positions in this list are what <see cref="DigestBatchEntity.Remaining"/> holds.</param>
public sealed record DigestBatchContent(string WindowId, string ThemeSet, DigestContent Content, IReadOnlyList<DigestBatchRecipient> Recipients);
