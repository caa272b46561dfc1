namespace Pcc.Briefings.Reading.Pdf;

/// <summary>An operator with the operands that precede it in a content stream (ISO 32000-1 §7.8.2).</summary>
internal readonly record struct ContentInstruction(string Operator, IReadOnlyList<ContentOperand> Operands)
{
    public double Number(int index, double fallback = 0) =>
        index < Operands.Count && Operands[index].Kind == OperandKind.Number ? Operands[index].Number : fallback;

    /// <summary>The operand counted from the end (0 = last), which is where operators look for their arguments.</summary>
    public ContentOperand? FromEnd(int index) => index < Operands.Count ? Operands[Operands.Count - 1 - index] : null;
}
