using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrandHub.Core.Content;

/// <summary>
/// Turns a JSON model into the plain objects Handlebars.Net reads (dictionaries, lists, strings, numbers, booleans).
/// Strings lose C0 control characters on the way: they mean nothing in an email, and keeping them out lets the
/// renderer use them as markers no recipient's data can forge.
/// </summary>
public static class TemplateModel
{
    public static Dictionary<string, object?> From(JsonObject model)
    {
        var result = new Dictionary<string, object?>(model.Count, StringComparer.Ordinal);
        foreach (var (key, value) in model) result[key] = Convert(value);
        return result;
    }

    private static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => From(o),
        JsonArray a => a.Select(Convert).ToList(),
        JsonValue v when v.TryGetValue<JsonElement>(out var e) => e.ValueKind switch // parsed JSON: the common, fast path
        {
            JsonValueKind.String => Clean(e.GetString()!),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.TryGetDecimal(out var d) ? d : e.GetDouble(),
            _ => null,
        },
        JsonValue v when v.TryGetValue<string>(out var s) => Clean(s),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Clean(v.GetValue<string>()),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(v),
            JsonValueKind.Null => null,
            _ => Clean(v.ToJsonString()),
        },
        _ => null,
    };

    /// <summary>Whole numbers as long, others as decimal (which keeps "12.50" as written), whatever CLR type backs the node.</summary>
    private static object Number(JsonValue v)
    {
        if (v.TryGetValue<JsonElement>(out var e)) return e.TryGetInt64(out var l) ? l : e.TryGetDecimal(out var d) ? d : e.GetDouble();
        if (v.TryGetValue<int>(out var i)) return (long)i;
        if (v.TryGetValue<long>(out var l2)) return l2;
        if (v.TryGetValue<decimal>(out var d2)) return d2;
        if (v.TryGetValue<double>(out var x)) return x;
        return decimal.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : v.ToJsonString();
    }

    public static string Clean(string s)
    {
        var i = 0;
        for (; i < s.Length; i++) if (IsControl(s[i])) break;
        if (i == s.Length) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!IsControl(c)) sb.Append(c);
        return sb.ToString();
    }

    private static bool IsControl(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == TemplateMarkup.TokenStart || c == TemplateMarkup.TokenEnd;
}
