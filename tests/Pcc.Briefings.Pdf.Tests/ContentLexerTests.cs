using System.Text;
using Pcc.Briefings.Reading.Pdf;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>The content stream tokenizer (ISO 32000-1 §7.2, §7.3), which keeps strings as raw bytes.</summary>
public sealed class ContentLexerTests
{
    [Fact]
    public void LiteralStringsKeepNestedParenthesesAndDecodeEscapes()
    {
        var operand = Single(@"(a (nested) \(escaped\) \101\12 tab\tend\
continued) Tj");

        Assert.Equal("a (nested) (escaped) A\n tab\tendcontinued", Encoding.Latin1.GetString(operand.Bytes));
    }

    [Fact]
    public void HexStringsIgnoreWhiteSpaceAndPadAnOddDigit()
    {
        Assert.Equal([0xFE, 0xFF, 0x00, 0x41, 0x70], Single("<FE FF 00\n41 7> Tj").Bytes);
    }

    [Fact]
    public void StringBytesAreNotReinterpretedAsText()
    {
        // Two-byte codes that happen to begin with a byte order mark stay codes.
        Assert.Equal([0xFE, 0xFF, 0x0D, 0x0A], Single("<FEFF0D0A> Tj").Bytes);
    }

    [Fact]
    public void InlineImageDataIsSkipped()
    {
        var data = Encoding.Latin1.GetBytes("BI /W 2 /H 1 /BPC 8 /CS /G ID \x28\x29 Tj EI Q BT (after) Tj ET");

        var operators = new ContentLexer(data).ReadInstructions().Select(i => i.Operator);

        Assert.Equal(["BI", "Q", "BT", "Tj", "ET"], operators);
    }

    [Fact]
    public void MalformedInputEndsWithoutThrowing()
    {
        var data = Encoding.Latin1.GetBytes("] >> ) 1 2 [ (unclosed <41 /N#4");

        var instructions = new ContentLexer(data).ReadInstructions().ToList();

        Assert.Empty(instructions);
    }

    [Fact]
    public void ArraysAndNamesAreOperands()
    {
        var instruction = new ContentLexer(Encoding.Latin1.GetBytes("/F#31 12 Tf [(A) -250 (B)] TJ")).ReadInstructions().ToList();

        Assert.Equal("F1", instruction[0].Operands[0].Name);
        Assert.Equal(12, instruction[0].Number(1));
        Assert.Equal([OperandKind.String, OperandKind.Number, OperandKind.String], instruction[1].Operands[0].Items.Select(i => i.Kind));
        Assert.Equal(-250, instruction[1].Operands[0].Items[1].Number);
    }

    private static ContentOperand Single(string content) =>
        new ContentLexer(Encoding.Latin1.GetBytes(content)).ReadInstructions().Single().Operands.Single();
}
