using Pcc.Functions;
using Pcc.Functions.Hosting;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>Declarations of test-only functions.</summary>
public static class FunctionDefinitions
{
    public static FunctionDefinition Blob<THandler>(string name, string path) where THandler : IFunctionHandler =>
        FunctionDefinition.Blob<THandler>(name, path, PccFunctionCatalog.StorageConnection, BlobTriggerBinding.LogsAndContainerScan);
}
