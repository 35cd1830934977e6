using System.Globalization;
using System.Text.Json;
using BrandHub.Core.Audience;

namespace BrandHub.Core.Segments;

/// <summary>What parsing criteria produced: the tree when valid, else every error with its JSON path.</summary>
public sealed record ParsedCriteria(Criterion? Criterion, IReadOnlyList<FieldError> Errors, IReadOnlyList<SegmentReference> References)
{
    public bool IsValid => Criterion is not null && Errors.Count == 0;
}

/// <summary>
/// Reads the criteria JSON (see docs/SEGMENTS.md) into a <see cref="Criterion"/> tree, checking every field against the
/// <see cref="FieldCatalogue"/>, every operator against the field's type and every value against the operator, and
/// reporting each problem at its JSON path (<c>criteria.all[1].op</c>) so the editor can point at it.
/// </summary>
public sealed class CriteriaParser(FieldCatalogue catalogue)
{
    public const int MaxDepth = 10, MaxConditions = 200, MaxListValues = 500, MaxDays = 36500, MaxText = 1000;

    private readonly List<FieldError> errors = [];
    private readonly List<SegmentReference> references = [];
    private int conditions;

    public static ParsedCriteria Parse(JsonElement json, FieldCatalogue catalogue, string path = "criteria") =>
        new CriteriaParser(catalogue).Run(json, path);

    private ParsedCriteria Run(JsonElement json, string path)
    {
        var criterion = Node(json, path, 1);
        if (conditions > MaxConditions) errors.Add(new(path, $"Criteria may hold at most {MaxConditions} conditions."));
        return new ParsedCriteria(errors.Count == 0 ? criterion : null, errors, references);
    }

    private static readonly string[] NodeKeys = ["all", "any", "not", "field", "consent", "event", "segment"];

    private Criterion? Node(JsonElement json, string path, int depth)
    {
        if (json.ValueKind != JsonValueKind.Object)
            return Fail(path, "A criterion is an object: {\"all\":[…]}, {\"any\":[…]}, {\"not\":{…}}, {\"field\":…}, {\"consent\":…}, {\"event\":…} or {\"segment\":…}.");
        if (depth > MaxDepth) return Fail(path, $"Criteria nest at most {MaxDepth} levels deep.");
        var kinds = json.EnumerateObject().Select(p => p.Name).Where(NodeKeys.Contains).ToList();
        if (kinds.Count != 1)
            return Fail(path, kinds.Count == 0
                ? "Say what this criterion is: all, any, not, field, consent, event or segment."
                : $"One criterion per object; this one has {string.Join(" and ", kinds)}.");
        return kinds[0] switch
        {
            "all" or "any" => Group(json, kinds[0], path, depth),
            "not" => Not(json, path, depth),
            "field" => Field(json, path),
            "consent" => Consent(json, path),
            "event" => Event(json, path),
            _ => Segment(json, path),
        };
    }

