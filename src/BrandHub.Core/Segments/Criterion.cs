using BrandHub.Core.Audience;

namespace BrandHub.Core.Segments;

/// <summary>
/// One node of a segment's criteria tree, as parsed and validated by <see cref="CriteriaParser"/>: groups
/// (<see cref="AllOf"/>, <see cref="AnyOf"/>, <see cref="NoneOf"/>) and the conditions they combine. Compiled to SQL by
/// <see cref="CriteriaSql"/>; never evaluated in memory.
/// </summary>
public abstract record Criterion;

/// <summary><c>{"all":[…]}</c>: every item holds (an empty list matches every contact).</summary>
public sealed record AllOf(IReadOnlyList<Criterion> Items) : Criterion;

/// <summary><c>{"any":[…]}</c>: at least one item holds (an empty list matches nobody).</summary>
public sealed record AnyOf(IReadOnlyList<Criterion> Items) : Criterion;

/// <summary><c>{"not":{…}}</c>: the inner criterion does not hold.</summary>
public sealed record NoneOf(Criterion Inner) : Criterion;

/// <summary>
/// <c>{"field":…,"op":…,"value":…}</c> on a contact field, tag, custom attribute or computed metric. <see cref="Values"/>
/// holds what the operator takes, already typed for the field: <c>string</c>, <c>decimal</c>, <c>bool</c>,
/// <see cref="DateOnly"/>, <see cref="InstantRange"/> or <c>int</c> (days, for <c>withinLastDays</c>); none for isSet / isNotSet.
/// </summary>
public sealed record FieldCondition(FieldDefinition Field, CriteriaOperator Op, IReadOnlyList<object> Values) : Criterion;

/// <summary><c>{"consent":"email"}</c>: the contact has opted in on the channel.</summary>
public sealed record ConsentCondition(ConsentChannel Channel) : Criterion;

/// <summary>
/// <c>{"event":"purchase","op":"countGte","value":2,"withinLastDays":90,"where":[…]}</c>: how often the contact did
/// something, optionally in a recent window and only counting events whose properties match <see cref="Where"/>.
/// </summary>
public sealed record EventCondition(string Name, EventOperator Op, int Count, int? WithinLastDays, IReadOnlyList<PropertyCondition> Where) : Criterion;

/// <summary><c>{"segment":"&lt;id&gt;"}</c>: the contact is a member of that segment (as of its last refresh).</summary>
public sealed record SegmentCondition(Guid SegmentId) : Criterion;

/// <summary>
/// A filter on an event's properties (or its <c>revenue</c>). Properties are untyped, so the value's JSON type decides the
/// comparison: <c>string</c>, <c>decimal</c> or <c>bool</c>.
/// </summary>
/// <param name="Property">The property name, or null for the event's revenue column.</param>
public sealed record PropertyCondition(string? Property, CriteriaOperator Op, IReadOnlyList<object> Values);

/// <summary>
/// A point or a day given for an instant field: a date-time is <c>[t, t+1ms)</c>, a date is the whole UTC day
/// <c>[d, d+1)</c>, so "before 2026-01-01" and "after 2026-01-01" read as a marketer means them.
/// </summary>
public readonly record struct InstantRange(DateTimeOffset From, DateTimeOffset Until);

/// <summary>A <c>{"segment":…}</c> reference and where it appears, so the host can check the segment exists in the tenant.</summary>
public sealed record SegmentReference(Guid SegmentId, string Path);
