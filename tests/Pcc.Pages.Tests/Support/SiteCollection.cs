using Pcc.Testing.App;

namespace Pcc.Pages.Tests.Support;

/// <summary>
/// One site (the app's worker through the local host) and one browser for the reader and editor pages. Its tests
/// publish briefings under names of their own (<see cref="AppFixture.UniqueBriefingName"/>) and assert only what
/// holds whatever the others published: a case study in several briefings is one catalogue entry.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<AppFixture>, ICollectionFixture<Chromium>
{
    public const string Name = "Site";
}
