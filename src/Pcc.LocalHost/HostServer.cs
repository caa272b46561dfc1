namespace Pcc.LocalHost;

/// <summary>
/// Builds the host's own HTTP servers (the workers' gRPC endpoint, the front door). Their configuration is read once:
/// by default a web application watches its content root, the current directory, for a changed appsettings.json, and on
/// Linux that is one inotify watch per folder under it, about 0.2 s per server from the repository root.
/// </summary>
internal static class HostServer
{
    /// <summary>A slim builder whose configuration does not reload on change.</summary>
    public static WebApplicationBuilder CreateBuilder() =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
}
