namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// A function, declared once: its name (the path the host calls), its trigger and bindings (written to
/// <c>function.json</c> at publish), and the code that runs it. The local host reads the same declarations.
/// </summary>
public sealed record FunctionDefinition
{
    private FunctionDefinition(string name, FunctionBinding trigger, IReadOnlyList<FunctionBinding> bindings)
    {
        Name = name;
        Trigger = trigger;
        Bindings = bindings;
    }

    /// <summary>The function's name: its folder in the app and the path <c>POST /{Name}</c> the host invokes.</summary>
    public string Name { get; }

    /// <summary>The trigger binding.</summary>
    public FunctionBinding Trigger { get; }

    /// <summary>Every binding, trigger first, as <c>function.json</c> lists them.</summary>
    public IReadOnlyList<FunctionBinding> Bindings { get; }

    /// <summary>For non-HTTP functions: the <see cref="IFunctionHandler"/> that runs an invocation.</summary>
    public Type? HandlerType { get; private init; }

    /// <summary>For non-HTTP functions without a <see cref="HandlerType"/>: makes the handler of one invocation.</summary>
    public Func<IServiceProvider, IFunctionHandler>? HandlerFactory { get; private init; }

    /// <summary>For HTTP functions: the minimal-API handler for each method (upper case), mapped at <c>/api/{route}</c>.</summary>
    public IReadOnlyDictionary<string, Delegate> HttpHandlers { get; private init; } = new Dictionary<string, Delegate>();

    /// <summary>A blob-triggered function.</summary>
    public static FunctionDefinition Blob<THandler>(string name, string path, string connection, string source)
        where THandler : IFunctionHandler
    {
        var trigger = new BlobTriggerBinding("blob", path, connection, source);
        return new FunctionDefinition(name, trigger, [trigger]) { HandlerType = typeof(THandler) };
    }

    /// <summary>A blob- or timer-triggered function whose handler is made per invocation.</summary>
    public static FunctionDefinition Create(string name, FunctionBinding trigger, Func<IServiceProvider, IFunctionHandler> handler) =>
        new(name, trigger, [trigger]) { HandlerFactory = handler };

    /// <summary>A timer-triggered function.</summary>
    public static FunctionDefinition Timer<THandler>(string name, string schedule, bool runOnStartup = false)
        where THandler : IFunctionHandler
    {
        var trigger = new TimerTriggerBinding("timer", schedule, runOnStartup);
        return new FunctionDefinition(name, trigger, [trigger]) { HandlerType = typeof(THandler) };
    }

    /// <summary>An anonymous HTTP function with one trigger and one response, which the host forwards as a plain request.</summary>
    public static FunctionDefinition Http(string name, string route, string[] methods, Delegate handler) =>
        Http(name, route, methods.ToDictionary(m => m, _ => handler));

    /// <summary>
    /// An anonymous HTTP function answering several methods on one route, each with its own handler (such as GET for a
    /// page and POST for the action it offers). The host sees one function; the handler maps one endpoint per method.
    /// </summary>
    public static FunctionDefinition Http(string name, string route, IReadOnlyDictionary<string, Delegate> handlers)
    {
        var trigger = new HttpTriggerBinding("req", route, handlers.Keys.ToArray());
        var byMethod = handlers.ToDictionary(h => h.Key.ToUpperInvariant(), h => h.Value);
        return new FunctionDefinition(name, trigger, [trigger, new HttpOutputBinding()]) { HttpHandlers = byMethod };
    }
}
