using Pcc.Functions;
using Pcc.Functions.Hosting;

if (FunctionMetadataCommand.TryRun(args, PccFunctionCatalog.Create, out var exitCode))
{
    return exitCode;
}

await FunctionsApplication.Create(args).RunAsync();
return 0;
