using BrandHub.Core.Audience;

namespace BrandHub.Core.Segments;

/// <summary>What a field holds, which decides the operators it accepts and how values are read.</summary>
public enum FieldKind
{
    /// <summary>Free text: compared case-insensitively.</summary>
    Text,
    /// <summary>Text from a closed list or a normalised code (lifecycle stage, country): compared exactly, index-friendly.</summary>
    Code,
    /// <summary>The contact's tags (a set of strings).</summary>
    Tags,
    Number,
    /// <summary>An amount (metrics.revenue).</summary>
    Money,
    Bool,
    /// <summary>A calendar date (date attributes, stored as yyyy-MM-dd).</summary>
    Date,
    /// <summary>A point in time (createdAt, metrics.lastSeenAt …).</summary>
    Instant,
}

/// <summary>Where a field's value lives, which decides the SQL it compiles to.</summary>
public enum FieldSource { Column, Tags, Attribute, Metric }

/// <param name="Name">The wire name (<c>email</c>, <c>attributes.tier</c>, <c>metrics.orders</c>).</param>
/// <param name="Storage">The column (contacts or contact_metrics) or the attribute name; only catalogue constants or validated
/// attribute names, and attribute names go to SQL as parameters anyway.</param>
/// <param name="Normalise">For <see cref="FieldKind.Code"/>: how stored values are cased (so the comparison can stay exact).</param>
/// <param name="Allowed">For closed lists: the only values that can match.</param>
public sealed record FieldDefinition(string Name, FieldKind Kind, FieldSource Source, string Storage,
    Func<string, string>? Normalise = null, IReadOnlyList<string>? Allowed = null);

/// <summary>
/// The fields a segment can filter on: the contact's columns, its tags, the tenant's custom attributes (typed by their
/// definitions) and the computed metrics. Which operators each kind accepts is <see cref="OperatorsFor"/>.
/// </summary>
public sealed class FieldCatalogue
{
    public const string AttributePrefix = "attributes.", MetricPrefix = "metrics.";

    /// <summary>Lifecycle stages contacts can be in (mirrors the Audience module's list).</summary>
    public static readonly IReadOnlyList<string> LifecycleStages = ["subscriber", "lead", "prospect", "customer", "repeat_customer", "churned"];

    private static readonly FieldDefinition[] ContactFields =
    [
        new("email", FieldKind.Text, FieldSource.Column, "email"),
        new("phone", FieldKind.Text, FieldSource.Column, "phone"),
        new("firstName", FieldKind.Text, FieldSource.Column, "first_name"),
        new("lastName", FieldKind.Text, FieldSource.Column, "last_name"),
        new("company", FieldKind.Text, FieldSource.Column, "company"),
        new("city", FieldKind.Text, FieldSource.Column, "city"),
        new("country", FieldKind.Code, FieldSource.Column, "country", v => v.ToUpperInvariant()),
        new("locale", FieldKind.Text, FieldSource.Column, "locale"),
        new("timezone", FieldKind.Text, FieldSource.Column, "timezone"),
        new("lifecycleStage", FieldKind.Code, FieldSource.Column, "lifecycle_stage", v => v.ToLowerInvariant(), LifecycleStages),
        new("taxId", FieldKind.Text, FieldSource.Column, "tax_id"),
        new("tags", FieldKind.Tags, FieldSource.Tags, "tag"),
        new("createdAt", FieldKind.Instant, FieldSource.Column, "created_at"),
        new("updatedAt", FieldKind.Instant, FieldSource.Column, "updated_at"),
    ];

    private static readonly FieldDefinition[] Metrics =
    [
        new("metrics.orders", FieldKind.Number, FieldSource.Metric, "orders"),
        new("metrics.revenue", FieldKind.Money, FieldSource.Metric, "revenue"),
        new("metrics.lastOrderAt", FieldKind.Instant, FieldSource.Metric, "last_order_at"),
        new("metrics.lastSeenAt", FieldKind.Instant, FieldSource.Metric, "last_seen_at"),
    ];

    private readonly Dictionary<string, FieldDefinition> fields;

    /// <param name="attributes">The tenant's declared custom attributes and their types.</param>
    public FieldCatalogue(IReadOnlyDictionary<string, AttributeType> attributes)
    {
        fields = ContactFields.Concat(Metrics).ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (name, type) in attributes)
            if (AttributeValue.IsValidName(name))
                fields[AttributePrefix + name] = new FieldDefinition(AttributePrefix + name, type switch
                {
                    AttributeType.Number => FieldKind.Number,
                    AttributeType.Bool => FieldKind.Bool,
                    AttributeType.Date => FieldKind.Date,
                    _ => FieldKind.Text,
                }, FieldSource.Attribute, name);
    }

    /// <summary>A catalogue without custom attributes.</summary>
    public static FieldCatalogue Standard { get; } = new(new Dictionary<string, AttributeType>());

    public bool TryFind(string name, out FieldDefinition field) => fields.TryGetValue(name, out field!);

    /// <summary>Every field name, for error messages and pickers.</summary>
    public IEnumerable<string> Names => fields.Keys.Order(StringComparer.Ordinal);

    public static IReadOnlyList<CriteriaOperator> OperatorsFor(FieldKind kind) => kind switch
    {
        FieldKind.Text => [CriteriaOperator.Eq, CriteriaOperator.Neq, CriteriaOperator.Contains, CriteriaOperator.In, CriteriaOperator.IsSet, CriteriaOperator.IsNotSet],
        FieldKind.Code => [CriteriaOperator.Eq, CriteriaOperator.Neq, CriteriaOperator.In, CriteriaOperator.IsSet, CriteriaOperator.IsNotSet],
        FieldKind.Tags => [CriteriaOperator.Contains, CriteriaOperator.Eq, CriteriaOperator.Neq, CriteriaOperator.In, CriteriaOperator.IsSet, CriteriaOperator.IsNotSet],
        FieldKind.Number or FieldKind.Money =>
        [
            CriteriaOperator.Eq, CriteriaOperator.Neq, CriteriaOperator.Gt, CriteriaOperator.Gte, CriteriaOperator.Lt, CriteriaOperator.Lte,
            CriteriaOperator.Between, CriteriaOperator.In, CriteriaOperator.IsSet, CriteriaOperator.IsNotSet,
        ],
        FieldKind.Bool => [CriteriaOperator.Eq, CriteriaOperator.Neq, CriteriaOperator.IsSet, CriteriaOperator.IsNotSet],
        FieldKind.Date =>
        [
            CriteriaOperator.Eq, CriteriaOperator.Neq, CriteriaOperator.Before, CriteriaOperator.After, CriteriaOperator.Between,
            CriteriaOperator.WithinLastDays, CriteriaOperator.IsSet, CriteriaOperator.IsNotSet,
        ],
        FieldKind.Instant =>
        [
            CriteriaOperator.Before, CriteriaOperator.After, CriteriaOperator.Between, CriteriaOperator.WithinLastDays,
            CriteriaOperator.IsSet, CriteriaOperator.IsNotSet,
        ],
        _ => [],
    };

    /// <summary>Operators on event properties, whose type is the value's JSON type.</summary>
    public static readonly IReadOnlyList<CriteriaOperator> PropertyOperators =
    [
        CriteriaOperator.Eq, CriteriaOperator.Neq, CriteriaOperator.Contains, CriteriaOperator.In, CriteriaOperator.Gt, CriteriaOperator.Gte,
        CriteriaOperator.Lt, CriteriaOperator.Lte, CriteriaOperator.Between, CriteriaOperator.IsSet, CriteriaOperator.IsNotSet,
    ];
}
