using Pcc.LocalHost.Worker;

namespace Pcc.LocalHost;

/// <summary>
/// Which key a front-door endpoint needs, as deployed Azure decides it: an HTTP function's <c>authLevel</c>
/// (<c>anonymous</c> needs none; <c>function</c> and <c>admin</c> — the default when absent — need a key in
/// <c>x-functions-key</c> or <c>?code=</c>), and the admin endpoint the master key in <c>x-functions-key</c>.
/// The local host has one key, <see cref="LocalFunctionHost.AdminKey"/>, which Azure's master key stands for.
/// </summary>
public sealed class KeyRequirement
{
    private KeyRequirement(bool required, bool queryCodeAccepted)
    {
        Required = required;
        QueryCodeAccepted = queryCodeAccepted;
    }

    /// <summary>No key: an anonymous HTTP function.</summary>
    public static KeyRequirement None { get; } = new(false, false);

    /// <summary>A function-level (or admin-level) HTTP function.</summary>
    public static KeyRequirement FunctionLevel { get; } = new(true, true);

    /// <summary>The admin endpoint, <c>/admin/*</c>.</summary>
    public static KeyRequirement Admin { get; } = new(true, false);

    /// <summary>Whether a key is needed at all.</summary>
    public bool Required { get; }

    /// <summary>Whether <c>?code=</c> may carry the key; otherwise only the <c>x-functions-key</c> header.</summary>
    public bool QueryCodeAccepted { get; }

    /// <summary>What an HTTP-triggered <paramref name="function"/>'s <c>authLevel</c> asks for.</summary>
    public static KeyRequirement For(WorkerFunction function) =>
        string.Equals(function.TriggerProperty("authLevel"), "anonymous", StringComparison.OrdinalIgnoreCase) ? None : FunctionLevel;
}
