namespace Pcc.Functions.Tests.InProcess;

/// <summary>The app's function declarations, looked up by name as the host calls them.</summary>
public sealed class FunctionRegistry(IEnumerable<FunctionDefinition> functions)
{
    private readonly Dictionary<string, FunctionDefinition> _byName =
        functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every function, in declaration order.</summary>
    public IReadOnlyCollection<FunctionDefinition> All => _byName.Values;

    /// <summary>Finds a function by name, ignoring case.</summary>
    public FunctionDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
