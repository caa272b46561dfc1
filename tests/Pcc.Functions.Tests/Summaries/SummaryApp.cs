using Pcc.LocalHost;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Summaries;

/// <summary>
/// The app with an editor to send weekly summaries to. A weekly summary covers everything the week brought in the
/// worker's tables, so the summary tests have a worker of their own.
/// </summary>
public sealed class SummaryApp : AppFixture
{
    /// <summary>The editor the summaries go to (<c>Notifications:Editors</c>).</summary>
    public string Editor { get; } = MailDevFixture.UniqueAddress("editor");

    protected override void Configure(LocalHostOptions options) => options.Settings["Notifications:Editors"] = Editor;
}
