using System.Globalization;
using System.Text;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Glyph names, as used in /Differences arrays (ISO 32000-1 §9.6.6.2), to Unicode: the Latin names of the Adobe
/// Glyph List that briefings use, accented letters named as base letter plus accent, and the uniXXXX / uXXXXX forms.
/// </summary>
internal static class GlyphNames
{
    /// <summary>The text a glyph name stands for, or null when the name is not known (such as g123 or cid45).</summary>
    public static string? ToUnicode(string glyphName)
    {
        // A suffix after a period names a variant of the same character (§9.10.2 and the glyph list's naming rules).
        var name = glyphName.Split('.')[0];
        if (name.Length == 0)
            return null;
        if (Names.TryGetValue(name, out var text))
            return text;
        if (name.StartsWith("uni", StringComparison.Ordinal) && name.Length >= 7 && (name.Length - 3) % 4 == 0)
            return FromHexUnits(name.AsSpan(3));
        if (name.StartsWith('u') && name.Length is >= 5 and <= 7
            && int.TryParse(name.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var scalar)
            && Rune.IsValid(scalar))
            return char.ConvertFromUtf32(scalar);
        if (name.Contains('_'))
        {
            // A ligature named by its parts, such as f_f_i.
            var parts = name.Split('_').Select(ToUnicode).ToArray();
            return parts.All(p => p is not null) ? string.Concat(parts) : null;
        }
        return null;
    }

