namespace BrandHub.Core.Content;

/// <summary>The variables every email template may use without declaring them: filled in by BrandHub for each recipient.</summary>
public static class BuiltInVariables
{
    public static readonly IReadOnlyList<string> ContactFields = ["firstName", "lastName", "email", "phone", "country", "city", "language", "timezone"];
    public static readonly IReadOnlyList<string> LinkFields = ["unsubscribeUrl", "preferencesUrl"];
    public static readonly IReadOnlyList<string> TenantFields = ["name"];

    /// <summary>The roots of every path: the built-in three and the message's own <c>data</c>.</summary>
    public static readonly IReadOnlyList<string> Roots = ["contact", "data", "links", "tenant"];

    /// <summary>Null when the built-in path exists, else why not. <paramref name="path"/> excludes <c>data</c> paths.</summary>
    public static string? Check(IReadOnlyList<string> path)
    {
        if (path.Count == 1) return null; // the object itself, e.g. {{#with contact}}
        return path[0] switch
        {
            "contact" when path[1] == "attributes" => path.Count <= 3 ? null : "contact.attributes.<name> has no fields below it",
            "contact" => Field(path, ContactFields, "contact", "; custom fields are contact.attributes.<name>"),
            "links" => Field(path, LinkFields, "links", ""),
            "tenant" => Field(path, TenantFields, "tenant", ""),
            _ => $"paths start with {string.Join(", ", Roots.Select(r => r + "."))}",
        };
    }

    private static string? Field(IReadOnlyList<string> path, IReadOnlyList<string> fields, string root, string hint) =>
        path.Count == 2 && fields.Contains(path[1]) ? null : $"the {root} fields are {string.Join(", ", fields)}{hint}";
}
