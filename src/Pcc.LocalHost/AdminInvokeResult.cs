namespace Pcc.LocalHost;

/// <summary>What the admin endpoint did with a request to run a function.</summary>
public enum AdminInvokeResult
{
    /// <summary>The invocation started (202 Accepted, as the host answers).</summary>
    Accepted,

    /// <summary>No function has that name (404).</summary>
    NotFound,

    /// <summary>The function cannot be run this way: an HTTP function, or a blob input that is not <c>container/name</c> (400).</summary>
    NotInvocable,
}
