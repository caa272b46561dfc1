using Pcc.Briefings.Reading;

namespace Pcc.Briefings;

/// <summary>
/// One case study: an example of what a Police and Crime Commissioner did, filed under a theme. This is also the
/// plain record the comparer works on, so stored case studies can be compared with a new parse.
/// </summary>
/// <param name="Key">Stable identity: lower-case letters, digits and hyphens; survives renumbering, re-wrapping and small edits.</param>
/// <param name="Number">The number the document gives it ("Case study 3:"), or null when it is unlabelled.</param>
/// <param name="ThemeSlug">The slug of its theme.</param>
/// <param name="ThemeName">The display name of its theme.</param>
/// <param name="Title">A short title: the first sentence or its first clause, at most about 90 characters.</param>
/// <param name="Text">The full text without the "Case study N:" label, on one line, hyphenation and wrapping healed.</param>
/// <param name="Location">Where it starts in its document; null for stored records.</param>
public sealed record CaseStudy(string Key, int? Number, string ThemeSlug, string ThemeName, string Title, string Text, SourceLocation? Location = null);
