using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>
/// The hourly allowance of emails per address, on the app's services with a clock the test moves (the worker runs on
/// the real clock), against the run's Azurite with tables and containers of its own.
/// </summary>
public sealed class AddressAllowanceTests
{
    [Fact]
    public async Task AnAddressThatHadItsThreeEmailsGetsAnotherAnHourLater()
    {
        var time = new FakeTimeProvider();
        var mail = new RecordingEmailTransport();
        await using var services = await HostlessApp.CreateAsync(time, services: s => s.AddSingleton<IEmailTransport>(mail));
        var subscriptions = services.GetRequiredService<SubscriptionService>();
        const string Address = "target@example.org";

        for (var i = 0; i < 10; i++)
        {
            await subscriptions.RequestAsync(Address, [Themes.Drugs], DigestFrequency.Daily);
        }

        Assert.Equal(3, mail.To(Address).Count);

        time.Advance(TimeSpan.FromMinutes(59));
        await subscriptions.RequestAsync(Address, [Themes.Drugs], DigestFrequency.Daily);
        Assert.Equal(3, mail.To(Address).Count);

        time.Advance(TimeSpan.FromMinutes(2));
        await subscriptions.RequestAsync(Address, [Themes.Drugs], DigestFrequency.Daily);
        Assert.Equal(4, mail.To(Address).Count);
        Assert.Equal(SubscriptionMailer.ConfirmationCategory, mail.To(Address)[^1].Category);
    }
}
