using Pcc.Storage.Tables;
using Pcc.Storage.Tables.Internal;

namespace Pcc.Storage.Tests.Tables;

/// <summary>
/// Responses in the shape https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions shows
/// for Azure, so the parser does not rely on the emulator's formatting alone.
/// </summary>
public sealed class TransactionResponseParsingTests
{
    [Fact]
    public void ASuccessfulChangesetGivesOneResponsePerOperationWithItsHeaders()
    {
        var body = string.Join("\r\n",
            "--batchresponse_4c637ba4-b2e8-40f8-8e3c-2d3ff5d1b5d8",
            "Content-Type: multipart/mixed; boundary=changesetresponse_5e3e2e2a-1a36-4a38-a4a7-3d2b10d5d12b",
            "",
            "--changesetresponse_5e3e2e2a-1a36-4a38-a4a7-3d2b10d5d12b",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            "",
            "HTTP/1.1 204 No Content",
            "X-Content-Type-Options: nosniff",
            "Cache-Control: no-cache",
            "DataServiceVersion: 1.0;",
            "ETag: W/\"datetime'2026-11-23T07%3A30%3A00.1234567Z'\"",
            "",
            "",
            "--changesetresponse_5e3e2e2a-1a36-4a38-a4a7-3d2b10d5d12b",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            "",
            "HTTP/1.1 204 No Content",
            "X-Content-Type-Options: nosniff",
            "Cache-Control: no-cache",
            "DataServiceVersion: 1.0;",
            "",
            "",
            "--changesetresponse_5e3e2e2a-1a36-4a38-a4a7-3d2b10d5d12b--",
            "--batchresponse_4c637ba4-b2e8-40f8-8e3c-2d3ff5d1b5d8--",
            "");

        var responses = TransactionResponse.Parse(body, "request-1");

        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Equal(204, r.Status));
        Assert.Equal("No Content", responses[0].ReasonPhrase);
        Assert.Equal("W/\"datetime'2026-11-23T07%3A30%3A00.1234567Z'\"", responses[0].Headers.ETag.ToString());
        Assert.Equal("request-1", responses[1].ClientRequestId);
    }

    [Fact]
    public void AFailedChangesetNamesTheFailingOperationInItsMessage()
    {
        var body = string.Join("\r\n",
            "--batchresponse_7d0f2b1e-0b2f-4d8e-9e0c-9f3b1a2c4d5e",
            "Content-Type: multipart/mixed; boundary=changesetresponse_1a2b3c4d-0000-4000-8000-123456789abc",
            "",
            "--changesetresponse_1a2b3c4d-0000-4000-8000-123456789abc",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            "",
            "HTTP/1.1 409 Conflict",
            "X-Content-Type-Options: nosniff",
            "DataServiceVersion: 3.0;",
            "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
            "",
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"3:The specified entity already exists.\\nRequestId:0c1f\\nTime:2026-11-23T07:30:00.0000000Z\"}}}",
            "--changesetresponse_1a2b3c4d-0000-4000-8000-123456789abc--",
            "--batchresponse_7d0f2b1e-0b2f-4d8e-9e0c-9f3b1a2c4d5e--",
            "");

        var failed = Assert.Single(TransactionResponse.Parse(body, null));

        Assert.Equal(409, failed.Status);
        Assert.Equal(3, TableClient.FailedActionIndex(failed, actionCount: 5));
        Assert.Null(TableClient.FailedActionIndex(failed, actionCount: 3));
    }
}
