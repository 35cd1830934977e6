using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Segments.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BrandHub.Modules.Segments;

/// <summary>
/// Notices saves that change what segment criteria read — contacts, their tags, consents and events — and then asks for
/// a debounced refresh of the tenant's dynamic segments. An interceptor, so the Audience module needs no knowledge of segments.
/// </summary>
public sealed class ContactChangeWatch(SegmentRefreshRequests requests) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Watched = [typeof(Contact), typeof(ContactTag), typeof(ContactConsent), typeof(ContactEvent)];

    // One context saves at a time, so a per-context flag set while saving and read once saved is enough.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Changed = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is BrandHubDb db && Changed.TryGetValue(db, out _))
        {
            Changed.Remove(db);
            await requests.RequestAsync(db, ct);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is BrandHubDb db && Changed.TryGetValue(db, out _))
        {
            Changed.Remove(db);
            requests.RequestAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    private static void Mark(DbContext? context)
    {
        if (context is not BrandHubDb { Scope.TenantId: not null } db) return;
        foreach (var entry in db.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(entry.Metadata.ClrType))
            {
                Changed.AddOrUpdate(db, true);
                return;
            }
    }
}
