using Pcc.Storage.Tables;

namespace Pcc.Storage.Tests.Tables;

public sealed class QueryFilterTests
{
    [Fact]
    public void StringValuesAreQuotedWithInnerQuotesDoubled()
    {
        var name = "O'Brien";
        Assert.Equal("LastName eq 'O''Brien'", TableClient.CreateQueryFilter($"LastName eq {name}"));
    }

    [Fact]
    public void AnInjectionAttemptStaysOneStringLiteral()
    {
        var pk = "x' or PartitionKey ne 'x";
        Assert.Equal("PartitionKey eq 'x'' or PartitionKey ne ''x'", TableClient.CreateQueryFilter($"PartitionKey eq {pk}"));
    }

    [Fact]
    public void EachTypeIsWrittenAsItsODataLiteral()
    {
        var when = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(1));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        string? nothing = null;

        var filter = TableClient.CreateQueryFilter(
            $"B eq {true} and I eq {42} and L eq {9007199254740993L} and D eq {2.0} and F eq {0.25} and T ge {when} and G eq {id} and X eq {new byte[] { 0x0A, 0xFF }} and N eq {nothing}");

        Assert.Equal(
            "B eq true and I eq 42 and L eq 9007199254740993L and D eq 2.0 and F eq 0.25 and T ge datetime'2026-11-23T07:30:00.0000000Z' " +
            "and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and X eq X'0aff' and N eq null",
            filter);
    }

    [Fact]
    public void UtcDateTimeIsWrittenLikeTheEquivalentOffset()
    {
        var when = new DateTime(2026, 11, 23, 7, 30, 0, DateTimeKind.Utc);
        Assert.Equal("Timestamp lt datetime'2026-11-23T07:30:00.0000000Z'", TableClient.CreateQueryFilter($"Timestamp lt {when}"));
    }

    [Fact]
    public void UnsupportedValueTypesAreRejected()
    {
        var value = new Uri("https://example.org");
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"U eq {value}"));
    }
}
