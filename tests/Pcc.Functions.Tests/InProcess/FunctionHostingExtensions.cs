namespace Pcc.Functions.Tests.InProcess;

/// <summary>Registers function declarations and their handlers.</summary>
public static class FunctionHostingExtensions
{
    /// <summary>Adds the declarations and each non-HTTP handler type.</summary>
    public static WebApplicationBuilder AddFunctionHost(this WebApplicationBuilder builder, IEnumerable<FunctionDefinition> functions)
    {
        var registry = new FunctionRegistry(functions);
        builder.Services.AddSingleton(registry);
        foreach (var handlerType in registry.All.Select(f => f.HandlerType).OfType<Type>().Distinct())
        {
            builder.Services.AddScoped(handlerType);
        }

        return builder;
    }
}
