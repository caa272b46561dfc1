using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Pcc.Functions.Policies;

namespace Pcc.Functions.Tests.Policies;

/// <summary>
/// The checks the middleware makes are declared on the functions; these tests keep a new editor page or form from
/// going without them (the behaviour itself is tested through the worker: EditorAccessTests, SubscriptionRateLimitTests).
/// </summary>
public sealed class RequestPolicyDeclarationTests
{
    private static IEnumerable<(string Name, string Route, string[] Methods, RequestPolicyAttribute? Policy)> HttpFunctions() =>
        typeof(RequestPolicyAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .Select(f => (f.Function!.Name, f.Trigger!.Route ?? "", f.Trigger.Methods ?? [], f.Method.GetCustomAttribute<RequestPolicyAttribute>()));

    [Fact]
    public void EveryEditorPageIsForEditorsOnly()
    {
        var editorPages = HttpFunctions().Where(f => f.Route.StartsWith("editor", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(editorPages);
        Assert.All(editorPages, f => Assert.True(f.Policy?.Policies.HasFlag(RequestPolicies.EditorsOnly), $"{f.Name} ({f.Route}) is not declared EditorsOnly."));
    }

    [Fact]
    public void EveryPageThatTakesAFormPostRefusesOtherSitesPosts()
    {
        // Pages (routes outside api/) that accept POST are browser forms.
        var forms = HttpFunctions().Where(f => !f.Route.StartsWith("api/", StringComparison.Ordinal) && f.Methods.Contains("post", StringComparer.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.True(f.Policy?.Policies.HasFlag(RequestPolicies.SameOriginPosts), $"{f.Name} ({f.Route}) takes form posts without SameOriginPosts."));
    }

    [Fact]
    public void BothWaysToSubscribeCountAgainstTheSubscribeLimits()
    {
        var limited = HttpFunctions().Where(f => f.Policy?.Policies.HasFlag(RequestPolicies.SubscribeLimits) == true).Select(f => f.Name);

        Assert.Equal(["Subscribe", "SubscribePage"], limited.Order());
    }
}
