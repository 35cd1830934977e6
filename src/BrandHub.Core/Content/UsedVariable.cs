namespace BrandHub.Core.Content;

/// <summary>How a template reads a variable, which decides the shape its value must have.</summary>
public enum VariableUse { Value, Condition, Iterated, Scope }

/// <summary>
/// A variable a template reads, as an absolute path from the model root. <c>[]</c> marks "each item of":
/// <c>data.items[].name</c> is what <c>{{this.name}}</c> reads inside <c>{{#each data.items}}</c>.
/// </summary>
public sealed record UsedVariable(IReadOnlyList<string> Segments, VariableUse Use, TemplatePosition Position)
{
    public string Path => string.Join('.', Segments).Replace(".[]", "[]", StringComparison.Ordinal);

    /// <summary>The path without item markers, as declarations name it.</summary>
    public IReadOnlyList<string> Plain => Segments.Where(s => s != "[]").ToList();
}
