using BrandHub.Data;

namespace BrandHub.Modules.Platform.Tenancy;

/// <summary>
/// A unit of work in one tenant for a caller who is not signed in — a recipient following a signed link, a provider
/// posting a webhook — where the tenant comes from something BrandHub verified (a signed token, a webhook signature),
/// never from a session. Its own DI scope, so the database connection carries exactly this tenant into row-level
/// security even if the request happens to carry a sign-in for another tenant.
/// </summary>
public static class TenantWork
{
    public static IServiceScope Begin(IServiceProvider services, Guid tenantId, string actor)
    {
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        scope.ServiceProvider.GetRequiredService<Actor>().Set(actor);
        return scope;
    }
}
