using BrandHub.Core.Attribution;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>The tenant's report calendar — its days start at midnight in the tenant's time zone — read once per unit of work.</summary>
public sealed class TenantCalendar(BrandHubDb db)
{
    private ReportDays? days;

    public async Task<ReportDays> DaysAsync(CancellationToken ct) =>
        days ??= ReportDays.For(await db.Set<Tenant>().AsNoTracking().Where(t => t.Id == db.Scope.RequiredTenantId).Select(t => t.Timezone).FirstOrDefaultAsync(ct));
}
