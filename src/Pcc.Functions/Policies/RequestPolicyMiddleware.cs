using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Middleware;
using Pcc.Functions.Pages.Editor;
using Pcc.Functions.Pages.Subscribers;
using Pcc.Functions.Subscriptions;

namespace Pcc.Functions.Policies;

/// <summary>
/// Worker middleware that makes the checks an HTTP function declares with <see cref="RequestPolicyAttribute"/> (editor
/// access, same-origin form posts, subscribe limits) before it runs. A refused request never reaches the function: the
/// refusal becomes the invocation's result, which the ASP.NET Core integration writes as it writes a function's own
/// (Azure/azure-functions-dotnet-worker samples/AspNetIntegration, UseWhen with GetHttpContext).
/// </summary>
public sealed class RequestPolicyMiddleware(EditorAccess editors, SubscriptionRateLimits limits) : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, RequestPolicyAttribute?> s_declared = new(StringComparer.Ordinal);

    /// <summary>Whether the function declares any checks (the middleware runs only for those).</summary>
    public static bool Applies(FunctionContext context) => Declared(context.FunctionDefinition) is not null;

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (Declared(context.FunctionDefinition) is { } policy && context.GetHttpContext() is { } http
            && await RefusalAsync(policy, http.Request, context.CancellationToken) is { } refusal)
        {
            context.GetInvocationResult().Value = refusal;
            return;
        }

        await next(context);
    }

    private async Task<IResult?> RefusalAsync(RequestPolicyAttribute policy, HttpRequest request, CancellationToken cancellationToken)
    {
        if (policy.Policies.HasFlag(RequestPolicies.EditorsOnly) && editors.Check(request) is { } denied)
            return denied;
        if (!HttpMethods.IsPost(request.Method))
            return null;
        if (policy.Policies.HasFlag(RequestPolicies.SameOriginPosts) && !SameOrigin.Allows(request))
            return policy.Page ? SubscribePage.Refused() : TypedResults.Problem("Cross-site form posts are refused.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        if (policy.Policies.HasFlag(RequestPolicies.SubscribeLimits) && await limits.SubscribeAsync(request, cancellationToken) is { } tooMany)
            return policy.Page ? SubscribePage.TooMany() : tooMany;
        return null;
    }

    // The entry point is "Namespace.Type.Method" in this assembly; what it declares is read once per function.
    private static RequestPolicyAttribute? Declared(FunctionDefinition function) => s_declared.GetOrAdd(function.EntryPoint, entryPoint =>
    {
        var dot = entryPoint.LastIndexOf('.');
        return typeof(RequestPolicyMiddleware).Assembly.GetType(entryPoint[..dot])?
            .GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)?
            .GetCustomAttribute<RequestPolicyAttribute>();
    });
}
