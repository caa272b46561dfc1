using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// The Function App's <c>[Function]</c> methods as declarations this in-process host runs: each trigger attribute
/// becomes its binding and each method is called directly (<see cref="WorkerMethodInvoker"/>). It stands in for the
/// worker protocol until the local host starts the worker process itself.
/// </summary>
public static class WorkerFunctions
{
    /// <summary>Every function declared in <paramref name="assembly"/>, in a stable order.</summary>
    public static IReadOnlyList<FunctionDefinition> From(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Function is not null)
            .OrderBy(f => f.Function!.Name, StringComparer.Ordinal)
            .Select(f => Define(f.Function!.Name, f.Method))];

    private static FunctionDefinition Define(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            var bindingName = parameter.Name!;
            switch (parameter.GetCustomAttributes().FirstOrDefault(a => a is HttpTriggerAttribute or BlobTriggerAttribute or TimerTriggerAttribute))
            {
                case HttpTriggerAttribute http:
                    var methods = http.Methods is { Length: > 0 } declared ? declared : ["get", "post"];
                    return FunctionDefinition.Http(name, http.Route ?? name, [.. methods.Select(m => m.ToUpperInvariant())],
                        (Func<HttpContext, Task>)(context => WorkerMethodInvoker.InvokeHttpAsync(method, context)));
                case BlobTriggerAttribute blob:
                    var connection = blob.Connection ?? "AzureWebJobsStorage";
                    // The host scans the container here, whatever the source declared for Azure (see README).
                    return FunctionDefinition.Create(name, new BlobTriggerBinding(bindingName, blob.BlobPath, connection, BlobTriggerBinding.LogsAndContainerScan),
                        services => new WorkerMethodInvoker(method, bindingName, connection, services));
                case TimerTriggerAttribute timer:
                    return FunctionDefinition.Create(name, new TimerTriggerBinding(bindingName, timer.Schedule, timer.RunOnStartup, timer.UseMonitor),
                        services => new WorkerMethodInvoker(method, bindingName, null, services));
            }
        }

        throw new InvalidOperationException($"The function {name} ({method.DeclaringType}.{method.Name}) has no trigger this host supports.");
    }
}
