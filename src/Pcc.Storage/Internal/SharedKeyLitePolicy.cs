using System.Globalization;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pcc.Storage.Internal;

/// <summary>
/// Signs table requests with SharedKeyLite: <c>x-ms-date + "\n" + "/" + account + path [+ "?comp=" + value]</c>
/// ("Shared Key Lite (Table service)" in https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
/// </summary>
internal sealed class SharedKeyLitePolicy(StorageSharedKeyCredential credential, TimeProvider? timeProvider = null) : HttpPipelineSynchronousPolicy
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public override void OnSendingRequest(HttpMessage message)
    {
        var date = _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var signature = credential.ComputeHmacSha256(BuildStringToSign(message.Request.Uri.ToUri(), date, credential.AccountName));
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKeyLite {credential.AccountName}:{signature}");
    }

    internal static string BuildStringToSign(Uri uri, string date, string accountName)
    {
        var resource = "/" + accountName + uri.AbsolutePath;
        var comp = HttpUtility.ParseQueryString(uri.Query)["comp"];
        return comp is null ? $"{date}\n{resource}" : $"{date}\n{resource}?comp={comp}";
    }
}
