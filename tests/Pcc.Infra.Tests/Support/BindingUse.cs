namespace Pcc.Infra.Tests.Support;

/// <summary>One binding attribute on a <c>[Function]</c> method: its type name and its arguments by name.</summary>
internal sealed record BindingUse(string Function, string Attribute, IReadOnlyDictionary<string, object?> Arguments)
{
    /// <summary>The string argument of that name (constructor parameter or named property), if given.</summary>
    public string? Get(string name) =>
        Arguments.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
}
