using Microsoft.Extensions.Logging.Console;

namespace Pcc.LocalHost;

/// <summary>What the local host prints: compact one-line logs, and the addresses once it is up.</summary>
public static class ConsoleOutput
{
    /// <summary>Single-line console logs with a short time stamp; the Function App's request logs stay at Warning.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Default;
        });
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        // YARP logs each forwarded URL at Information, query and all: confirmation and unsubscribe links carry tokens.
        logging.AddFilter("Yarp", LogLevel.Warning);
    }

    /// <summary>Prints where everything is.</summary>
    public static void PrintAddresses(LocalFunctionHost host, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"  API            {new Uri(host.FrontDoorAddress, "api/")}");
        output.WriteLine($"  Admin          POST {new Uri(host.FrontDoorAddress, "admin/functions/{name}")}  {{\"input\":\"\"}}");
        // A development key, shown as `func start` shows its routes: the one secret the developer needs to call /admin.
        output.WriteLine($"  Key            {host.AdminKey}  ({LocalRequestPolicy.KeyHeader} header; ?code= also works on function-level routes)");
        if (host.Emulators is { } emulators)
        {
            output.WriteLine($"  MailDev UI     {emulators.MailWebUri}  (SMTP 127.0.0.1:{emulators.SmtpPort})");
        }

        output.WriteLine($"  Blob storage   {host.Storage.BlobServiceUri}");
        output.WriteLine($"  Queue storage  {host.Storage.QueueServiceUri}");
        output.WriteLine($"  Table storage  {host.Storage.TableServiceUri}");
        output.WriteLine($"  Functions      {string.Join(", ", host.Functions.Select(f => $"{f.Name} ({f.TriggerType})"))}");
        output.WriteLine();
    }
}
