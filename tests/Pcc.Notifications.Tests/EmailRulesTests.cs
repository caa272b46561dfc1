using Pcc.Notifications.Email;

namespace Pcc.Notifications.Tests;

public sealed class EmailRulesTests
{
    [Theory]
    [InlineData("reader@example.org")]
    [InlineData("first.last+digest@mail.example.org")]
    [InlineData("o'brien@example.org")]
    public void AnOrdinaryAddressIsSendable(string address) => Assert.True(EmailRules.IsValidAddress(address));

    [Theory]
    [InlineData("not an address")]
    [InlineData("Reader <reader@example.org>")]
    [InlineData("reader@localhost")]
    [InlineData("reader@@example.org")]
    [InlineData("reader@example..org")]
    [InlineData("reader@example.org.")]
    [InlineData(".reader@example.org")]
    [InlineData("re..ader@example.org")]
    [InlineData("reader.@example.org")]
    [InlineData("reader@")]
    [InlineData("@example.org")]
    [InlineData("")]
    public void AnAddressSendGridWouldRefuseIsRefusedBeforeSending(string address) => Assert.False(EmailRules.IsValidAddress(address));
}
