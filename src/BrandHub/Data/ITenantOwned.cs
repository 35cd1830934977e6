namespace BrandHub.Data;

/// <summary>Marks an entity whose rows belong to one tenant: <c>tenant_id</c> leads its key, queries are filtered by it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
