namespace BrandHub.Modules.Platform.Tenancy;

/// <summary>A company using BrandHub. Every tenant-owned row carries its id.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    /// <summary>ISO-3166 alpha-2 country used to read phone numbers written without a country code.</summary>
    public string DefaultCountry { get; set; } = "RO";
    /// <summary>IANA time zone for tenant-level schedules and reports.</summary>
    public string Timezone { get; set; } = "Europe/Bucharest";
    public DateTimeOffset CreatedAt { get; set; }
}
