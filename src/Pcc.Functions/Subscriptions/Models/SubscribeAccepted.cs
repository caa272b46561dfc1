namespace Pcc.Functions.Subscriptions.Models;

/// <summary>The one answer to every valid subscribe request, whatever the address's state, so it reveals nothing.</summary>
/// <param name="Message">What happens next.</param>
public sealed record SubscribeAccepted(string Message)
{
    /// <summary>The answer.</summary>
    public static SubscribeAccepted Instance { get; } =
        new("Thank you. We have sent a message about your subscription to that address; follow the link in it to confirm.");
}
