using BrandHub.Core.Attribution;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Tracking;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Rollups;

/// <summary>
/// Keeps one tenant's daily rollup fresh. Incrementally: only the days new events (or new identifies) can change are
/// recomputed — today for events as they happen; for a late event, its day and the days of its visitor's later
/// conversions; for an identify, the days of the anonymous id's events and the contact's later conversions; for an order
/// seen again, the days of its other events. A rollup built for another model or window, or none, is rebuilt whole.
/// Every recomputed day is computed from the raw events exactly as a rebuild would (see <see cref="DailyRollup"/>). Days are
/// the tenant's (<see cref="Reports.TenantCalendar"/>); a new time zone rebuilds too.
/// </summary>
public sealed class AnalyticsRollup(BrandHubDb db, VisitorEvents visitors, Reports.TenantCalendar calendar, TimeProvider clock, ILogger<AnalyticsRollup> log)
{
    /// <summary>
    /// The watermark stays this far behind the clock: an event's received time is set before its transaction commits, so
    /// one received a moment ago may not be visible yet. Seeing an event twice costs a recomputed day, never a wrong one.
    /// </summary>
    public static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(30);
    private const int RebuildChunkDays = 7;

    public sealed record RollupRun(bool Rebuilt, int Days, DateTimeOffset RolledUpAt);

    /// <summary>The tenant's settings; the defaults are stored the first time they are asked for.</summary>
    public async Task<AnalyticsSettings> SettingsAsync(CancellationToken ct)
    {
        if (await db.Set<AnalyticsSettings>().FirstOrDefaultAsync(ct) is { } found) return found;
        var defaults = db.Add(new AnalyticsSettings { TenantId = db.Scope.RequiredTenantId, UpdatedAt = clock.GetUtcNow(), UpdatedBy = "system" });
        try { await db.SaveChangesAsync(ct); return defaults.Entity; }
        catch (DbUpdateException)
        {
            defaults.State = EntityState.Detached; // another request stored them first
            return await db.Set<AnalyticsSettings>().FirstAsync(ct);
        }
    }

    public async Task<RollupRun> RunAsync(CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var now = clock.GetUtcNow();
        var days = await calendar.DaysAsync(ct);
        var today = days.DayOf(now);
        var lookback = TimeSpan.FromDays(settings.LookbackDays);
        var watermark = now - CommitMargin;
        int recomputed;
        var rebuild = settings.RollupBuiltFor != settings.BuildKey(days) || settings.RollupWatermark is null;
        if (rebuild)
        {
            recomputed = await RebuildAsync(settings.Model, lookback, days, today, ct);
            settings.RollupBuiltFor = settings.BuildKey(days);
        }
        else
        {
            var dirty = await DirtyDaysAsync(settings.RollupWatermark!.Value, lookback, days, today, ct);
            foreach (var range in Ranges(dirty)) await ReplaceAsync(range.First, range.Last, settings.Model, lookback, days, ct);
            recomputed = dirty.Count;
        }
        settings.RollupWatermark = watermark;
        settings.RolledUpAt = now;
        await db.SaveChangesAsync(ct);
        if (recomputed > 0) log.LogInformation("Analytics rollup: {Days} days recomputed (rebuild: {Rebuild})", recomputed, rebuild);
        return new RollupRun(rebuild, recomputed, now);
    }

    /// <summary>The rollup as a rebuild computes it, for [first, last] — what the incremental one must equal.</summary>
    public async Task<List<DailyRow>> ComputeAsync(DateOnly first, DateOnly last, string model, TimeSpan lookback, CancellationToken ct)
    {
        var days = await calendar.DaysAsync(ct);
        return DailyRollup.Compute((await visitors.ForDaysAsync(first, last, lookback, days, ct)).Select(h => h.Events), first, last, lookback, model, calendar: days);
    }

    /// <summary>Conversions of [first, last] by the segments their contacts are in now: each conversion counts once in each of its contact's segments.</summary>
    private async Task<List<AnalyticsSegmentDaily>> SegmentRowsAsync(List<VisitorEvents.History> histories, DateOnly first, DateOnly last, ReportDays days,
        CancellationToken ct)
    {
        var (from, to) = days.Span(first, last);
        var conversions = histories.Where(h => h.ContactId is not null)
            .SelectMany(h => h.Events.Where(e => e.Conversion && e.At >= from && e.At < to).Select(e => (Contact: h.ContactId!.Value, Day: days.DayOf(e.At), e.Value)))
            .ToList();
        var memberships = new List<(Guid Contact, Guid Segment)>();
        foreach (var slice in conversions.Select(c => c.Contact).Distinct().Chunk(1000))
            memberships.AddRange((await db.Set<Segments.SegmentMember>().AsNoTracking().Where(m => slice.Contains(m.ContactId))
                .Select(m => new { m.ContactId, m.SegmentId }).ToListAsync(ct)).Select(m => (m.ContactId, m.SegmentId)));
        var segmentsOf = memberships.ToLookup(m => m.Contact, m => m.Segment);
        return conversions.SelectMany(c => segmentsOf[c.Contact].Select(s => (c.Day, Segment: s, c.Value)))
            .GroupBy(x => (x.Day, x.Segment))
            .Select(g => new AnalyticsSegmentDaily { TenantId = db.Scope.RequiredTenantId, Day = ReportDays.Key(g.Key.Day), SegmentId = g.Key.Segment, Conversions = g.Count(), Revenue = g.Sum(x => x.Value) })
            .ToList();
    }

