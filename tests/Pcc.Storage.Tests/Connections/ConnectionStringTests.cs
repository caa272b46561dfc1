namespace Pcc.Storage.Tests.Connections;

public sealed class ConnectionStringTests
{
    [Fact]
    public void DevelopmentStorageMeansTheThreeLocalEmulatorEndpoints()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", parsed.BlobEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", parsed.QueueEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", parsed.TableEndpoint.AbsoluteUri);
        Assert.Equal("devstoreaccount1", parsed.Credential.AccountName);
    }

    [Fact]
    public void AnAccountKeyStringWithoutEndpointsPointsAtTheAccountsPublicEndpoints()
    {
        var parsed = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=pccstore;AccountKey=a2V5;EndpointSuffix=core.windows.net");

        Assert.Equal("https://pccstore.blob.core.windows.net/", parsed.BlobEndpoint.AbsoluteUri);
        Assert.Equal("https://pccstore.queue.core.windows.net/", parsed.QueueEndpoint.AbsoluteUri);
        Assert.Equal("https://pccstore.table.core.windows.net/", parsed.TableEndpoint.AbsoluteUri);
        Assert.Equal("pccstore", parsed.Credential.AccountName);
    }

    [Fact]
    public void TheEndpointSuffixAndProtocolAreHonoured()
    {
        var parsed = StorageConnectionString.Parse("DefaultEndpointsProtocol=http;AccountName=pccstore;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("http://pccstore.blob.core.chinacloudapi.cn/", parsed.BlobEndpoint.AbsoluteUri);
        Assert.Equal("http://pccstore.queue.core.chinacloudapi.cn/", parsed.QueueEndpoint.AbsoluteUri);
    }

    [Fact]
    public void ClientsBuiltFromAConnectionStringAddTheirNameToTheEndpoint()
    {
        const string connection = "AccountName=pccstore;AccountKey=a2V5";

        Assert.Equal("https://pccstore.blob.core.windows.net/briefings", new Pcc.Storage.Blobs.BlobContainerClient(connection, "briefings").Uri.AbsoluteUri);
        Assert.Equal("https://pccstore.queue.core.windows.net/ingest", new Pcc.Storage.Queues.QueueClient(connection, "ingest").Uri.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/briefings",
            new Pcc.Storage.Blobs.BlobContainerClient("UseDevelopmentStorage=true", "briefings").Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("AccountKey=a2V5", "AccountName")]
    [InlineData("AccountName=pccstore", "AccountKey")]
    [InlineData("AccountName=pccstore;AccountKey=not base64!", "base64")]
    [InlineData("AccountName=pccstore;AccountKey=a2V5;BlobEndpoint=not a uri", "BlobEndpoint")]
    [InlineData("AccountName=pccstore;justtext", "'justtext'")]
    [InlineData(";;", "empty")]
    [InlineData("AccountName=pccstore;SharedAccessSignature=sv=2021", "SharedAccessSignature")]
    public void MalformedStringsFailNamingWhatIsWrong(string connectionString, string named)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public void AMalformedStringFailsTheClientConstructorsToo()
    {
        Assert.Throws<FormatException>(() => new Pcc.Storage.Blobs.BlobContainerClient("AccountName=x", "c"));
        Assert.Throws<FormatException>(() => new Pcc.Storage.Queues.QueueClient("AccountName=x", "q"));
    }
}