    private Criterion? Group(JsonElement json, string kind, string path, int depth)
    {
        if (!OnlyKeys(json, path, kind)) return null;
        var items = json.GetProperty(kind);
        if (items.ValueKind != JsonValueKind.Array) return Fail($"{path}.{kind}", "A list of criteria.");
        var parsed = new List<Criterion>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (Node(item, $"{path}.{kind}[{i++}]", depth + 1) is { } c) parsed.Add(c);
        }
        return kind == "all" ? new AllOf(parsed) : new AnyOf(parsed);
    }

    private Criterion? Not(JsonElement json, string path, int depth)
    {
        if (!OnlyKeys(json, path, "not")) return null;
        return Node(json.GetProperty("not"), $"{path}.not", depth + 1) is { } inner ? new NoneOf(inner) : null;
    }

    private Criterion? Consent(JsonElement json, string path)
    {
        conditions++;
        if (!OnlyKeys(json, path, "consent")) return null;
        var value = json.GetProperty("consent");
        if (value.ValueKind != JsonValueKind.String || !ConsentWireNames.TryParseChannel(value.GetString(), out var channel))
            return Fail($"{path}.consent", $"Consent channel must be one of: {string.Join(", ", ConsentWireNames.ChannelNames)}.");
        return new ConsentCondition(channel);
    }

    private Criterion? Segment(JsonElement json, string path)
    {
        conditions++;
        if (!OnlyKeys(json, path, "segment")) return null;
        var value = json.GetProperty("segment");
        if (value.ValueKind != JsonValueKind.String || !Guid.TryParse(value.GetString(), out var id))
            return Fail($"{path}.segment", "A segment id (a UUID).");
        references.Add(new SegmentReference(id, $"{path}.segment"));
        return new SegmentCondition(id);
    }

    private Criterion? Field(JsonElement json, string path)
    {
        conditions++;
        if (!OnlyKeys(json, path, "field", "op", "value")) return null;
        var fieldJson = json.GetProperty("field");
        if (fieldJson.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(fieldJson.GetString()))
            return Fail($"{path}.field", "A field name, e.g. email, tags, attributes.tier or metrics.orders.");
        var name = fieldJson.GetString()!;
        if (!catalogue.TryFind(name, out var field))
            return Fail($"{path}.field", name.StartsWith(FieldCatalogue.AttributePrefix, StringComparison.Ordinal)
                ? $"Unknown attribute '{name[FieldCatalogue.AttributePrefix.Length..]}'. Declare it first with POST /api/v1/contacts/attributes."
                : name.StartsWith(FieldCatalogue.MetricPrefix, StringComparison.Ordinal)
                    ? "Unknown metric; metrics are orders, revenue, lastOrderAt and lastSeenAt."
                    : $"Unknown field '{name}'. Fields: {string.Join(", ", catalogue.Names.Where(n => !n.StartsWith(FieldCatalogue.AttributePrefix, StringComparison.Ordinal)))}, attributes.<name>.");
        var allowed = FieldCatalogue.OperatorsFor(field.Kind);
        if (Operator(json, path, allowed, $"{Describe(field.Kind)} field {name}") is not { } op) return null;
        var values = Values(json, path, op, field.Kind, field);
        return values is null ? null : new FieldCondition(field, op, values);
    }

    private Criterion? Event(JsonElement json, string path)
    {
        conditions++;
        if (!OnlyKeys(json, path, "event", "op", "value", "withinLastDays", "where")) return null;
        var nameJson = json.GetProperty("event");
        var name = nameJson.ValueKind == JsonValueKind.String ? nameJson.GetString()?.Trim() : null;
        var ok = true;
        if (string.IsNullOrEmpty(name) || name.Length > 100) { errors.Add(new($"{path}.event", "An event name of 1–100 characters, e.g. purchase.")); ok = false; }

        var op = EventOperator.CountGte;
        if (!json.TryGetProperty("op", out var opJson))
        {
            errors.Add(new($"{path}.op", $"An operator is required: {string.Join(", ", CriteriaOperators.EventOperatorNames)}."));
            ok = false;
        }
        else if (opJson.ValueKind != JsonValueKind.String || !CriteriaOperators.TryParse(opJson.GetString(), out op))
        {
            errors.Add(new($"{path}.op", $"Event operators are {string.Join(", ", CriteriaOperators.EventOperatorNames)}."));
            ok = false;
        }

        var count = 1;
        if (ok && op != EventOperator.None)
        {
            if (!json.TryGetProperty("value", out var countJson) || countJson.ValueKind == JsonValueKind.Null)
            { errors.Add(new($"{path}.value", "How many times: a whole number."));
                ok = false; }
            else if (countJson.ValueKind != JsonValueKind.Number || !countJson.TryGetInt32(out count) || count < (op == EventOperator.CountLt ? 1 : 0) || count > 1_000_000)
            { errors.Add(new($"{path}.value", "How many times: a whole number from 1 to 1,000,000."));
                ok = false; }
        }
        else if (json.TryGetProperty("value", out var extra) && extra.ValueKind != JsonValueKind.Null && op == EventOperator.None)
        { errors.Add(new($"{path}.value", "'none' takes no count."));
            ok = false; }

        int? days = null;
        if (json.TryGetProperty("withinLastDays", out var daysJson) && daysJson.ValueKind != JsonValueKind.Null)
        {
            if (daysJson.ValueKind != JsonValueKind.Number || !daysJson.TryGetInt32(out var d) || d < 1 || d > MaxDays)
            { errors.Add(new($"{path}.withinLastDays", $"A whole number of days from 1 to {MaxDays}."));
                ok = false; }
            else days = d;
        }

        var where = new List<PropertyCondition>();
        if (json.TryGetProperty("where", out var whereJson) && whereJson.ValueKind != JsonValueKind.Null)
        {
            if (whereJson.ValueKind != JsonValueKind.Array) { errors.Add(new($"{path}.where", "A list of property conditions.")); ok = false; }
            else
            {
                var i = 0;
                foreach (var item in whereJson.EnumerateArray())
                {
                    conditions++;
                    if (Property(item, $"{path}.where[{i++}]") is { } p) where.Add(p);
                    else ok = false;
                }
            }
        }
        return ok ? new EventCondition(name!, op, count, days, where) : null;
    }

    private PropertyCondition? Property(JsonElement json, string path)
    {
        if (json.ValueKind != JsonValueKind.Object) return FailProperty(path, "A property condition: {\"field\":\"sku\",\"op\":\"eq\",\"value\":\"A-1\"}.");
        if (!OnlyKeys(json, path, "field", "op", "value")) return null;
        if (!json.TryGetProperty("field", out var fieldJson) || fieldJson.ValueKind != JsonValueKind.String)
            return FailProperty($"{path}.field", "An event property name, or revenue.");
        var name = fieldJson.GetString()!;
        string? property = name == "revenue" ? null : name.StartsWith("properties.", StringComparison.Ordinal) ? name["properties.".Length..] : name;
        if (property is not null && !IsPropertyName(property))
            return FailProperty($"{path}.field", "Property names are letters, digits and _ (up to 64, not starting with a digit).");
        if (Operator(json, path, FieldCatalogue.PropertyOperators, property is null ? "event revenue" : "event properties") is not { } op) return null;
        var values = Values(json, path, op, property is null ? FieldKind.Money : null, null);
        return values is null ? null : new PropertyCondition(property, op, values);
    }

    private CriteriaOperator? Operator(JsonElement json, string path, IReadOnlyList<CriteriaOperator> allowed, string what)
    {
        var names = string.Join(", ", allowed.Select(CriteriaOperators.Format));
        if (!json.TryGetProperty("op", out var opJson) || opJson.ValueKind != JsonValueKind.String)
        { errors.Add(new($"{path}.op", $"An operator is required: {names}."));
            return null; }
        if (!CriteriaOperators.TryParse(opJson.GetString(), out CriteriaOperator op))
        { errors.Add(new($"{path}.op", $"Unknown operator '{opJson.GetString()}'; for {what} use one of: {names}."));
            return null; }
        if (!allowed.Contains(op))
        { errors.Add(new($"{path}.op", $"'{opJson.GetString()}' does not apply to {what}; use one of: {names}."));
            return null; }
        return op;
    }

    /// <param name="kind">The field's kind, or null for an untyped event property (the JSON type decides).</param>
    private List<object>? Values(JsonElement json, string path, CriteriaOperator op, FieldKind? kind, FieldDefinition? field)
    {
        var at = $"{path}.value";
        var has = json.TryGetProperty("value", out var value) && value.ValueKind != JsonValueKind.Null;
        if (CriteriaOperators.IsPresence(op))
        {
            if (has) { errors.Add(new(at, $"'{CriteriaOperators.Format(op)}' takes no value.")); return null; }
            return [];
        }
        if (!has) { errors.Add(new(at, $"A value is required for '{CriteriaOperators.Format(op)}'.")); return null; }

        switch (op)
        {
            case CriteriaOperator.WithinLastDays:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var days) || days < 1 || days > MaxDays)
                { errors.Add(new(at, $"A whole number of days from 1 to {MaxDays}."));
                    return null; }
                return [days];
            case CriteriaOperator.Between:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
                { errors.Add(new(at, "Two values [from, to].")); return null; }
                var pair = value.EnumerateArray().Select((v, i) => Scalar(v, $"{at}[{i}]", kind, field)).ToList();
                if (pair.Any(v => v is null)) return null;
                if (Compare(pair[0]!, pair[1]!) > 0) { errors.Add(new(at, "The first value must not be after the second.")); return null; }
                return pair!;
            case CriteriaOperator.In:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > MaxListValues)
                { errors.Add(new(at, $"A list of 1–{MaxListValues} values.")); return null; }
                var list = value.EnumerateArray().Select((v, i) => Scalar(v, $"{at}[{i}]", kind, field)).ToList();
                return list.Any(v => v is null) ? null : list.Distinct().ToList()!;
            default:
                if (kind is null && op is CriteriaOperator.Gt or CriteriaOperator.Gte or CriteriaOperator.Lt or CriteriaOperator.Lte
                    && value.ValueKind != JsonValueKind.Number)
                { errors.Add(new(at, "Comparisons on event properties take a number.")); return null; }
                if ((kind is null or FieldKind.Text or FieldKind.Tags) && op == CriteriaOperator.Contains && value.ValueKind != JsonValueKind.String)
                { errors.Add(new(at, "Expected text.")); return null; }
                return Scalar(value, at, kind, field) is { } one ? [one] : null;
        }
    }

    private object? Scalar(JsonElement v, string at, FieldKind? kind, FieldDefinition? field)
    {
        switch (kind)
        {
            case null:
                return v.ValueKind switch
                {
                    JsonValueKind.String when v.GetString()!.Length <= MaxText => v.GetString()!,
                    JsonValueKind.Number => v.GetDecimal(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => FailValue(at, "Expected text, a number or true/false."),
                };
            case FieldKind.Text or FieldKind.Code or FieldKind.Tags:
                if (v.ValueKind != JsonValueKind.String || v.GetString()!.Length is 0 or > MaxText)
                    return FailValue(at, $"Expected text (1–{MaxText} characters).");
                var s = v.GetString()!;
                if (field?.Normalise is { } normalise) s = normalise(s.Trim());
                if (field?.Allowed is { } allowed && !allowed.Contains(s))
                    return FailValue(at, $"Must be one of: {string.Join(", ", allowed)}.");
                return s;
            case FieldKind.Number or FieldKind.Money:
                return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : FailValue(at, "Expected a number.");
            case FieldKind.Bool:
                return v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => FailValue(at, "Expected true or false.") };
            case FieldKind.Date:
                return v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date : FailValue(at, "Expected a date, yyyy-MM-dd.");
            case FieldKind.Instant:
                if (v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                    return new InstantRange(from, from.AddDays(1));
                }
                if (v.ValueKind == JsonValueKind.String && v.GetString()!.Contains('T')
                    && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                    return new InstantRange(t.ToUniversalTime(), t.ToUniversalTime().AddMilliseconds(1));
                return FailValue(at, "Expected a date (yyyy-MM-dd) or a date and time in ISO 8601 (2026-01-31T09:00:00Z).");
            default:
                return FailValue(at, "This value is not valid here.");
        }
    }

    private static int Compare(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (InstantRange x, InstantRange y) => x.From.CompareTo(y.From),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => 0,
    };

    private bool OnlyKeys(JsonElement json, string path, params string[] keys)
    {
        var ok = true;
        foreach (var p in json.EnumerateObject())
            if (!keys.Contains(p.Name)) { errors.Add(new($"{path}.{p.Name}", $"Unknown key '{p.Name}' here; expected {string.Join(", ", keys)}.")); ok = false; }
        return ok;
    }

    private static bool IsPropertyName(string s) =>
        s.Length is > 0 and <= 64 && !char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.Text or FieldKind.Code => "text",
        FieldKind.Tags => "the tags",
        FieldKind.Number => "number",
        FieldKind.Money => "amount",
        FieldKind.Bool => "yes/no",
        FieldKind.Date => "date",
        _ => "date-time",
    };

    private Criterion? Fail(string path, string message) { errors.Add(new(path, message)); return null; }
    private PropertyCondition? FailProperty(string path, string message) { errors.Add(new(path, message)); return null; }
    private object? FailValue(string path, string message) { errors.Add(new(path, message)); return null; }
}
