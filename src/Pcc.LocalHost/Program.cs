using Pcc.LocalHost;

// Runs the Function App locally: emulators, the handler, triggers and the front door; then seeds the sample briefings.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LocalHostCommandLine.Usage);
    return 0;
}

var options = LocalHostCommandLine.Parse(args);
options.ConfigureLogging = ConsoleOutput.ConfigureLogging;
using var shutdown = new ShutdownSignal();

LocalFunctionHost host;
try
{
    host = await LocalFunctionHost.StartAsync(options, shutdown.Token);
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}

await using (host)
{
    ConsoleOutput.PrintAddresses(host, Console.Out);
    if (options.Seed)
    {
        try
        {
            await SampleBriefings.RunAsync(host, Console.Out, shutdown.Token);
            await SampleDigest.RunAsync(host, Console.Out, shutdown.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException)
        {
            Console.Error.WriteLine($"The sample data was not completed: {ex.Message}");
        }
    }

    Console.WriteLine("Running. Press Ctrl+C to stop.");
    await shutdown.WaitAsync();
    Console.WriteLine("Stopping…");
}

return 0;
