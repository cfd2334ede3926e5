using System.Text;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>
/// A file pattern relative to a set's root: <c>*</c> and <c>?</c> within one folder, <c>**</c> for any depth,
/// <c>[abc]</c>/<c>[a-z]</c>/<c>[!x]</c> and <c>{bak,zip}</c>. A pattern without '/' matches the file name in
/// any folder. Matching ignores case, as Windows does, so <c>*.bak</c> also finds <c>DUMP.BAK</c>.
/// </summary>
public sealed class Glob
{
    private readonly Regex? _regex;

    // The commonest patterns ("**", "*.bak") are decided without the regex: a set of 100,000 files is
    // matched on every run.
    private readonly bool _matchesAll;
    private readonly string? _suffix;

    private Glob(string pattern, Regex? regex, bool matchesAll, string? suffix)
    {
        Pattern = pattern;
        _regex = regex;
        _matchesAll = matchesAll;
        _suffix = suffix;
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) =>
        _matchesAll || (_suffix is not null ? relativePath.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase) : _regex!.IsMatch(relativePath));

    public override string ToString() => Pattern;

    /// <summary>Every file: what a set includes when it names no pattern.</summary>
    public static Glob All { get; } = new("**", null, matchesAll: true, suffix: null);

    /// <summary>Compiles a pattern, or says in plain words what is wrong with it.</summary>
    public static bool TryParse(string pattern, out Glob? glob, out GlobProblem problem)
    {
        glob = null;
        problem = Validate(pattern);
        if (problem != GlobProblem.None)
        {
            return false;
        }

        var normalized = pattern.Replace('\\', '/');
        if (!normalized.Contains('/'))
        {
            normalized = "**/" + normalized;
        }

        if (normalized is "**" or "**/**")
        {
            glob = new Glob(pattern, null, matchesAll: true, suffix: null);
            return true;
        }

        if (normalized.StartsWith("**/*", StringComparison.Ordinal) && normalized.AsSpan(4).IndexOfAny("*?[]{}/") < 0)
        {
            glob = new Glob(pattern, null, matchesAll: false, suffix: normalized[4..]);
            return true;
        }

        var regex = new StringBuilder("^");
        var segments = normalized.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                // Any number of whole folders (including none); as the last segment, anything below.
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            AppendSegment(regex, segments[i]);
            if (!last)
            {
                regex.Append('/');
            }
        }

        regex.Append('$');
        glob = new Glob(pattern, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline), matchesAll: false, suffix: null);
        return true;
    }

    private static GlobProblem Validate(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return GlobProblem.Empty;
        }

        var p = pattern.Replace('\\', '/');
        if (p.StartsWith('/') || (p.Length >= 2 && p[1] == ':'))
        {
            return GlobProblem.Absolute;
        }

        foreach (var segment in p.Split('/'))
        {
            if (segment.Length == 0)
            {
                return GlobProblem.EmptySegment;
            }

            if (segment == "..")
            {
                return GlobProblem.ParentSegment;
            }

            if (segment.Contains("**", StringComparison.Ordinal) && segment != "**")
            {
                return GlobProblem.DoubleStarNotAlone;
            }
        }

        var inClass = false;
        var braces = 0;
        for (var i = 0; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '[' when !inClass:
                    inClass = true;
                    if (i + 1 < p.Length && p[i + 1] == ']')
                    {
                        return GlobProblem.EmptyClass;
                    }

                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '/' when inClass:
                    return GlobProblem.SlashInGroup;
                case '{' when !inClass:
                    braces++;
                    if (braces > 1)
                    {
                        return GlobProblem.NestedBraces;
                    }

                    break;
                case '}' when !inClass:
                    if (braces == 0)
                    {
                        return GlobProblem.UnopenedBrace;
                    }

                    braces--;
                    break;
                case '/' when braces > 0:
                    return GlobProblem.SlashInGroup;
            }
        }

        if (inClass)
        {
            return GlobProblem.UnclosedClass;
        }

        return braces > 0 ? GlobProblem.UnclosedBrace : GlobProblem.None;
    }

    private static void AppendSegment(StringBuilder regex, string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var end = segment.IndexOf(']', i + 1);
                    var body = segment[(i + 1)..end];
                    regex.Append('[');
                    if (body.StartsWith('!') || body.StartsWith('^'))
                    {
                        regex.Append('^');
                        body = body[1..];
                    }

                    regex.Append(body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal));
                    regex.Append(']');
                    i = end;
                    break;
                case '{':
                    var close = segment.IndexOf('}', i + 1);
                    var options = segment[(i + 1)..close].Split(',');
                    regex.Append("(?:");
                    for (var o = 0; o < options.Length; o++)
                    {
                        if (o > 0)
                        {
                            regex.Append('|');
                        }

                        var inner = new StringBuilder();
                        AppendSegment(inner, options[o]);
                        regex.Append(inner);
                    }

                    regex.Append(')');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }
}
