namespace Pcc.Notifications.Digests.Ledger;

/// <summary>
/// A recipient as a batch's blob holds them: what sending needs and what erasing a subscriber blanks, nothing more (what
/// they follow is the batch's, and the same for all).
/// </summary>
/// <param name="SubscriberId">The subscriber's id.</param>
/// <param name="Email">Where to send.</param>
/// <param name="ManageUrl">Their signed manage link.</param>
/// <param name="UnsubscribeUrl">Their signed one-click unsubscribe link.</param>
public sealed record DigestBatchRecipient(string SubscriberId, string Email, string ManageUrl, string UnsubscribeUrl);
