using System.Reflection;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace Pcc.Infra.Tests.Support;

/// <summary>
/// What the Function App reads from its settings, found by reflection over the built app: the bindings of its
/// <c>[Function]</c> methods (isolated-worker attributes) and the properties of its <c>*Options</c> types, bound from the
/// section their <c>Section</c>/<c>SectionName</c> constant names.
/// </summary>
internal static partial class AppSurface
{
    private const string WorkerNamespace = "Microsoft.Azure.Functions.Worker.";

    /// <summary>The storage bindings' connection when they name none.</summary>
    public const string DefaultConnection = "AzureWebJobsStorage";

    public static Assembly App { get; } = Assembly.Load("Pcc.Functions");

    /// <summary>The app and the Pcc libraries it uses (Pcc.Catalogue holds the store and most options types).</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = PccAssemblies().ToList();

    /// <summary>The .NET version the app targets, as Flex Consumption names it (<c>10.0</c>).</summary>
    public static string DotnetVersion =>
        App.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.Split("Version=v")[1];

    /// <summary>Every binding attribute of every function: on the method, its parameters, its return value and output properties.</summary>
    public static IReadOnlyList<BindingUse> Bindings { get; } = FindBindings().ToList();

    /// <summary>The functions' names, from <c>[Function("Name")]</c>.</summary>
    public static IReadOnlyList<string> Functions { get; } =
        FunctionMethods().Select(m => (string)FunctionAttribute(m)!.ConstructorArguments[0].Value!).ToList();

    /// <summary>Every settable simple property of every options type in the app and the Pcc libraries it uses.</summary>
    public static IReadOnlyList<OptionSetting> OptionSettings { get; } = FindOptionSettings().ToList();

    /// <summary>App settings a binding names as <c>%Setting%</c>.</summary>
    public static IEnumerable<string> SettingExpressions() =>
        Bindings.SelectMany(b => b.Arguments.Values.OfType<string>())
            .SelectMany(s => Percent().Matches(s).Select(m => AppSettingName(m.Groups[1].Value)))
            .Distinct();

    /// <summary>
    /// The connections storage bindings use (the property <c>Connection</c>, defaulting to <see cref="DefaultConnection"/>),
    /// <c>%Setting%</c> names resolved from <paramref name="settings"/>.
    /// </summary>
    public static IEnumerable<string> Connections(IReadOnlyDictionary<string, ArmValue> settings) =>
        Bindings.Where(b => b.Arguments.ContainsKey("Connection")).Select(b => Resolve(b.Get("Connection") ?? DefaultConnection, settings)).Distinct();

    /// <summary>The app setting a <c>%Name%</c> reads in Azure: a <c>:</c> in the name is <c>__</c> in an app setting, as in environment variables.</summary>
    public static string AppSettingName(string name) => name.Replace(":", "__", StringComparison.Ordinal);

    /// <summary><paramref name="value"/> with each <c>%Name%</c> replaced by that app setting's value in <paramref name="settings"/>.</summary>
    public static string Resolve(string value, IReadOnlyDictionary<string, ArmValue> settings) =>
        Percent().Replace(value, m => settings[AppSettingName(m.Groups[1].Value)].Text);

    private static IEnumerable<MethodInfo> FunctionMethods() =>
        App.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => FunctionAttribute(m) is not null);

    private static CustomAttributeData? FunctionAttribute(MethodInfo method) =>
        method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == WorkerNamespace + "FunctionAttribute");

    private static IEnumerable<BindingUse> FindBindings()
    {
        foreach (var method in FunctionMethods())
        {
            var function = (string)FunctionAttribute(method)!.ConstructorArguments[0].Value!;
            var returned = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
                ? method.ReturnType.GetGenericArguments()[0]
                : method.ReturnType;
            var attributes = method.CustomAttributes
                .Concat(method.GetParameters().SelectMany(p => p.CustomAttributes))
                .Concat(method.ReturnParameter.CustomAttributes)
                .Concat(returned.GetProperties().SelectMany(p => p.CustomAttributes));
            foreach (var attribute in attributes.Where(a => IsBinding(a.AttributeType)))
            {
                yield return new BindingUse(function, attribute.AttributeType.Name, Arguments(attribute));
            }
        }
    }

    private static bool IsBinding(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == "BindingAttribute")
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, object?> Arguments(CustomAttributeData attribute)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var parameters = attribute.Constructor.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[parameters[i].Name!] = Value(attribute.ConstructorArguments[i]);
        }

        foreach (var named in attribute.NamedArguments)
        {
            arguments[named.MemberName] = Value(named.TypedValue);
        }

        // A storage binding that names no connection uses the default one: record that it has a connection at all.
        if (attribute.AttributeType.GetProperty("Connection") is not null)
        {
            arguments.TryAdd("Connection", null);
        }

        return arguments;
    }

    private static object? Value(CustomAttributeTypedArgument argument) =>
        argument.ArgumentType.IsEnum && argument.Value is not null
            ? Enum.ToObject(argument.ArgumentType, argument.Value).ToString()
            : argument.Value;

    private static IEnumerable<OptionSetting> FindOptionSettings()
    {
        foreach (var assembly in Assemblies)
        {
            foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal)))
            {
                var section = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .FirstOrDefault(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name is "Section" or "SectionName");
                if (section is null)
                {
                    continue;
                }

                foreach (var setting in Settings(type, (string)section.GetRawConstantValue()!, type))
                {
                    yield return setting;
                }
            }
        }
    }

    private static IEnumerable<OptionSetting> Settings(Type options, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}:{property.Name}";
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (valueType.IsPrimitive || valueType.IsEnum || valueType == typeof(string) || valueType == typeof(TimeSpan) || valueType == typeof(Uri) || valueType == typeof(decimal))
            {
                yield return new OptionSetting(options, key, property.PropertyType);
            }
            else if (valueType.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(valueType))
            {
                foreach (var nested in Settings(options, key, valueType))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<Assembly> PccAssemblies()
    {
        var seen = new Dictionary<string, Assembly> { [App.GetName().Name!] = App };
        var pending = new Queue<Assembly>([App]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Pcc.", StringComparison.Ordinal)))
            {
                if (!seen.ContainsKey(reference.Name!))
                {
                    var loaded = Assembly.Load(reference);
                    seen[reference.Name!] = loaded;
                    pending.Enqueue(loaded);
                }
            }
        }

        return seen.Values;
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Percent();
}
