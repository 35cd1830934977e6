using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BrandHub.Core.Content;

/// <summary>
/// A variable a template reads from a message's <c>data</c>, declared with the template so a typo fails on save and a
/// missing value fails on queue. Declaring <c>order</c> covers <c>order.number</c> too; a list declared as <c>items</c>
/// covers what <c>{{#each data.items}}</c> reads from its items.
/// </summary>
/// <param name="Name">Dotted path under <c>data</c>, e.g. <c>order.number</c>.</param>
/// <param name="Required">A message without a (non-null) value is refused when it is queued.</param>
/// <param name="Sample">Used by previews when no data is given.</param>
public sealed partial record DeclaredVariable(string Name, bool Required = false, JsonNode? Sample = null)
{
    public const int MaxCount = 200;

    public string[] Segments => Name.Split('.');

    public static bool IsValidName(string? name) => name is { Length: > 0 and <= 200 } && NamePattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex NamePattern();
}
