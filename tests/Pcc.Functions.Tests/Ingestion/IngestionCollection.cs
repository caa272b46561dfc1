using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// One worker for the ingestion and catalogue behaviour tests. They share its catalogue, so each test uploads its own
/// briefing names and asserts what the app shows of its own briefings.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IngestionCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Ingestion";
}