    private static string? FromHexUnits(ReadOnlySpan<char> hex)
    {
        var text = new StringBuilder();
        for (var i = 0; i < hex.Length; i += 4)
        {
            if (!ushort.TryParse(hex.Slice(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                return null;
            text.Append((char)unit);
        }
        return text.ToString();
    }

    private static Dictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 'A'; c <= 'Z'; c++)
        {
            names[c.ToString()] = c.ToString();
            names[char.ToLowerInvariant(c).ToString()] = char.ToLowerInvariant(c).ToString();
        }
        string[] digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        for (var i = 0; i < digits.Length; i++)
            names[digits[i]] = ((char)('0' + i)).ToString();
        foreach (var (name, text) in Named)
            names[name] = text;
        AddAccentedLetters(names);
        return names;
    }

    /// <summary>Names such as eacute, Wcircumflex, scaron and gcommaaccent, derived from the Unicode decomposition.</summary>
    private static void AddAccentedLetters(Dictionary<string, string> names)
    {
        for (var code = 0x00C0; code <= 0x024F; code++)
        {
            var text = ((char)code).ToString();
            var decomposed = text.Normalize(NormalizationForm.FormD);
            if (decomposed.Length != 2 || !char.IsAsciiLetter(decomposed[0]) || !Accents.TryGetValue(decomposed[1], out var accent))
                continue;
            names.TryAdd(decomposed[0] + accent, text);
        }
    }

    private static readonly Dictionary<char, string> Accents = new()
    {
        ['\u0300'] = "grave", ['\u0301'] = "acute", ['\u0302'] = "circumflex", ['\u0303'] = "tilde",
        ['\u0304'] = "macron", ['\u0306'] = "breve", ['\u0307'] = "dotaccent", ['\u0308'] = "dieresis",
        ['\u030A'] = "ring", ['\u030B'] = "hungarumlaut", ['\u030C'] = "caron", ['\u0326'] = "commaaccent",
        ['\u0327'] = "cedilla", ['\u0328'] = "ogonek",
    };

    private static readonly (string Name, string Text)[] Named =
    [
        ("space", " "), ("exclam", "!"), ("quotedbl", "\""), ("numbersign", "#"), ("dollar", "$"), ("percent", "%"),
        ("ampersand", "&"), ("quotesingle", "'"), ("parenleft", "("), ("parenright", ")"), ("asterisk", "*"),
        ("plus", "+"), ("comma", ","), ("hyphen", "-"), ("period", "."), ("slash", "/"), ("colon", ":"),
        ("semicolon", ";"), ("less", "<"), ("equal", "="), ("greater", ">"), ("question", "?"), ("at", "@"),
        ("bracketleft", "["), ("backslash", "\\"), ("bracketright", "]"), ("asciicircum", "^"), ("underscore", "_"),
        ("grave", "`"), ("braceleft", "{"), ("bar", "|"), ("braceright", "}"), ("asciitilde", "~"),
        ("nbspace", "\u00A0"), ("nonbreakingspace", "\u00A0"), ("exclamdown", "¡"), ("cent", "¢"), ("sterling", "£"),
        ("currency", "¤"), ("yen", "¥"), ("brokenbar", "¦"), ("section", "§"), ("dieresis", "¨"), ("copyright", "©"),
        ("ordfeminine", "ª"), ("guillemotleft", "«"), ("guillemetleft", "«"), ("logicalnot", "¬"), ("sfthyphen", "\u00AD"),
        ("registered", "®"), ("macron", "¯"), ("degree", "°"), ("plusminus", "±"), ("twosuperior", "²"),
        ("threesuperior", "³"), ("acute", "´"), ("mu", "µ"), ("paragraph", "¶"), ("periodcentered", "·"),
        ("cedilla", "¸"), ("onesuperior", "¹"), ("ordmasculine", "º"), ("guillemotright", "»"), ("guillemetright", "»"),
        ("onequarter", "¼"), ("onehalf", "½"), ("threequarters", "¾"), ("questiondown", "¿"), ("AE", "Æ"), ("ae", "æ"),
        ("Eth", "Ð"), ("eth", "ð"), ("Oslash", "Ø"), ("oslash", "ø"), ("Thorn", "Þ"), ("thorn", "þ"),
        ("germandbls", "ß"), ("multiply", "×"), ("divide", "÷"), ("dotlessi", "ı"), ("Lslash", "Ł"), ("lslash", "ł"),
        ("OE", "Œ"), ("oe", "œ"), ("florin", "ƒ"), ("circumflex", "ˆ"), ("caron", "ˇ"), ("breve", "˘"),
        ("dotaccent", "˙"), ("ring", "˚"), ("ogonek", "˛"), ("tilde", "˜"), ("hungarumlaut", "˝"),
        ("endash", "–"), ("emdash", "—"), ("figuredash", "‒"), ("horizontalbar", "―"), ("quoteleft", "‘"),
        ("quoteright", "’"), ("quotesinglbase", "‚"), ("quotereversed", "‛"), ("quotedblleft", "“"),
        ("quotedblright", "”"), ("quotedblbase", "„"), ("dagger", "†"), ("daggerdbl", "‡"), ("bullet", "•"),
        ("ellipsis", "…"), ("perthousand", "‰"), ("minute", "′"), ("second", "″"), ("guilsinglleft", "‹"),
        ("guilsinglright", "›"), ("fraction", "⁄"), ("Euro", "€"), ("euro", "€"), ("trademark", "™"), ("minus", "−"),
        ("ff", "ff"), ("fi", "fi"), ("fl", "fl"), ("ffi", "ffi"), ("ffl", "ffl"), ("st", "st"),
        ("arrowright", "→"), ("arrowleft", "←"), ("lessequal", "≤"), ("greaterequal", "≥"), ("notequal", "≠"),
        ("approxequal", "≈"), ("infinity", "∞"), ("periodcentered.loclCAT", "·"), ("middot", "·"), ("checkmark", "✓"),
        ("square", "■"), ("H22073", "□"), ("H18533", "●"), ("H18543", "▪"), ("H18551", "▫"), ("circle", "○"),
        ("triagrt", "►"), ("lozenge", "◊"), ("numero", "№"), ("afii61352", "№"), ("estimated", "℮"),
    ];

    // Declared last: static fields initialise in order, and the table is built from the ones above.
    private static readonly Dictionary<string, string> Names = Build();
}
