using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pcc.Notifications.Tests.Smtp;

/// <summary>
/// A minimal SMTP server (RFC 5321 replies only) that answers RCPT TO for addresses starting with <c>refused</c>
/// with 550 and <c>busy</c> with 450, and accepts everything else. MailDev accepts every recipient, so refusals need this.
/// Given a login, it offers AUTH PLAIN (RFC 4616) and refuses mail until that login succeeds.
/// </summary>
internal sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly (string User, string Password)? _login;
    private readonly Task _accepting;

    public RefusingSmtpServer((string User, string Password)? login = null)
    {
        _login = login;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Delivered { get; private set; }

    /// <summary>Each AUTH attempt, as "user:password".</summary>
    public List<string> Logins { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            try
            {
                await ServeAsync(client.GetStream());
            }
            catch (IOException)
            {
                // The client hung up (a TLS client that met plain text, say): serve the next one.
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 refusing.test ESMTP");
        var authenticated = _login is null;
        while (await reader.ReadLineAsync(_stopping.Token) is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO") && _login is not null)
            {
                await writer.WriteLineAsync("250-refusing.test");
                await writer.WriteLineAsync("250 AUTH PLAIN");
            }
            else if (command.StartsWith("EHLO") || command.StartsWith("HELO"))
            {
                await writer.WriteLineAsync("250 refusing.test");
            }
            else if (command.StartsWith("AUTH PLAIN"))
            {
                var response = line.Length > "AUTH PLAIN ".Length ? line["AUTH PLAIN ".Length..] : await AskAsync(reader, writer);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                Logins.Add($"{parts[1]}:{parts[2]}");
                authenticated = _login is { } login && parts[1] == login.User && parts[2] == login.Password;
                await writer.WriteLineAsync(authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
            }
            else if (command.StartsWith("MAIL FROM") && !authenticated)
            {
                await writer.WriteLineAsync("530 5.7.0 Authentication required");
            }
            else if (command.StartsWith("RCPT TO:<REFUSED"))
            {
                await writer.WriteLineAsync("550 5.1.1 No such mailbox");
            }
            else if (command.StartsWith("RCPT TO:<BUSY"))
            {
                await writer.WriteLineAsync("450 4.2.1 Mailbox busy, try later");
            }
            else if (command == "DATA")
            {
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                while (await reader.ReadLineAsync(_stopping.Token) is { } data && data != ".")
                {
                }

                Delivered++;
                await writer.WriteLineAsync("250 2.0.0 Queued");
            }
            else if (command == "QUIT")
            {
                await writer.WriteLineAsync("221 Bye");
                return;
            }
            else
            {
                await writer.WriteLineAsync("250 OK");
            }
        }
    }

    private async Task<string> AskAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync(_stopping.Token) ?? "";
    }
}
