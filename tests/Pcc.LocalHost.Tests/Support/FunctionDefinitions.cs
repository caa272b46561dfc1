using Pcc.Functions;
using Pcc.LocalHost.InProcess;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>Declarations of test-only functions.</summary>
public static class FunctionDefinitions
{
    public static FunctionDefinition Blob<THandler>(string name, string path) where THandler : IFunctionHandler =>
        FunctionDefinition.Blob<THandler>(name, path, Pcc.Functions.Ingestion.IngestBriefingFunction.Connection, BlobTriggerBinding.LogsAndContainerScan);
}
