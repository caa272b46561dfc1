using System.Reflection;
using Microsoft.Extensions.Options;

namespace Pcc.Infra.Tests.Support;

/// <summary>
/// The tables the app's store opens, read from a store built with default options over a development-storage account
/// (nothing is sent: building table clients makes no request).
/// </summary>
internal static class AppTables
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public static IReadOnlyList<string> Names()
    {
        var storeType = AppSurface.Assemblies.SelectMany(a => a.GetTypes()).Single(t => t.Name == "PccStore");
        var constructor = storeType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var store = constructor.Invoke([.. constructor.GetParameters().Select(p => Create(p.ParameterType))]);
        return storeType.GetProperties()
            .Where(p => p.PropertyType.Name == "TableClient")
            .Select(p => (string)p.PropertyType.GetProperty("Name")!.GetValue(p.GetValue(store))!)
            .ToList();
    }

    private static object Create(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IOptions<>))
        {
            var options = Activator.CreateInstance(type.GetGenericArguments()[0])!;
            return typeof(Options).GetMethod(nameof(Options.Create))!.MakeGenericMethod(options.GetType()).Invoke(null, [options])!;
        }

        if (type.GetMethod("FromConnectionString", BindingFlags.Public | BindingFlags.Static, [typeof(string)]) is { } parse)
        {
            return parse.Invoke(null, [DevelopmentStorage])!;
        }

        return type.GetConstructor([typeof(string)]) is not null
            ? Activator.CreateInstance(type, DevelopmentStorage)!
            : throw new NotSupportedException($"PccStore needs a {type.FullName}; teach {nameof(AppTables)} to build one.");
    }
}
