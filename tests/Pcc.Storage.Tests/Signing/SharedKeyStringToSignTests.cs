using Azure.Core;
using Pcc.Storage.Internal;

namespace Pcc.Storage.Tests.Signing;

/// <summary>
/// The Shared Key string-to-sign, written out in full, per "Authorize with Shared Key"
/// (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
/// </summary>
public sealed class SharedKeyStringToSignTests
{
    [Fact]
    public void APathStylePutOfATwelveByteBlobSignsEveryStandardHeaderSlotAndTheAccountTwice()
    {
        var request = SigningRequests.Create(RequestMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/briefings/a%20b.txt?timeout=30");
        request.Headers.SetValue("Content-Type", "text/plain");
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("If-None-Match", "*");
        request.Content = RequestContent.Create("hello world!"u8.ToArray());

        var stringToSign = SharedKeyPolicy.BuildStringToSign(request, "devstoreaccount1");

        Assert.Equal(
            "PUT\n" +
            "\n" +            // Content-Encoding
            "\n" +            // Content-Language
            "12\n" +          // Content-Length
            "\n" +            // Content-MD5
            "text/plain\n" +  // Content-Type
            "\n" +            // Date (x-ms-date is sent instead)
            "\n" +            // If-Modified-Since
            "\n" +            // If-Match
            "*\n" +           // If-None-Match
            "\n" +            // If-Unmodified-Since
            "\n" +            // Range
            "x-ms-blob-type:BlockBlob\n" +
            "x-ms-date:Mon, 23 Nov 2026 07:30:00 GMT\n" +
            "x-ms-version:2021-12-02\n" +
            "/devstoreaccount1/devstoreaccount1/briefings/a%20b.txt\n" +
            "timeout:30",
            stringToSign);
    }

    [Fact]
    public void AListRequestSignsItsQueryParametersSortedByName()
    {
        var request = SigningRequests.Create(RequestMethod.Get, "http://127.0.0.1:10000/devstoreaccount1/briefings?restype=container&comp=list&prefix=x");

        var stringToSign = SharedKeyPolicy.BuildStringToSign(request, "devstoreaccount1");

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-date:Mon, 23 Nov 2026 07:30:00 GMT\n" +
            "x-ms-version:2021-12-02\n" +
            "/devstoreaccount1/devstoreaccount1/briefings\n" +
            "comp:list\n" +
            "prefix:x\n" +
            "restype:container",
            stringToSign);
    }

    [Fact]
    public void AnEmptyBodySignsAnEmptyContentLength()
    {
        var request = SigningRequests.Create(RequestMethod.Put, "https://pccstore.blob.core.windows.net/briefings/empty");
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Content = RequestContent.Create(Array.Empty<byte>());

        var stringToSign = SharedKeyPolicy.BuildStringToSign(request, "pccstore");

        Assert.Equal(
            "PUT\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-blob-type:BlockBlob\n" +
            "x-ms-date:Mon, 23 Nov 2026 07:30:00 GMT\n" +
            "x-ms-version:2021-12-02\n" +
            "/pccstore/briefings/empty",
            stringToSign);
    }

    [Fact]
    public void HostStyleUrlsNameTheAccountOnceAndQueryNamesAreLowerCasedAndValuesDecoded()
    {
        var request = SigningRequests.Create(RequestMethod.Get, "https://pccstore.queue.core.windows.net/ingest/messages?NumOfMessages=5&VisibilityTimeout=30&popreceipt=AgAA%2BAA%3D");
        request.Headers.SetValue("x-ms-meta-Author", "  pcc  ");
        request.Headers.SetValue("If-Match", "\"0x8DCB1\"");
        request.Headers.SetValue("Range", "bytes=0-99");

        var stringToSign = SharedKeyPolicy.BuildStringToSign(request, "pccstore");

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n" +
            "\"0x8DCB1\"\n" +
            "\n\n" +
            "bytes=0-99\n" +
            "x-ms-date:Mon, 23 Nov 2026 07:30:00 GMT\n" +
            "x-ms-meta-author:pcc\n" +
            "x-ms-version:2021-12-02\n" +
            "/pccstore/ingest/messages\n" +
            "numofmessages:5\n" +
            "popreceipt:AgAA+AA=\n" +
            "visibilitytimeout:30",
            stringToSign);
    }
}
