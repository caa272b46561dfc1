namespace Pcc.Notifications.Email;

/// <summary>A mailbox: an address and an optional display name.</summary>
public sealed record EmailAddress(string Address, string? Name = null);
