using Pcc.Testing.App;

namespace Pcc.Cli.Tests.Smoke;

/// <summary>The app on the local host, for the deployment check and the removal it relies on.</summary>
[CollectionDefinition(Name)]
public sealed class SmokeCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Deployment check";
}
