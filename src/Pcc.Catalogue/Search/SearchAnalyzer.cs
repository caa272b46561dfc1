using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Pcc.Catalogue.Search;

/// <summary>
/// How the index and the queries read text: Unicode words (UAX #29), English possessives dropped, folded as
/// <see cref="FoldedText"/> folds (case and accents ignored), English stop words dropped, Porter stems ("offenders"
/// and "re-offending" both give <c>offend</c>). Emoji and lone surrogates are not words and are skipped.
/// </summary>
public sealed class SearchAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The one instance: analyzers keep their token streams per thread, so it is shared.</summary>
    public static SearchAnalyzer Instance { get; } = new();

    /// <summary>The terms of <paramref name="text"/> in order, with their positions and where they are in the text.</summary>
    public IReadOnlyList<AnalyzedTerm> Terms(string text) => [.. Read(text)];

    /// <summary>The terms of <paramref name="text"/> as they are read: a caller may stop early.</summary>
    public IEnumerable<AnalyzedTerm> Read(string text)
    {
        using var stream = GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            yield return new AnalyzedTerm(term.ToString(), position, offset.StartOffset, offset.EndOffset);
        }

        stream.End();
    }

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var words = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, words);
        stream = new FoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(words, stream);
    }

    // By hand rather than LowerCaseFilter + ASCIIFoldingFilter: FoldedText's rule (decompose, drop the marks) is the one
    // search has always had, and it strips accents in every script, where ASCIIFoldingFilter knows only Latin letters.
    private sealed class FoldingFilter(TokenStream input) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var buffer = _term.Buffer;
            for (var i = 0; i < _term.Length; i++)
            {
                if (buffer[i] >= 128)
                {
                    var folded = FoldedText.Of(_term.ToString()).Text;
                    _term.SetEmpty().Append(folded);
                    return true;
                }

                if (buffer[i] is >= 'A' and <= 'Z')
                {
                    buffer[i] = (char)(buffer[i] + 32);
                }
            }

            return true;
        }
    }
}

/// <summary>A term of an analyzed text: the stem, its position among the terms, and the range of the text it came from.</summary>
public sealed record AnalyzedTerm(string Term, int Position, int Start, int End);
