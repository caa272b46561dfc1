using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// One operation's response inside a transaction's <c>multipart/mixed</c> response: the status line, headers and
/// body of an embedded <c>HTTP/1.1</c> response.
/// </summary>
internal sealed class TransactionResponse : Response
{
    private readonly List<HttpHeader> _headers;

    private TransactionResponse(int status, string reason, List<HttpHeader> headers, byte[] body, string? clientRequestId)
    {
        Status = status;
        ReasonPhrase = reason;
        _headers = headers;
        ContentStream = new MemoryStream(body, writable: false);
        ClientRequestId = clientRequestId ?? string.Empty;
    }

    public override int Status { get; }

    public override string ReasonPhrase { get; }

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; }

    public override void Dispose() => ContentStream?.Dispose();

    /// <summary>
    /// The embedded responses in order. Every <c>HTTP/1.1 nnn</c> status line starts one; its headers run to the first
    /// empty line and its body to the next multipart boundary line (<c>--...</c>).
    /// </summary>
    public static IReadOnlyList<TransactionResponse> Parse(Response outer)
    {
        outer.Headers.TryGetValue("x-ms-client-request-id", out var clientRequestId);
        return Parse(outer.Content.ToString(), clientRequestId);
    }

    public static IReadOnlyList<TransactionResponse> Parse(string text, string? clientRequestId)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var responses = new List<TransactionResponse>();
        for (var i = 0; i < lines.Length; i++)
        {
            var statusLine = lines[i].Split(' ', 3);
            if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(statusLine[1], out var status))
            {
                continue;
            }

            var headers = new List<HttpHeader>();
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    headers.Add(new HttpHeader(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
                }
            }

            var body = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            i--;
            var bytes = Encoding.UTF8.GetBytes(body.ToString().TrimEnd('\n'));
            responses.Add(new TransactionResponse(status, statusLine.Length > 2 ? statusLine[2] : string.Empty, headers, bytes, clientRequestId));
        }

        return responses;
    }

    protected override bool ContainsHeader(string name) => _headers.Any(h => Is(h, name));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = _headers.Where(h => Is(h, name)).Select(h => h.Value).FirstOrDefault();
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.Where(h => Is(h, name)).Select(h => h.Value).ToArray();
        values = found.Length > 0 ? found : null;
        return values is not null;
    }

    private static bool Is(HttpHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
