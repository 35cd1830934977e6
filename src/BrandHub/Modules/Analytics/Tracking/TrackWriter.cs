using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// Group commit for tracked events. Requests hand their valid events here and wait; one writer loop takes everything
/// waiting (up to <see cref="MaxRowsPerFlush"/>), stores it in one transaction and only then answers each request — so
/// an acknowledged event is durably stored, and a thousand small requests cost a few commits, not a thousand.
/// Duplicates (the same event id again) are dropped by the unique index and reported as such. An event that names only
/// an anonymous id is filed under the contact that id identified as, looked up as it is inserted.
/// </summary>
public sealed class TrackWriter(IServiceScopeFactory scopes, DatabaseOptions database, AnalyticsOptions options, ILogger<TrackWriter> log) : BackgroundService
{
    public const int MaxRowsPerFlush = 5_000;

    private sealed record Pending(IReadOnlyList<TrackEvent> Events, TaskCompletionSource<bool[]> Stored);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<Guid, byte> _tenantsWithNewEvents = new();

    /// <summary>The tenants this node stored events for since the last call: whose rollups have something to take in.</summary>
    public IReadOnlyList<Guid> TakeTenantsWithNewEvents()
    {
        var tenants = _tenantsWithNewEvents.Keys.ToList();
        foreach (var t in tenants) _tenantsWithNewEvents.TryRemove(t, out _);
        return tenants;
    }

