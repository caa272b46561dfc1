namespace Pcc.Infra.Tests.Support;

/// <summary>The repository's Bicep, compiled once per test run.</summary>
internal static class Templates
{
    // Compiled by the first test class that asks, while the others wait (Lazy's default, ExecutionAndPublication).
    private static readonly Lazy<ArmScope> MainTemplate = new(() => new ArmScope(Bicep.Compile(Repository.File("infra", "main.bicep"))), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<ArmScope> SubscriptionTemplate = new(() => new ArmScope(Bicep.Compile(Repository.File("infra", "briefing-subscription.bicep"))), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary><c>infra/main.bicep</c>, what <c>azd provision</c> deploys.</summary>
    public static ArmScope Main => MainTemplate.Value;

    /// <summary><c>infra/briefing-subscription.bicep</c>, what the postdeploy hook deploys.</summary>
    public static ArmScope Subscription => SubscriptionTemplate.Value;

    /// <summary>Every Bicep file under infra/.</summary>
    public static IEnumerable<string> BicepFiles() =>
        Directory.EnumerateFiles(Repository.File("infra"), "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IEnumerable<ArmResource> Resources(this ArmScope scope, string type) =>
        scope.Resources().Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public static ArmResource Single(this ArmScope scope, string type) => scope.Resources(type).Where(r => !r.IsExisting).Single();

    /// <summary>The Function App's app settings, each evaluated.</summary>
    public static IReadOnlyDictionary<string, ArmValue> AppSettings(this ArmScope scope)
    {
        var config = scope.Resources("Microsoft.Web/sites/config").Single(r => r.Name.Text.EndsWith("/appsettings", StringComparison.Ordinal));
        return config.Json["properties"]!.AsObject().ToDictionary(p => p.Key, p => config.Scope.Evaluate(p.Value), StringComparer.Ordinal);
    }
}
