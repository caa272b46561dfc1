using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// Calls a <c>[Function]</c> method in this process with what the worker would bind: the <see cref="HttpRequest"/>
/// and route values, a <see cref="TimerInfo"/> from the timer payload, or a <see cref="BlobClient"/> and the blob
/// path's tokens. The function's class is made with its services, as the worker makes it per invocation.
/// </summary>
public sealed class WorkerMethodInvoker(MethodInfo method, string bindingName, string? connection, IServiceProvider services) : IFunctionHandler
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<FunctionResult> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var arguments = method.GetParameters().Select(p => Argument(p, invocation, cancellationToken)).ToArray();
        await CallAsync(method, services, arguments);
        return FunctionResult.WithLogs($"{invocation.FunctionName} ran.");
    }

    /// <summary>Runs an HTTP function for <paramref name="context"/> and writes its result.</summary>
    public static async Task InvokeHttpAsync(MethodInfo method, HttpContext context)
    {
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => context.Request,
            var t when t == typeof(CancellationToken) => (object?)context.RequestAborted,
            var t when t == typeof(string) => context.GetRouteValue(p.Name!)?.ToString(),
            _ => null,
        }).ToArray();
        switch (await CallAsync(method, context.RequestServices, arguments))
        {
            case IResult result:
                await result.ExecuteAsync(context);
                break;
            case { } other:
                throw new InvalidOperationException($"{method.Name} returned {other.GetType()}, which this host cannot write.");
        }
    }

    private object? Argument(ParameterInfo parameter, FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.ParameterType == typeof(TimerInfo))
        {
            return invocation.GetDataObject(bindingName)?.Deserialize<TimerInfo>(s_json);
        }

        if (parameter.ParameterType == typeof(BlobClient))
        {
            var path = invocation.GetMetadataString("BlobTrigger")?.Split('/', 2)
                ?? throw new InvalidInvocationException("The payload names no blob (Metadata.BlobTrigger).");
            var configuration = services.GetRequiredService<IConfiguration>();
            return new BlobClient(configuration[connection!] ?? "UseDevelopmentStorage=true", path[0], path[1]);
        }

        return parameter.ParameterType == typeof(string)
            ? invocation.GetMetadataString(parameter.Name!) ?? throw new InvalidInvocationException($"The payload has no Metadata.{parameter.Name}.")
            : null;
    }

    private static async Task<object?> CallAsync(MethodInfo method, IServiceProvider services, object?[] arguments)
    {
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var returned = method.Invoke(instance, arguments);
            if (returned is not Task task)
            {
                return returned;
            }

            await task;
            return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
