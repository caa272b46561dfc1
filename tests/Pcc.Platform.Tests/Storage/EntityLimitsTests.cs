using Pcc.Platform.Storage;

namespace Pcc.Platform.Tests.Storage;

public sealed class EntityLimitsTests
{
    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a\u0007b", "U+0007")]
    public void AKeyWithACharacterTheServiceForbidsIsRefusedNamingIt(string key, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => EntityLimits.ValidateKey("RowKey", key));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void AStringOverSixtyFourKibibytesIsRefusedNamingTheProperty()
    {
        var entity = new Row { PartitionKey = "p", RowKey = "r", Text = new string('x', EntityLimits.MaxStringChars + 1) };

        var error = Assert.Throws<ArgumentException>(() => EntityLimits.Validate(entity));

        Assert.Contains("'Text'", error.Message);
    }

    [Fact]
    public void AnEntityOverOneMebibyteIsRefusedThoughEachStringFits()
    {
        var text = new string('x', EntityLimits.MaxStringChars);
        var entity = new Azure.Data.Tables.TableEntity("p", "r");
        for (var i = 0; i < 16; i++)
        {
            entity[$"Part{i}"] = text;
        }

        var error = Assert.Throws<ArgumentException>(() => EntityLimits.Validate(entity));

        Assert.Contains("1 MiB", error.Message);
    }

    [Fact]
    public void AnEntityWithinTheLimitsPasses()
    {
        EntityLimits.Validate(new Row { PartitionKey = "theme-policing", RowKey = "case-1", Text = new string('x', EntityLimits.MaxStringChars) });
    }

    private sealed class Row : Azure.Data.Tables.ITableEntity
    {
        public string PartitionKey { get; set; } = "";

        public string RowKey { get; set; } = "";

        public DateTimeOffset? Timestamp { get; set; }

        public Azure.ETag ETag { get; set; }

        public string? Text { get; set; }
    }
}
