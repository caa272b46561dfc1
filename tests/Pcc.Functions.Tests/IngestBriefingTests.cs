using System.Text;
using Pcc.Briefings;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Ingestion;
using Pcc.Functions.Tests.Ingestion;
using Pcc.LocalHost.Triggers;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests;

/// <summary>Uploading briefings to the worker's container, and what the catalogue API then shows.</summary>
[Collection(IngestionCollection.Name)]
public sealed class IngestBriefingTests(AppFixture app)
{
    [Fact]
    public async Task IngestingTheSeedBriefingListsTwentyCaseStudiesInSevenThemes()
    {
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);

        var briefing = await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);

        var version = Assert.Single(briefing.GetProperty("versions").EnumerateArray());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        Assert.Equal(20, version.GetProperty("new").GetInt32());
        Assert.Equal("text", version.GetProperty("format").GetString());
        var caseStudies = await app.CaseStudiesOfAsync(slug);
        Assert.Equal(20, caseStudies.Count);
        Assert.Equal(7, caseStudies.Select(c => c.GetProperty("themeSlug").GetString()).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20), caseStudies.Select(c => c.GetProperty("number").GetInt32()).Order());
        Assert.Equal(20, (await app.ChangesOfAsync(slug)).Count);
        // The seed's footnote marks (”, ®, * glued to sentence ends) are gone from the text and counted in the report.
        Assert.DoesNotContain(caseStudies, c => c.GetProperty("text").GetString()!.Contains('\u201D'));
        var report = version.GetProperty("report").GetString()!;
        Assert.Equal(35, (await app.GetJsonAsync("api/reports/" + report)).GetProperty("footnoteMarksRemoved").GetInt32());
        var text = await app.ReportTextAsync(report);
        Assert.Contains("20 case studies in 7 themes", text);
        Assert.Contains("35 footnote marks were removed from the text.", text);
    }

    [Fact]
    public async Task ARedeliveredTriggerWritesNothingNew()
    {
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var etag = (await app.Briefings.GetBlobClient(name).GetPropertiesAsync()).Value.ETag;
        var redelivered = new TaskCompletionSource<BlobTriggerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnProcessed(BlobTriggerOutcome outcome)
        {
            if (outcome.BlobName == name)
            {
                redelivered.TrySetResult(outcome);
            }
        }

        // Without its receipt the host triggers on the same blob version again, as a redelivered event would.
        var function = FunctionId.For(IngestBriefingFunction.Name);
        await Eventually.Async(() => app.Host.Receipts.ExistsAsync(function, app.Briefings.Name, name, BlobReceipts.Quoted(etag), CancellationToken.None), e => e, "the host's receipt");
        app.Host.BlobProcessed += OnProcessed;
        try
        {
            Assert.True(await app.Host.Receipts.DeleteAsync(function, app.Briefings.Name, name, BlobReceipts.Quoted(etag), CancellationToken.None));
            var again = await redelivered.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(again.Succeeded, again.LastResult.Error);
            Assert.Equal(1, again.Attempts);
        }
        finally
        {
            app.Host.BlobProcessed -= OnProcessed;
        }

        var receipt = await app.ReceiptAsync(slug, etag.ToString());
        Assert.Equal((IngestStatus.Completed, 1, 1), (receipt!.Status, receipt.Attempts, receipt.AttemptsEnded));
        Assert.Equal(20, (await app.ChangesOfAsync(slug)).Count);
        Assert.Single((await app.BriefingAsync(slug)).GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task ReuploadingTheSameBytesRecordsAVersionWithNoChanges()
    {
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);

        var briefing = await app.IngestAsync(name, SeedBriefing.Bytes, version: 2);

        var versions = briefing.GetProperty("versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var latest = versions[0];
        Assert.Equal((0, 0, 0, 20), (latest.GetProperty("new").GetInt32(), latest.GetProperty("changed").GetInt32(), latest.GetProperty("removed").GetInt32(), latest.GetProperty("unchanged").GetInt32()));
        Assert.Equal(20, (await app.ChangesOfAsync(slug)).Count);
    }

    [Fact]
    public async Task ALaterVersionRecordsExactlyItsNewChangedAndRemovedCaseStudies()
    {
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var afterFirst = DateTimeOffset.UtcNow;

        await app.IngestAsync(name, SeedBriefing.LaterVersion, version: 2);

        var changes = await app.ChangesOfAsync(slug, afterFirst);
        var byKind = changes.ToLookup(c => c.GetProperty("kind").GetString());
        var added = Assert.Single(byKind["new"]);
        Assert.Contains("community hub in Plymouth", added.GetProperty("text").GetString());
        Assert.Equal(3, added.GetProperty("number").GetInt32());
        var changed = Assert.Single(byKind["changed"]);
        Assert.Contains("Scottish Violence Reduction Unit", changed.GetProperty("text").GetString());
        var pieces = changed.GetProperty("diff").EnumerateArray().Select(p => (Kind: p.GetProperty("kind").GetString(), Text: p.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(pieces, p => p.Kind == "deleted" && p.Text.Contains("39", StringComparison.Ordinal));
        Assert.Contains(pieces, p => p.Kind == "inserted" && p.Text.Contains("41", StringComparison.Ordinal));
        var removed = Assert.Single(byKind["removed"]);
        Assert.Contains("Cleveland", removed.GetProperty("text").GetString());
        Assert.Equal(3, changes.Count);

        var caseStudies = await app.CaseStudiesOfAsync(slug);
        Assert.Equal(20, caseStudies.Count);
        Assert.DoesNotContain(caseStudies, c => c.GetProperty("key").GetString() == removed.GetProperty("key").GetString());
        var history = await app.GetJsonAsync($"api/case-studies/{changed.GetProperty("key").GetString()}");
        Assert.Equal(["changed", "new"], history.GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("briefing").GetString() == slug).Select(h => h.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("garbage.pdf", "%PDF-1.7\n\u0001\u0002 this is not really a pdf \u00ff")]
    [InlineData("binary.docx", "PK\u0003\u0004\u0000\u0000garbage")]
    public async Task AnUnreadableVersionIsReportedAndThePreviousVersionStaysCurrent(string file, string content)
    {
        var name = AppFixture.UniqueBriefingName(file);
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(Path.ChangeExtension(name, ".txt"), SeedBriefing.Bytes, version: 1);

        var outcome = await app.UploadAndSettleAsync(name, Encoding.Latin1.GetBytes(content));

        Assert.Equal(IngestStatus.Failed, outcome.Status);
        var briefing = await app.BriefingAsync(slug);
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        var failure = Assert.Single(briefing.GetProperty("failures").EnumerateArray());
        Assert.Contains(name, failure.GetProperty("error").GetString() + failure.GetProperty("report").GetString(), StringComparison.Ordinal);
        var report = await app.ReportTextAsync(failure.GetProperty("report").GetString()!);
        Assert.Contains("FAILED: the document could not be read", report);
        Assert.Contains("Version 1 stays current", report);
        Assert.Equal(20, (await app.CaseStudiesOfAsync(slug)).Count);
    }

    [Fact]
    public async Task AScannedPdfFailsSayingItHasNoTextLayerAndThePreviousVersionStaysCurrent()
    {
        var renderings = RepositoryRoot.Combine("tests", "Pcc.Briefings.Tests", "Fixtures", "Renderings");
        var name = AppFixture.UniqueBriefingName("briefing.pdf");
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(name, File.ReadAllBytes(Path.Combine(renderings, "seed-columns2-serif.pdf")), version: 1);

        var outcome = await app.UploadAndSettleAsync(name, File.ReadAllBytes(Path.Combine(renderings, "seed-scan.pdf")));

        Assert.Equal(IngestStatus.Failed, outcome.Status);
        var briefing = await app.BriefingAsync(slug);
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        var failure = Assert.Single(briefing.GetProperty("failures").EnumerateArray());
        var report = await app.ReportTextAsync(failure.GetProperty("report").GetString()!);
        Assert.Contains("- NoTextLayer at page 1: The PDF has no text layer", report, StringComparison.Ordinal);
        Assert.Contains("Upload the document the PDF was made from", report, StringComparison.Ordinal);
        Assert.Contains("Version 1 stays current", report, StringComparison.Ordinal);
        Assert.Equal(20, (await app.CaseStudiesOfAsync(slug)).Count);
    }

    [Fact]
    public async Task AnIngestWhileStorageIsUnavailableFailsTheInvocationSoTheHostRetries()
    {
        // Service-level: the worker's own storage must answer for it to start, so only the function meets a closed port.
        var closed = FreePort.Next();
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;";
        await using var services = await HostlessApp.CreateAsync(connectionString: unreachable);
        var function = new IngestBriefingFunction(services.GetRequiredService<BriefingIngestor>());

        await Assert.ThrowsAnyAsync<Exception>(() => function.RunAsync(services.Briefings.GetBlobClient(SeedBriefing.Name), CancellationToken.None));
    }

    [Fact]
    public async Task ACaseStudyInTwoBriefingsIngestedAtOnceIsOneCatalogueEntryListingBoth()
    {
        var prefix = Guid.NewGuid().ToString("N")[..12];
        var (writeUp, briefing) = ($"{prefix}-{SeedBriefing.WriteUpName}", $"{prefix}-{SeedBriefing.Name}");
        var (writeUpSlug, briefingSlug) = (AppFixture.SlugOf(writeUp), AppFixture.SlugOf(briefing));

        await Task.WhenAll(app.UploadAsync(writeUp, SeedBriefing.WriteUp), app.UploadAsync(briefing, SeedBriefing.Bytes));
        await Task.WhenAll(app.WaitForVersionAsync(writeUpSlug, 1), app.WaitForVersionAsync(briefingSlug, 1));

        var caseStudies = await app.CaseStudiesOfAsync(writeUpSlug, briefingSlug);
        Assert.Equal(20, caseStudies.Count);
        var warwickshire = Assert.Single(caseStudies, c => c.GetProperty("text").GetString()!.Contains("Benn Partnership", StringComparison.Ordinal));
        var sources = warwickshire.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains(writeUpSlug, sources);
        Assert.Contains(briefingSlug, sources);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheBriefingSpeaksForTheCaseStudiesItNumbersWhicheverDocumentCameFirst(bool briefingFirst)
    {
        var prefix = Guid.NewGuid().ToString("N")[..12];
        var (writeUp, briefing) = ($"{prefix}-{SeedBriefing.WriteUpName}", $"{prefix}-{SeedBriefing.Name}");
        var (writeUpSlug, briefingSlug) = (AppFixture.SlugOf(writeUp), AppFixture.SlugOf(briefing));
        var uploads = briefingFirst
            ? new[] { (briefing, briefingSlug, SeedBriefing.Bytes), (writeUp, writeUpSlug, SeedBriefing.WriteUp) }
            : [(writeUp, writeUpSlug, SeedBriefing.WriteUp), (briefing, briefingSlug, SeedBriefing.Bytes)];
        var start = DateTimeOffset.UtcNow;
        foreach (var (name, slug, bytes) in uploads)
        {
            await app.UploadAsync(name, bytes);
            await app.WaitForVersionAsync(slug, 1);
        }

        var expected = BriefingParser.Default.Parse(SeedBriefing.Bytes, briefing).Value.CaseStudies.Where(c => c.Number is 1 or 2).ToList();
        var shared = (await app.CaseStudiesOfAsync(writeUpSlug)).OrderBy(c => c.GetProperty("number").GetInt32()).ToList();
        Assert.Equal(2, shared.Count);
        Assert.All(expected.Zip(shared), pair =>
        {
            var (want, got) = pair;
            Assert.Equal(want.Number, got.GetProperty("number").GetInt32());
            Assert.Equal(want.Text, got.GetProperty("text").GetString());
            Assert.Equal(briefingSlug, got.GetProperty("briefing").GetString());
            var also = got.GetProperty("alsoReportedIn").EnumerateArray().Select(s => s.GetProperty("slug").GetString()).ToList();
            Assert.Contains(writeUpSlug, also);
            Assert.DoesNotContain(briefingSlug, also);
        });

        // A restatement after the briefing is no change of the case study; after a restatement, the briefing's arrival is.
        if (briefingFirst)
        {
            Assert.Empty(await app.ChangesOfAsync(writeUpSlug, start));
        }
        else
        {
            var arrivals = (await app.ChangesOfAsync(briefingSlug, start)).Where(c => c.GetProperty("kind").GetString() == "new").Select(c => c.GetProperty("key").GetString());
            Assert.All(shared, c => Assert.Contains(c.GetProperty("key").GetString(), arrivals));
        }
    }

    [Fact]
    public async Task ARetryOfAnIngestThatStoppedBeforeItsPlanTakesAFreshTimestamp()
    {
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        string etag;
        // Holding the catalogue lock keeps the worker's attempt waiting after it has counted itself; meanwhile its
        // receipt is made to look like one an earlier attempt left two days ago, stopped before writing its plan.
        await using (await CatalogueLock.AcquireAsync(store, TimeSpan.FromSeconds(30), CancellationToken.None))
        {
            etag = await app.UploadAsync(name, SeedBriefing.Bytes);
            var receipt = (await app.WaitForReceiptAsync(slug, etag, r => r.Attempts == 1, "the attempt to be counted"))!;
            receipt.Version = 1;
            receipt.IngestedAt = twoDaysAgo;
            receipt.Report = IngestionPaths.Report(slug, twoDaysAgo, IngestionPaths.Sanitise(etag));
            await store.Ingestions.UpdateEntityAsync(receipt, receipt.ETag);
        }

        await app.WaitForVersionAsync(slug, 1);

        Assert.Equal(20, (await app.ChangesOfAsync(slug, DateTimeOffset.UtcNow.AddHours(-1))).Count);
    }
}
