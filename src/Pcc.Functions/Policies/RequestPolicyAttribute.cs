namespace Pcc.Functions.Policies;

/// <summary>
/// Declares on an HTTP function's method the checks its requests pass before it runs, made once for every function by
/// <see cref="RequestPolicyMiddleware"/>. A refusal is a page for functions that answer people (<see cref="Page"/>),
/// ProblemDetails for the API.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestPolicyAttribute(RequestPolicies policies) : Attribute
{
    /// <summary>The checks.</summary>
    public RequestPolicies Policies => policies;

    /// <summary>Whether a refusal is shown as a page rather than as ProblemDetails.</summary>
    public bool Page { get; init; }
}
