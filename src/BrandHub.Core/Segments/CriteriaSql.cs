using System.Text;
using BrandHub.Core.Audience;

namespace BrandHub.Core.Segments;

/// <summary>A criteria tree compiled to a boolean SQL predicate over the contacts row <c>c</c>, with its parameters.</summary>
public sealed record CompiledCriteria(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// Compiles a <see cref="Criterion"/> tree to SQL the database evaluates: every value, attribute name, property name and
/// event name is a parameter, so nothing a user typed ever becomes SQL text. Each leaf is two-valued (never NULL), so
/// <c>not</c> means exactly "everyone else". Consent reads the contact's mask; tags, events, metrics and segment
/// membership are subqueries on the tenant-leading indexes — correlated <c>EXISTS</c> on PostgreSQL, <c>IN</c> lists on
/// SQLite (see <c>Has</c>).
/// </summary>
public sealed class CriteriaSql
{
    private readonly SqlDialect dialect;
    private readonly DateTimeOffset now;
    private readonly string prefix;
    private readonly object? tenant;
    private readonly List<(string Name, object? Value)> parameters = [];
    private int aliases;
    private string? tenantParameter;

    private CriteriaSql(SqlDialect dialect, DateTimeOffset now, string prefix, object? tenant)
    {
        this.dialect = dialect;
        this.now = now;
        this.prefix = prefix;
        this.tenant = tenant;
    }

    /// <param name="now">The instant "within the last N days" counts back from.</param>
    /// <param name="parameterPrefix">Parameter names are <c>@{prefix}0</c>, <c>@{prefix}1</c>…, so several compiled pieces can share a command.</param>
    /// <param name="tenantId">The tenant of the contacts <c>c</c> (in the dialect's storage format), when known: event counts are
    /// then one aggregate over the tenant's events (<c>GROUP BY contact_id HAVING COUNT(*) &gt;= n</c>) the database can
    /// hash-join, instead of a count per contact.</param>
    public static CompiledCriteria Compile(Criterion criterion, SqlDialect dialect, DateTimeOffset now, string parameterPrefix = "sc", object? tenantId = null)
    {
        if (parameterPrefix.Length == 0 || !parameterPrefix.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(parameterPrefix[0]))
            throw new ArgumentException("A parameter prefix is ASCII letters and digits, starting with a letter.", nameof(parameterPrefix));
        var compiler = new CriteriaSql(dialect, now, parameterPrefix, tenantId);
        var sql = compiler.Node(criterion);
        return new CompiledCriteria(sql, compiler.parameters);
    }

    private string Node(Criterion criterion) => criterion switch
    {
        AllOf all => all.Items.Count == 0 ? "1 = 1" : "(" + string.Join(" AND ", all.Items.Select(Node)) + ")",
        AnyOf any => any.Items.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", any.Items.Select(Node)) + ")",
        NoneOf not => $"NOT ({Node(not.Inner)})",
        ConsentCondition consent => Consent(consent),
        SegmentCondition segment => Segment(segment),
        EventCondition e => Event(e),
        FieldCondition f => Field(f),
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion.GetType().Name, "Unknown criterion."),
    };

    private string Param(object? value)
    {
        var name = "@" + prefix + parameters.Count;
        parameters.Add((name, value));
        return name;
    }

    private string Alias(string stem) => stem + aliases++;

    /// <summary>Opted in on the channel: a bit of the contact's <c>consent_mask</c>, kept by database triggers (migration V0008).</summary>
    private string Consent(ConsentCondition consent) => $"(c.consent_mask & {Param(ConsentBit(consent.Channel))}) <> 0";

    /// <summary>The channel's bit in <c>consent_mask</c> and <c>reach_mask</c>: email 1, sms 2, whatsapp 4, push 8, profiling 16.</summary>
    public static int ConsentBit(ConsentChannel channel) => channel switch
    {
        ConsentChannel.Email => 1,
        ConsentChannel.Sms => 2,
        ConsentChannel.WhatsApp => 4,
        ConsentChannel.Push => 8,
        ConsentChannel.Profiling => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "No mask bit for this channel."),
    };

    private string Segment(SegmentCondition segment)
    {
        var a = Alias("sm");
        return Has("segment_members", a, $"{a}.segment_id = {Param(dialect.Guid(segment.SegmentId))}");
    }

    /// <summary>
    /// Whether the contact has (or, <paramref name="negate"/>d, has no) row in <paramref name="table"/> meeting
    /// <paramref name="condition"/>. On PostgreSQL a correlated <c>(NOT) EXISTS</c>, which it turns into a semi- or
    /// anti-join. On SQLite, when the tenant is known, <c>c.id (NOT) IN</c> the tenant's matching rows: SQLite runs a
    /// correlated EXISTS once per contact (a million probes), but evaluates an IN list once (docs/BENCHMARKS.md,
    /// segment-preview). Contact ids are never NULL, so NOT IN means what NOT EXISTS does.
    /// </summary>
    private string Has(string table, string a, string? condition, bool negate = false)
    {
        var and = condition is null ? "" : $" AND {condition}";
        if (!dialect.IsPostgres && tenant is not null)
            return $"c.id {(negate ? "NOT IN" : "IN")} (SELECT {a}.contact_id FROM {table} {a} WHERE {a}.tenant_id = {Tenant()}{and})";
        return $"{(negate ? "NOT EXISTS" : "EXISTS")} (SELECT 1 FROM {table} {a} WHERE {a}.tenant_id = c.tenant_id AND {a}.contact_id = c.id{and})";
    }

    private string Event(EventCondition e)
    {
        var a = Alias("ev");
        // name, time window and properties; the tenant and contact are added per shape below
        var filter = new StringBuilder($"{a}.name = {Param(e.Name)}");
        if (e.WithinLastDays is { } days) filter.Append($" AND {a}.occurred_at >= {Param(dialect.Instant(now.AddDays(-days)))}");
        foreach (var p in e.Where) filter.Append(" AND ").Append(Property(p, a));
        if (e.Op == EventOperator.None) return Has("contact_events", a, filter.ToString(), negate: true);
        if (e.Op == EventOperator.CountGte && e.Count <= 1) return e.Count <= 0 ? "1 = 1" : Has("contact_events", a, filter.ToString());
        if (tenant is null)
            return $"(SELECT COUNT(*) FROM contact_events {a} WHERE {a}.tenant_id = c.tenant_id AND {a}.contact_id = c.id AND {filter}) {(e.Op == EventOperator.CountGte ? ">=" : "<")} {Param((long)e.Count)}";
        // The contacts with at least n matching events, from one pass over the tenant's events (an index range on name and
        // time) rather than a count per contact; "fewer than n" is everyone else (contact ids are never NULL).
        var atLeast = $"SELECT {a}.contact_id FROM contact_events {a} WHERE {a}.tenant_id = {Tenant()} AND {filter} " +
                      $"GROUP BY {a}.contact_id HAVING COUNT(*) >= {Param((long)e.Count)}";
        if (e.Op == EventOperator.CountGte) return $"c.id IN ({atLeast})";
        // PostgreSQL turns NOT EXISTS into an anti-join; NOT IN it would probe per row.
        var x = Alias("n");
        return dialect.IsPostgres ? $"NOT EXISTS (SELECT 1 FROM ({atLeast}) {x} WHERE {x}.contact_id = c.id)" : $"c.id NOT IN ({atLeast})";
    }

    private string Tenant() => tenantParameter ??= Param(tenant);

    private string Property(PropertyCondition p, string eventAlias)
    {
        if (p.Property is null)
            return Compare($"{eventAlias}.revenue", FieldKind.Money, p.Op, p.Values);
        var column = $"{eventAlias}.properties_json";
        var key = Param(p.Property);
        if (CriteriaOperators.IsPresence(p.Op))
        {
            var present = dialect.JsonPresent(column, key);
            return p.Op == CriteriaOperator.IsSet ? present : $"NOT {present}";
        }
        // The first value's JSON type decides how the property is read (text, number or boolean).
        var (expression, kind) = p.Values[0] switch
        {
            decimal => (dialect.JsonNumber(column, key), FieldKind.Number),
            bool => (dialect.JsonBool(column, key), FieldKind.Bool),
            _ => (dialect.JsonText(column, key), FieldKind.Text),
        };
        return Compare(expression, kind, p.Op, p.Values);
    }

    private string Field(FieldCondition f)
    {
        var field = f.Field;
        switch (field.Source)
        {
            case FieldSource.Tags:
                return Tags(f);
            case FieldSource.Attribute:
            {
                var key = Param(field.Storage);
                if (CriteriaOperators.IsPresence(f.Op))
                {
                    var present = dialect.JsonPresent("c.attributes_json", key);
                    return f.Op == CriteriaOperator.IsSet ? present : $"NOT {present}";
                }
                var expression = field.Kind switch
                {
                    FieldKind.Number => dialect.JsonNumber("c.attributes_json", key),
                    FieldKind.Bool => dialect.JsonBool("c.attributes_json", key),
                    _ => dialect.JsonText("c.attributes_json", key),
                };
                return Compare(expression, field.Kind, f.Op, f.Values);
            }
            case FieldSource.Metric:
            {
                // No metrics row yet means no orders and no revenue (not "unknown"), and no last order / last seen. As
                // (NOT) EXISTS over the metrics row, which the database can turn into a semi- or anti-join, instead of a
                // scalar subquery per contact: a contact without a row matches exactly when the value it stands for
                // (0, or NULL for instants) matches, so the condition is "has a matching row" or "has no failing row".
                var a = Alias("m");
                var zero = field.Kind is FieldKind.Number or FieldKind.Money;
                var test = Compare($"{a}.{field.Storage}", field.Kind, f.Op, f.Values);
                return MissingMetricMatches(field.Kind, f.Op, f.Values, zero)
                    ? Has("contact_metrics", a, $"NOT {test}", negate: true)
                    : Has("contact_metrics", a, test);
            }
            default:
            {
                // SQLite keeps no histograms (no STAT4), so it takes any range on an indexed column for a selective one:
                // "created before <date>" walked the created_at index and fetched ~80 % of a million contacts one by one
                // (4.6 s, against 1.3 s for a scan). A range open into the past is rarely selective, so there its column
                // is wrapped in unary + (no index); ranges from a date on ("after", "within the last N days") keep it.
                var column = $"c.{field.Storage}";
                var intoThePast = field.Kind == FieldKind.Instant && f.Op == CriteriaOperator.Before;
                return Compare(intoThePast && !dialect.IsPostgres ? "+" + column : column, field.Kind, f.Op, f.Values);
            }
        }
    }

    /// <summary>Whether a contact without a metrics row matches: the comparison on 0 (numbers, money) or on NULL (instants).</summary>
    private static bool MissingMetricMatches(FieldKind kind, CriteriaOperator op, IReadOnlyList<object> values, bool zero)
    {
        if (!zero) return op is CriteriaOperator.IsNotSet or CriteriaOperator.Neq;
        int Cmp(object v) => 0m.CompareTo((decimal)v);
        return op switch
        {
            CriteriaOperator.IsSet => true,
            CriteriaOperator.IsNotSet => false,
            CriteriaOperator.Eq => Cmp(values[0]) == 0,
            CriteriaOperator.Neq => Cmp(values[0]) != 0,
            CriteriaOperator.In => values.Any(v => Cmp(v) == 0),
            CriteriaOperator.Gt => Cmp(values[0]) > 0,
            CriteriaOperator.Gte => Cmp(values[0]) >= 0,
            CriteriaOperator.Lt => Cmp(values[0]) < 0,
            CriteriaOperator.Lte => Cmp(values[0]) <= 0,
            CriteriaOperator.Between => Cmp(values[0]) >= 0 && Cmp(values[1]) <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, $"Operator not valid on a {kind} metric."),
        };
    }

    private string Tags(FieldCondition f)
    {
        var a = Alias("tg");
        return f.Op switch
        {
            CriteriaOperator.IsSet => Has("contact_tags", a, null),
            CriteriaOperator.IsNotSet => Has("contact_tags", a, null, negate: true),
            CriteriaOperator.Neq => Has("contact_tags", a, $"{a}.tag = {Param(f.Values[0])}", negate: true),
            CriteriaOperator.In => Has("contact_tags", a, $"{a}.tag IN ({string.Join(", ", f.Values.Select(Param))})"),
            _ => Has("contact_tags", a, $"{a}.tag = {Param(f.Values[0])}"),
        };
    }

    /// <summary>A comparison on a value expression that may be NULL; the result is never NULL.</summary>
    private string Compare(string x, FieldKind kind, CriteriaOperator op, IReadOnlyList<object> values)
    {
        string P(object v) => Param(Convert(kind, v));
        // Free text compares case-insensitively; codes are stored normalised, so they compare exactly (and use indexes).
        string Lhs() => kind == FieldKind.Text ? $"lower({x})" : x;
        string Rhs(object v) => kind == FieldKind.Text ? $"lower({P(v)})" : P(v);
        return op switch
        {
            CriteriaOperator.IsSet => $"{x} IS NOT NULL",
            CriteriaOperator.IsNotSet => $"{x} IS NULL",
            CriteriaOperator.Eq => $"({x} IS NOT NULL AND {Lhs()} = {Rhs(values[0])})",
            // "Not equal" includes contacts without a value: "country is not RO" should find those with no country too.
            CriteriaOperator.Neq => $"({x} IS NULL OR {Lhs()} <> {Rhs(values[0])})",
            CriteriaOperator.Contains => $"({x} IS NOT NULL AND {dialect.ContainsText(x, P(values[0]))})",
            CriteriaOperator.In => $"({x} IS NOT NULL AND {Lhs()} IN ({string.Join(", ", values.Select(Rhs))}))",
            CriteriaOperator.Gt => $"({x} IS NOT NULL AND {x} > {P(values[0])})",
            CriteriaOperator.Gte => $"({x} IS NOT NULL AND {x} >= {P(values[0])})",
            CriteriaOperator.Lt => $"({x} IS NOT NULL AND {x} < {P(values[0])})",
            CriteriaOperator.Lte => $"({x} IS NOT NULL AND {x} <= {P(values[0])})",
            CriteriaOperator.Before => values[0] is InstantRange r
                ? $"({x} IS NOT NULL AND {x} < {Param(dialect.Instant(r.From))})"
                : $"({x} IS NOT NULL AND {x} < {P(values[0])})",
            CriteriaOperator.After => values[0] is InstantRange r
                ? $"({x} IS NOT NULL AND {x} >= {Param(dialect.Instant(r.Until))})"
                : $"({x} IS NOT NULL AND {x} > {P(values[0])})",
            CriteriaOperator.Between => values[0] is InstantRange from && values[1] is InstantRange to
                ? $"({x} IS NOT NULL AND {x} >= {Param(dialect.Instant(from.From))} AND {x} < {Param(dialect.Instant(to.Until))})"
                : $"({x} IS NOT NULL AND {x} >= {P(values[0])} AND {x} <= {P(values[1])})",
            CriteriaOperator.WithinLastDays => WithinLastDays(x, kind, (int)values[0]),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
        };
    }

    private string WithinLastDays(string x, FieldKind kind, int days)
    {
        if (kind == FieldKind.Date)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            return $"({x} IS NOT NULL AND {x} >= {Param(Iso(today.AddDays(-days)))} AND {x} <= {Param(Iso(today))})";
        }
        return $"({x} IS NOT NULL AND {x} >= {Param(dialect.Instant(now.AddDays(-days)))} AND {x} <= {Param(dialect.Instant(now))})";
    }

    private object? Convert(FieldKind kind, object value) => value switch
    {
        decimal d when kind == FieldKind.Money => dialect.Money(d),
        decimal d => dialect.Number(d),
        bool b => dialect.Bool(b),
        DateOnly d => Iso(d),
        InstantRange r => dialect.Instant(r.From),
        string s => s,
        _ => value,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
