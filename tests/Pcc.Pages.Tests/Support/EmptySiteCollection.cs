using Pcc.Testing.App;

namespace Pcc.Pages.Tests.Support;

/// <summary>
/// A site where nothing is ever uploaded, for the pages that look different before the first briefing (the editor's
/// empty list) and for the subscriber pages, which need no briefing. Tests in this collection must not upload.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmptySiteCollection : ICollectionFixture<AppFixture>, ICollectionFixture<Chromium>
{
    public const string Name = "Empty site";
}
