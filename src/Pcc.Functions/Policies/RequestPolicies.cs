namespace Pcc.Functions.Policies;

/// <summary>The checks <see cref="RequestPolicyMiddleware"/> makes before an HTTP function runs.</summary>
[Flags]
public enum RequestPolicies
{
    /// <summary>No checks.</summary>
    None = 0,

    /// <summary>Editors only (<see cref="Pages.Editor.EditorAccess"/>): a sign-in redirect or a refusal page for anyone else.</summary>
    EditorsOnly = 1,

    /// <summary>A POST another site makes a browser send is refused (<see cref="Pages.Subscribers.SameOrigin"/>).</summary>
    SameOriginPosts = 2,

    /// <summary>A POST counts against the subscribe limits, per client and across all clients (<see cref="Subscriptions.SubscriptionRateLimits"/>).</summary>
    SubscribeLimits = 4,
}
