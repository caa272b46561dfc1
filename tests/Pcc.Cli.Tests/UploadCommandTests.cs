using Azure.Storage.Blobs;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Cli.Tests;

/// <summary><c>pcc upload --note … --editorial</c> puts what the editor says in the blob's metadata, where the ingest reads it.</summary>
public sealed class UploadCommandTests
{
    [Fact]
    public async Task TheNoteAndTheCorrectionsOnlyMarkTravelWithTheUpload()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var settings = UniqueStorage.Settings(id);
        var azurite = await Azurite.GetAsync();
        StorageSettings.Overrides = settings;
        const string note = "Spelling fixed in case study 3 \u2014 no new facts (100% editorial)";

        var run = Pcc.Run("upload", Pcc.Seed(SeedBriefing.Name), "--name", "corrected.txt", "--note", note, "--editorial", "--connection", azurite.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        var blobs = new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
        var blob = blobs.GetBlobContainerClient(settings["Storage:BriefingsContainer"]).GetBlobClient("corrected.txt");
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(new UploadNote(note, true), UploadNote.Read(metadata));
    }
}