    /// <summary>Stores the events; per event, true when stored now, false when an event with its id was stored before.</summary>
    public async Task<bool[]> StoreAsync(IReadOnlyList<TrackEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return [];
        var pending = new Pending(events, new TaskCompletionSource<bool[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The event writer has stopped.");
        // The caller may give up waiting, but the events still get stored: nothing queued is dropped.
        return await pending.Stored.Task.WaitAsync(ct);
    }

    /// <summary>
    /// PostgreSQL: several flushes in flight, so one waiting on its commit's WAL flush does not hold the next batch up
    /// (PostgreSQL groups their commits). SQLite has one writer at a time, so one flush loop.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, database.IsPostgres ? Math.Max(1, options.TrackWriters) : 1).Select(_ => FlushLoopAsync()));

    private async Task FlushLoopAsync()
    {
        var batch = new List<Pending>();
        FlushConnection? connection = null;
        // Drains what is queued even while stopping, so requests already waiting get their answer.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            var rows = 0;
            while (rows < MaxRowsPerFlush && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                rows += next.Events.Count;
            }
            try
            {
                var events = batch.SelectMany(p => p.Events).ToList();
                connection ??= await FlushConnection.OpenAsync(scopes);
                var stored = await FlushAsync(connection, events);
                foreach (var tenant in events.Select(e => e.TenantId).Distinct()) _tenantsWithNewEvents.TryAdd(tenant, 0);
                var offset = 0;
                foreach (var p in batch)
                {
                    p.Stored.TrySetResult(stored[offset..(offset + p.Events.Count)]);
                    offset += p.Events.Count;
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not store {Count} tracked events", rows);
                foreach (var p in batch) p.Stored.TrySetException(ex);
                // The connection may be what failed (a restarted database): the next flush opens a fresh one.
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
            }
        }
        if (connection is not null) await connection.DisposeAsync();
    }

    /// <summary>
    /// A flush loop's own connection, opened (and set up for platform work) once and kept: a flush is then BEGIN, one
    /// INSERT and COMMIT. A DbContext, a pool round trip and the session set-up per flush cost more CPU than the insert
    /// itself when requests carry one event each (measured with perf: ~15 % of the node).
    /// </summary>
    private sealed class FlushConnection : IAsyncDisposable
    {
        private readonly IServiceScope scope;
        private readonly BrandHubDb db;

        private FlushConnection(IServiceScope scope)
        {
            this.scope = scope;
            db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.EnterPlatform(); // one flush carries several tenants' events; each row names its tenant
        }

        public DbConnection Connection => db.Database.GetDbConnection();
        public bool IsPostgres => db.IsPostgres;

        public static async Task<FlushConnection> OpenAsync(IServiceScopeFactory scopes)
        {
            var connection = new FlushConnection(scopes.CreateScope());
            try { await connection.db.Database.OpenConnectionAsync(); }
            catch { await connection.DisposeAsync(); throw; }
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            try { await db.Database.CloseConnectionAsync(); }
            catch (DbException) { } // already broken: disposing the scope releases it
            scope.Dispose();
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private static async Task<bool[]> FlushAsync(FlushConnection connection, List<TrackEvent> events)
    {
        // Concurrent flushes take the unique index's locks in the same order, so two carrying the same ids cannot deadlock.
        var order = Enumerable.Range(0, events.Count).OrderBy(i => events[i].TenantId).ThenBy(i => events[i].EventId, StringComparer.Ordinal).ToArray();
        var sorted = order.Select(i => events[i]).ToList();
        await using var tx = await connection.Connection.BeginTransactionAsync();
        var storedSorted = connection.IsPostgres
            ? await InsertPostgresAsync(connection.Connection, tx, sorted)
            : await InsertSqliteAsync(connection.Connection, tx, sorted);
        await tx.CommitAsync();
        var stored = new bool[events.Count];
        for (var k = 0; k < order.Length; k++) stored[order[k]] = storedSorted[k];
        return stored;
    }

    private const string Columns = "tenant_id, id, event_id, type, name, occurred_at, received_at, anonymous_id, contact_id, url, referrer, " +
        "utm_source, utm_medium, utm_campaign, utm_term, utm_content, click_kind, click_id, delivery_id, channel, source, revenue, currency, order_id, properties_json";

    /// <summary>One statement for the whole flush: each column as an array, unnested into rows.</summary>
    private static async Task<bool[]> InsertPostgresAsync(DbConnection connection, DbTransaction tx, List<TrackEvent> events)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            INSERT INTO track_events ({Columns})
            SELECT t, i, e, ty, n, oa, ra, an, COALESCE(c, v.contact_id), u, r, us, um, uc, ut, uco, ck, ci, d, ch, s, rv, cu, o, p::jsonb
            FROM unnest(@t::uuid[], @i::uuid[], @e::text[], @ty::text[], @n::text[], @oa::timestamptz[], @ra::timestamptz[], @an::text[],
                        @c::uuid[], @u::text[], @r::text[], @us::text[], @um::text[], @uc::text[], @ut::text[], @uco::text[], @ck::text[],
                        @ci::text[], @d::uuid[], @ch::text[], @s::text[], @rv::numeric[], @cu::text[], @o::text[], @p::text[])
                 AS x(t, i, e, ty, n, oa, ra, an, c, u, r, us, um, uc, ut, uco, ck, ci, d, ch, s, rv, cu, o, p)
            LEFT JOIN visitor_identities v ON v.tenant_id = x.t AND v.anonymous_id = x.an
            ON CONFLICT DO NOTHING
            RETURNING id
            """;
        cmd.With("t", events.Select(x => x.TenantId).ToArray());
        cmd.With("i", events.Select(x => x.Id).ToArray());
        cmd.With("e", events.Select(x => x.EventId).ToArray());
        cmd.With("ty", events.Select(x => x.Type).ToArray());
        cmd.With("n", events.Select(x => x.Name).ToArray());
        cmd.With("oa", events.Select(x => x.OccurredAt).ToArray());
        cmd.With("ra", events.Select(x => x.ReceivedAt).ToArray());
        cmd.With("an", events.Select(x => x.AnonymousId).ToArray());
        cmd.With("c", events.Select(x => x.ContactId).ToArray());
        cmd.With("u", events.Select(x => x.Url).ToArray());
        cmd.With("r", events.Select(x => x.Referrer).ToArray());
        cmd.With("us", events.Select(x => x.UtmSource).ToArray());
        cmd.With("um", events.Select(x => x.UtmMedium).ToArray());
        cmd.With("uc", events.Select(x => x.UtmCampaign).ToArray());
        cmd.With("ut", events.Select(x => x.UtmTerm).ToArray());
        cmd.With("uco", events.Select(x => x.UtmContent).ToArray());
        cmd.With("ck", events.Select(x => x.ClickKind).ToArray());
        cmd.With("ci", events.Select(x => x.ClickId).ToArray());
        cmd.With("d", events.Select(x => x.DeliveryId).ToArray());
        cmd.With("ch", events.Select(x => x.Channel).ToArray());
        cmd.With("s", events.Select(x => x.Source).ToArray());
        cmd.With("rv", events.Select(x => x.Revenue).ToArray());
        cmd.With("cu", events.Select(x => x.Currency).ToArray());
        cmd.With("o", events.Select(x => x.OrderId).ToArray());
        cmd.With("p", events.Select(x => x.PropertiesJson).ToArray());
        var inserted = new HashSet<Guid>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) inserted.Add(reader.GetGuid(0));
        return events.Select(x => inserted.Contains(x.Id)).ToArray();
    }

    /// <summary>SQLite: one prepared single-row INSERT reused for every row (it binds by name, so wide statements cost more).</summary>
    private static async Task<bool[]> InsertSqliteAsync(DbConnection connection, DbTransaction tx, List<TrackEvent> events)
    {
        var names = Columns.Split(", ");
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var values = names.Select(n => n == "contact_id"
            ? "COALESCE(@contact_id, (SELECT contact_id FROM visitor_identities WHERE tenant_id = @tenant_id AND anonymous_id = @anonymous_id))"
            : "@" + n);
        cmd.CommandText = $"INSERT INTO track_events ({Columns}) VALUES ({string.Join(", ", values)}) ON CONFLICT DO NOTHING";
        var p = names.ToDictionary(n => n, n => cmd.With(n, null));
        var stored = new bool[events.Count];
        for (var k = 0; k < events.Count; k++)
        {
            var x = events[k];
            p["tenant_id"].Value = Text(x.TenantId);
            p["id"].Value = Text(x.Id);
            p["event_id"].Value = x.EventId;
            p["type"].Value = x.Type;
            p["name"].Value = x.Name;
            p["occurred_at"].Value = x.OccurredAt.ToUnixTimeMilliseconds();
            p["received_at"].Value = x.ReceivedAt.ToUnixTimeMilliseconds();
            p["anonymous_id"].Value = (object?)x.AnonymousId ?? DBNull.Value;
            p["contact_id"].Value = x.ContactId is { } c ? Text(c) : DBNull.Value;
            p["url"].Value = (object?)x.Url ?? DBNull.Value;
            p["referrer"].Value = (object?)x.Referrer ?? DBNull.Value;
            p["utm_source"].Value = (object?)x.UtmSource ?? DBNull.Value;
            p["utm_medium"].Value = (object?)x.UtmMedium ?? DBNull.Value;
            p["utm_campaign"].Value = (object?)x.UtmCampaign ?? DBNull.Value;
            p["utm_term"].Value = (object?)x.UtmTerm ?? DBNull.Value;
            p["utm_content"].Value = (object?)x.UtmContent ?? DBNull.Value;
            p["click_kind"].Value = (object?)x.ClickKind ?? DBNull.Value;
            p["click_id"].Value = (object?)x.ClickId ?? DBNull.Value;
            p["delivery_id"].Value = x.DeliveryId is { } d ? Text(d) : DBNull.Value;
            p["channel"].Value = x.Channel;
            p["source"].Value = x.Source;
            p["revenue"].Value = x.Revenue is { } rv ? (long)decimal.Round(rv * 10_000m) : DBNull.Value;
            p["currency"].Value = (object?)x.Currency ?? DBNull.Value;
            p["order_id"].Value = (object?)x.OrderId ?? DBNull.Value;
            p["properties_json"].Value = x.PropertiesJson;
            stored[k] = await cmd.ExecuteNonQueryAsync() == 1;
        }
        return stored;
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();
}
