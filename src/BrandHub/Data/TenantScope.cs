namespace BrandHub.Data;

/// <summary>
/// The tenant whose data this unit of work may see. Set once per request (from the caller's token) or per job;
/// the DbContext filters every tenant-owned query by it and, on PostgreSQL, the connection carries it into
/// row-level security as <c>app.tenant_id</c>.
/// </summary>
public sealed class TenantScope
{
    public Guid? TenantId { get; private set; }

    /// <summary>True only for platform work that must see every tenant (login lookup, job claiming, migrations).</summary>
    public bool IsPlatform { get; private set; }

    public Guid RequiredTenantId => TenantId ?? throw new InvalidOperationException("No tenant is set for this unit of work.");

    public void Enter(Guid tenantId)
    {
        if (TenantId is { } current && current != tenantId)
            throw new InvalidOperationException("A unit of work cannot switch tenants.");
        TenantId = tenantId;
        IsPlatform = false;
    }

    public void EnterPlatform() => IsPlatform = true;
}
