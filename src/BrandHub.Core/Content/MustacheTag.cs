namespace BrandHub.Core.Content;

/// <summary>What a <c>{{…}}</c> tag does, read from its sigil.</summary>
public enum MustacheKind
{
    /// <summary><c>{{x}}</c>, <c>{{helper a b}}</c>.</summary>
    Expression,
    /// <summary><c>{{#if x}}</c>, <c>{{#each x}}</c>.</summary>
    BlockOpen,
    /// <summary><c>{{^x}}</c>: an inverted section.</summary>
    InverseOpen,
    /// <summary><c>{{/if}}</c>.</summary>
    BlockClose,
    /// <summary><c>{{else}}</c>, <c>{{^}}</c>, <c>{{else if x}}</c>.</summary>
    Else,
    /// <summary><c>{{! …}}</c>, <c>{{!-- … --}}</c>.</summary>
    Comment,
    /// <summary><c>{{{x}}}</c>, <c>{{&amp;x}}</c>: unescaped output.</summary>
    Raw,
    /// <summary><c>{{&gt; partial}}</c>, decorators and other forms BrandHub does not support.</summary>
    Unsupported,
}

/// <summary>One <c>{{…}}</c> tag of a template, where it is and what it says (sigils and <c>~</c> stripped from <see cref="Body"/>).</summary>
public sealed record MustacheTag(int Start, int Length, MustacheKind Kind, string Body, TemplatePosition Position)
{
    public string Text(string source) => source.Substring(Start, Length);
}

/// <summary>A 1-based line and column in a template part, for error messages the editor can point at.</summary>
public readonly record struct TemplatePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}

/// <summary>A problem at a place in a template part.</summary>
public sealed record TemplateProblem(TemplatePosition Position, string Message)
{
    public override string ToString() => $"{Message} (at {Position})";
}
