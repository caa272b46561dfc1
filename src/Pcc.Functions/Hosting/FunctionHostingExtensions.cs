namespace Pcc.Functions.Hosting;

/// <summary>Registers function declarations and their handlers.</summary>
public static class FunctionHostingExtensions
{
    /// <summary>
    /// Adds the declarations and each non-HTTP handler type. When the Functions host sets
    /// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, listens on that port on loopback.
    /// </summary>
    public static WebApplicationBuilder AddFunctionHost(this WebApplicationBuilder builder, IEnumerable<FunctionDefinition> functions)
    {
        var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        if (int.TryParse(port, out var customHandlerPort))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
        }

        var registry = new FunctionRegistry(functions);
        builder.Services.AddSingleton(registry);
        foreach (var handlerType in registry.All.Select(f => f.HandlerType).OfType<Type>().Distinct())
        {
            builder.Services.AddScoped(handlerType);
        }

        return builder;
    }
}
