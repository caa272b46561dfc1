using Xunit;

namespace Pcc.Testing;

/// <summary>Class fixture giving a test class the run's shared MailDev.</summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private MailDev? _mailDev;

    public MailDev MailDev => _mailDev ?? throw new InvalidOperationException("MailDev has not started.");

    /// <summary>An address no other test uses, so tests never read each other's mail.</summary>
    public static string UniqueAddress(string prefix = "reader") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    public async Task InitializeAsync() => _mailDev = await MailDev.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
