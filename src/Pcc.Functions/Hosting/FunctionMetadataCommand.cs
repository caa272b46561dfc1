namespace Pcc.Functions.Hosting;

/// <summary>
/// <c>--write-function-metadata DIR [--blob-source SOURCE]</c>: writes the function folders for a publish output.
/// The publish step runs it, so <c>function.json</c> files always come from the declarations in code.
/// </summary>
public static class FunctionMetadataCommand
{
    /// <summary>Runs the command when <paramref name="args"/> asks for it.</summary>
    public static bool TryRun(string[] args, Func<string, IEnumerable<FunctionDefinition>> functions, out int exitCode)
    {
        exitCode = 0;
        var index = Array.IndexOf(args, "--write-function-metadata");
        if (index < 0)
        {
            return false;
        }

        if (index + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: --write-function-metadata DIR [--blob-source LogsAndContainerScan|EventGrid]");
            exitCode = 1;
            return true;
        }

        var sourceIndex = Array.IndexOf(args, "--blob-source");
        var source = sourceIndex >= 0 && sourceIndex + 1 < args.Length ? args[sourceIndex + 1] : BlobTriggerBinding.EventGrid;
        if (source is not (BlobTriggerBinding.EventGrid or BlobTriggerBinding.LogsAndContainerScan))
        {
            Console.Error.WriteLine($"--blob-source must be {BlobTriggerBinding.EventGrid} or {BlobTriggerBinding.LogsAndContainerScan}, not '{source}'.");
            exitCode = 1;
            return true;
        }

        foreach (var file in FunctionMetadataWriter.Write(functions(source), args[index + 1]))
        {
            Console.WriteLine(file);
        }

        return true;
    }
}