    /// <summary>
    /// Chunk by chunk, each chunk's days replaced in one transaction: a dashboard read during a rebuild sees every day,
    /// some still under the old settings, never a gap. Rows outside the events' days go first.
    /// </summary>
    private async Task<int> RebuildAsync(string model, TimeSpan lookback, ReportDays days, DateOnly today, CancellationToken ct)
    {
        var earliest = await db.Set<TrackEvent>().OrderBy(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct);
        var first = earliest is null ? today.AddDays(1) : days.DayOf(earliest.Value);
        DateTimeOffset keep = ReportDays.Key(first), after = ReportDays.Key(today.AddDays(1));
        await db.Set<AnalyticsDaily>().Where(r => r.Day < keep || r.Day >= after).ExecuteDeleteAsync(ct);
        await db.Set<AnalyticsSegmentDaily>().Where(r => r.Day < keep || r.Day >= after).ExecuteDeleteAsync(ct);
        if (earliest is null) return 0;
        for (var start = first; start <= today; start = start.AddDays(RebuildChunkDays))
        {
            var end = start.AddDays(RebuildChunkDays - 1);
            await ReplaceAsync(start, end < today ? end : today, model, lookback, days, ct);
        }
        return today.DayNumber - first.DayNumber + 1;
    }

    private async Task ReplaceAsync(DateOnly first, DateOnly last, string model, TimeSpan lookback, ReportDays days, CancellationToken ct)
    {
        var histories = await visitors.ForDaysAsync(first, last, lookback, days, ct);
        var rows = DailyRollup.Compute(histories.Select(h => h.Events), first, last, lookback, model, calendar: days);
        var segmentRows = await SegmentRowsAsync(histories, first, last, days, ct);
        DateTimeOffset from = ReportDays.Key(first), to = ReportDays.Key(last.AddDays(1));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Two runs for one tenant (the schedule's and a manual one) replace days one at a time: PostgreSQL would otherwise let
        // both delete nothing and then collide inserting; SQLite's single writer already serialises them.
        if (db.IsPostgres) await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('analytics.rollup:' || @tenant))", [("@tenant", db.Scope.RequiredTenantId.ToString())], ct);
        await db.Set<AnalyticsDaily>().Where(r => r.Day >= from && r.Day < to).ExecuteDeleteAsync(ct);
        await db.Set<AnalyticsSegmentDaily>().Where(r => r.Day >= from && r.Day < to).ExecuteDeleteAsync(ct);
        db.AddRange(segmentRows);
        var tenantId = db.Scope.RequiredTenantId;
        db.AddRange(rows.Select(r => new AnalyticsDaily
        {
            TenantId = tenantId, Day = ReportDays.Key(r.Day), Channel = r.Channel, Campaign = r.Campaign, Sessions = r.Sessions,
            Conversions = r.Conversions, Revenue = r.Revenue, NewCustomers = r.NewCustomers,
        }));
        await db.SaveChangesInBulkAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>The days events received (or identifies made) since <paramref name="since"/> can change.</summary>
    private async Task<SortedSet<DateOnly>> DirtyDaysAsync(DateTimeOffset since, TimeSpan lookback, ReportDays days, DateOnly today, CancellationToken ct)
    {
        var dirty = new SortedSet<DateOnly>();
        var todayStart = days.Start(today);
        if (await db.Set<TrackEvent>().AnyAsync(e => e.ReceivedAt >= since && e.OccurredAt >= todayStart, ct)) dirty.Add(today);

        // Late events, and every event of an anonymous id identified since: their days, and their visitors' later conversions.
        var late = await visitors.RowsAsync(e => e.ReceivedAt >= since && e.OccurredAt < todayStart, ct);
        var identified = await db.Set<VisitorIdentity>().AsNoTracking().Where(v => v.IdentifiedAt >= since).Select(v => v.AnonymousId).ToListAsync(ct);
        foreach (var slice in identified.Chunk(1000))
            late.AddRange(await visitors.RowsAsync(e => e.AnonymousId != null && slice.Contains(e.AnonymousId), ct));
        if (late.Count == 0) return dirty;
        foreach (var e in late) dirty.Add(days.DayOf(e.OccurredAt));
        var earliest = late.GroupBy(e => e.Visitor).ToDictionary(g => g.Key, g => g.Min(e => e.OccurredAt));
        foreach (var conversion in (await visitors.OfVisitorsAsync(earliest.Keys, earliest.Values.Min(), days.Start(today.AddDays(1)), ct))
                 .Where(r => r.IsConversion && r.OccurredAt >= earliest[r.Visitor]))
            dirty.Add(days.DayOf(conversion.OccurredAt));

        // An order seen again moves which of its events counts.
        var orders = late.Where(e => e.OrderId is not null && e.IsConversion).Select(e => e.OrderId!).Distinct().ToList();
        foreach (var slice in orders.Chunk(1000))
            foreach (var at in await db.Set<TrackEvent>().Where(e => e.OrderId != null && slice.Contains(e.OrderId)).Select(e => e.OccurredAt).ToListAsync(ct))
                dirty.Add(days.DayOf(at));
        dirty.RemoveWhere(d => d > today);
        return dirty;
    }

    private static IEnumerable<(DateOnly First, DateOnly Last)> Ranges(SortedSet<DateOnly> days)
    {
        DateOnly? first = null, last = null;
        foreach (var day in days)
        {
            if (last is { } l && day.DayNumber == l.DayNumber + 1) { last = day; continue; }
            if (first is { } f) yield return (f, last!.Value);
            first = last = day;
        }
        if (first is { } f2) yield return (f2, last!.Value);
    }
}
