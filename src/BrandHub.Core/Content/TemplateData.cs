using System.Text.Json.Nodes;

namespace BrandHub.Core.Content;

/// <summary>
/// The queue-time check of a message's <c>data</c> against the template: every required variable present and not null
/// (in every item, for a variable under a list), and values shaped the way the template reads them (a list where it
/// iterates, an object where it reads fields). Errors are keyed <c>data.&lt;name&gt;</c>.
/// </summary>
public static class TemplateData
{
    public static IReadOnlyDictionary<string, string[]> Validate(JsonObject? data, IReadOnlyList<DeclaredVariable> declared, IReadOnlyList<UsedVariable> used)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string message) { if (!errors.TryGetValue(key, out var l)) errors[key] = l = []; if (!l.Contains(message)) l.Add(message); }

        foreach (var variable in declared.Where(v => v.Required))
            foreach (var (node, path) in Walk(data, variable.Segments, "data"))
                if (node is null) Add("data." + variable.Name, $"Required by the template{(path == "data." + variable.Name ? "" : $" (missing at {path})")}.");

        foreach (var variable in used.Where(u => u.Segments[0] == "data"))
        {
            var segments = variable.Segments.Skip(1).ToList();
            for (var i = 0; i < segments.Count; i++)
            {
                if (segments[i] == "[]") continue;
                var next = i + 1 < segments.Count ? segments[i + 1] : null;
                var expected = next == "[]" ? "a list" : next is not null ? "an object" : variable.Use == VariableUse.Scope ? "an object" : null;
                if (expected is null) continue;
                var prefix = segments.Take(i + 1).Where(s => s != "[]").ToArray();
                foreach (var (node, path) in Walk(data, prefix, "data"))
                {
                    var ok = node switch
                    {
                        null => true,
                        JsonArray => expected == "a list",
                        JsonObject => true, // #each iterates an object's values too
                        _ => false,
                    };
                    if (!ok) Add("data." + string.Join('.', prefix), $"Must be {expected}: the template reads {variable.Path} (at {path}).");
                }
            }
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>
    /// The nodes at a path, fanning out over lists so <c>items.name</c> visits every item's name. Yields null (with where)
    /// for each place the path ends early.
    /// </summary>
    private static IEnumerable<(JsonNode? Node, string Path)> Walk(JsonNode? node, IReadOnlyList<string> segments, string at, int from = 0)
    {
        if (from == segments.Count) { yield return (node, at); yield break; }
        if (node is JsonArray list && from > 0)
        {
            for (var i = 0; i < list.Count; i++)
                foreach (var x in Walk(list[i], segments, $"{at}[{i}]", from)) yield return x;
            yield break;
        }
        if (node is not JsonObject obj) { yield return (null, at + "." + segments[from]); yield break; }
        obj.TryGetPropertyValue(segments[from], out var child);
        foreach (var x in Walk(child, segments, at + "." + segments[from], from + 1)) yield return x;
    }

    /// <summary>A <c>data</c> object built from the declared samples, for previews.</summary>
    public static JsonObject Sample(IReadOnlyList<DeclaredVariable> declared)
    {
        var root = new JsonObject();
        foreach (var v in declared.Where(v => v.Sample is not null).OrderBy(v => v.Segments.Length))
        {
            var node = root;
            var segments = v.Segments;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (node[segments[i]] is not JsonObject child) { child = new JsonObject(); node[segments[i]] = child; }
                node = child;
            }
            node[segments[^1]] = v.Sample!.DeepClone();
        }
        return root;
    }
}
