namespace Pcc.Briefings.Reading.Pdf;

internal enum OperandKind
{
    Number,
    String,
    Name,
    Array,
    Dictionary,
    Other,
}

/// <summary>One operand of a content stream or CMap operator (ISO 32000-1 §7.8.2): strings keep their raw bytes.</summary>
internal sealed class ContentOperand
{
    private static readonly IReadOnlyList<ContentOperand> NoItems = [];

    private ContentOperand(OperandKind kind, double number, byte[]? bytes, string? name, IReadOnlyList<ContentOperand>? items)
    {
        Kind = kind;
        Number = number;
        Bytes = bytes ?? [];
        Name = name ?? "";
        Items = items ?? NoItems;
    }

    public OperandKind Kind { get; }

    public double Number { get; }

    public byte[] Bytes { get; }

    /// <summary>A name without its slash, or the keyword of an <see cref="OperandKind.Other"/> operand.</summary>
    public string Name { get; }

    /// <summary>Array elements; dictionary keys and values alternating.</summary>
    public IReadOnlyList<ContentOperand> Items { get; }

    public static ContentOperand ForNumber(double value) => new(OperandKind.Number, value, null, null, null);

    public static ContentOperand ForString(byte[] value) => new(OperandKind.String, 0, value, null, null);

    public static ContentOperand ForName(string value) => new(OperandKind.Name, 0, null, value, null);

    public static ContentOperand ForArray(IReadOnlyList<ContentOperand> items) => new(OperandKind.Array, 0, null, null, items);

    public static ContentOperand ForDictionary(IReadOnlyList<ContentOperand> items) => new(OperandKind.Dictionary, 0, null, null, items);

    public static ContentOperand ForKeyword(string keyword) => new(OperandKind.Other, 0, null, keyword, null);
}
