namespace BrandHub.Core.Audience;

/// <summary>The fuzzy attributes of a contact that identity resolution compares.</summary>
/// <param name="FirstName">Given name(s).</param>
/// <param name="LastName">Family name(s).</param>
/// <param name="Company">Employer or account name.</param>
/// <param name="City">City of residence or business.</param>
public sealed record IdentityProfile(string? FirstName, string? LastName, string? Company, string? City);
