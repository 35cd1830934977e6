namespace BrandHub.Core.Content;

/// <summary>
/// The save-time check of a template: Handlebars structure, no unknown helpers, and every variable either built in or
/// declared — so a typo is caught while the marketer is editing, never when the email is sent.
/// </summary>
public static class EmailTemplateCheck
{
    public sealed record Result(IReadOnlyList<FieldError> Errors, IReadOnlyList<(string Field, UsedVariable Variable)> Used)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Result Check(EmailTemplateSource template)
    {
        var errors = new List<FieldError>();
        var used = new List<(string, UsedVariable)>();
        errors.AddRange(CheckDeclarations(template.Variables));
        foreach (var (field, source) in template.Parts())
        {
            var analysis = TemplateVariables.Analyse(source);
            foreach (var problem in analysis.Problems) errors.Add(new(field, problem.ToString()));
            foreach (var variable in analysis.Used)
            {
                used.Add((field, variable));
                if (Unknown(variable, template.Variables) is { } why)
                    errors.Add(new(field, $"Unknown variable \"{variable.Path}\" at {variable.Position}: {why}"));
            }
        }
        return new(errors, used);
    }

    /// <summary>Null when the variable is built in or declared, else what to do about it.</summary>
    public static string? Unknown(UsedVariable variable, IReadOnlyList<DeclaredVariable> declared)
    {
        var plain = variable.Plain;
        if (plain[0] == "data")
        {
            if (plain.Count == 1) return null;
            var path = plain.Skip(1).ToList();
            foreach (var d in declared)
            {
                var segments = d.Segments;
                var common = Math.Min(segments.Length, path.Count);
                if (segments.Take(common).SequenceEqual(path.Take(common))) return null; // one is a prefix of the other
            }
            return $"declare \"{string.Join('.', path)}\" as a data variable of the template";
        }
        if (BuiltInVariables.Roots.Contains(plain[0])) return BuiltInVariables.Check(plain);
        var inItem = variable.Segments.Contains("[]");
        return inItem
            ? "inside {{#each}} paths are relative to the item; reach the top with @root. (e.g. @root.contact.firstName)"
            : $"paths start with {string.Join(", ", BuiltInVariables.Roots.Select(r => r + "."))}";
    }

    private static IEnumerable<FieldError> CheckDeclarations(IReadOnlyList<DeclaredVariable> declared)
    {
        if (declared.Count > DeclaredVariable.MaxCount)
            yield return new(EmailTemplateSource.VariablesField, $"At most {DeclaredVariable.MaxCount} variables.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < declared.Count; i++)
        {
            var name = declared[i].Name;
            var field = $"{EmailTemplateSource.VariablesField}[{i}].name";
            if (!DeclaredVariable.IsValidName(name))
                yield return new(field, "A dotted path of letters, digits and _ (e.g. order.number), up to 200 characters, without the data. prefix.");
            else if (!seen.Add(name)) yield return new(field, $"\"{name}\" is declared twice.");
        }
    }
}
