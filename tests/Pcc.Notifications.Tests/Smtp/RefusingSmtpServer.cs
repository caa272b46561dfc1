using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pcc.Notifications.Tests.Smtp;

/// <summary>
/// A minimal SMTP server (RFC 5321 replies only) that answers RCPT TO for addresses starting with <c>refused</c>
/// with 550 and <c>busy</c> with 450, and accepts everything else. MailDev accepts every recipient, so refusals need this.
/// </summary>
internal sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public RefusingSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Delivered { get; private set; }

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
            await ServeAsync(client.GetStream());
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 refusing.test ESMTP");
        while (await reader.ReadLineAsync(_stopping.Token) is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO") || command.StartsWith("HELO"))
            {
                await writer.WriteLineAsync("250 refusing.test");
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
}
