using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>A worker of its own for the hostile documents, so their large uploads run beside the other ingestion tests.</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Hostile documents";
}
