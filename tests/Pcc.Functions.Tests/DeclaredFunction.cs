using System.Reflection;
using Pcc.Functions.Ingestion;

namespace Pcc.Functions.Tests;

/// <summary>A <c>[Function]</c> method of the app and its trigger attribute, found by reflection.</summary>
public sealed record DeclaredFunction(string Name, MethodInfo Method, ParameterInfo TriggerParameter, Attribute Trigger)
{
    /// <summary>The entry point the worker records: <c>Namespace.Class.Method</c>.</summary>
    public string EntryPoint => $"{Method.DeclaringType!.FullName}.{Method.Name}";

    /// <summary>Every function the app declares.</summary>
    public static IReadOnlyList<DeclaredFunction> All { get; } =
    [
        .. typeof(IngestBriefingFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Function is not null)
            .Select(f =>
            {
                var trigger = f.Method.GetParameters()
                    .Select(p => (Parameter: p, Attribute: p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal))))
                    .Single(p => p.Attribute is not null);
                return new DeclaredFunction(f.Function!.Name, f.Method, trigger.Parameter, trigger.Attribute!);
            }),
    ];

    public override string ToString() => Name;
}
