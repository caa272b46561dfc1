using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Pcc.Storage.Internal;
using Pcc.Storage.Tables;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Tables;

public sealed class SharedKeyLiteSigningTests
{
    private const string Date = "Mon, 23 Nov 2026 07:30:00 GMT";

    [Fact]
    public void StringToSignNamesTheAccountTwiceForPathStyleUrls()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables");

        var stringToSign = SharedKeyLitePolicy.BuildStringToSign(uri, Date, "devstoreaccount1");

        Assert.Equal("Mon, 23 Nov 2026 07:30:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables", stringToSign);
    }

    [Fact]
    public void StringToSignKeepsTheCompParameterAndDropsTheRestOfTheQuery()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/mytable?timeout=30&comp=acl");

        var stringToSign = SharedKeyLitePolicy.BuildStringToSign(uri, Date, "devstoreaccount1");

        Assert.Equal("Mon, 23 Nov 2026 07:30:00 GMT\n/devstoreaccount1/devstoreaccount1/mytable?comp=acl", stringToSign);
    }

    [Fact]
    public void StringToSignUsesTheEncodedEntityPathThatIsSent()
    {
        var uri = new Uri("https://myaccount.table.core.windows.net/orders(PartitionKey='a%20b%27%27c',RowKey='%C3%A9%2B%25')?$select=Name");

        var stringToSign = SharedKeyLitePolicy.BuildStringToSign(uri, Date, "myaccount");

        Assert.Equal("Mon, 23 Nov 2026 07:30:00 GMT\n/myaccount/orders(PartitionKey='a%20b%27%27c',RowKey='%C3%A9%2B%25')", stringToSign);
    }

    [Fact]
    public void AuthorizationHeaderIsTheHmacOfTheStringToSignUnderTheAccountKey()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));
        var policy = new SharedKeyLitePolicy(new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey), time);
        var message = HttpPipelineBuilder.Build(new TableClientOptions()).CreateMessage();
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables"));

        policy.OnSendingRequest(message);

        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(Azurite.AccountKey),
            Encoding.UTF8.GetBytes("Mon, 23 Nov 2026 07:30:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables")));
        Assert.True(message.Request.Headers.TryGetValue("x-ms-date", out var date));
        Assert.Equal(Date, date);
        Assert.True(message.Request.Headers.TryGetValue(HttpHeader.Names.Authorization, out var authorization));
        Assert.Equal($"SharedKeyLite devstoreaccount1:{expected}", authorization);
    }
}
