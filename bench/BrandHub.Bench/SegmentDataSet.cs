using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BrandHub.Bench;

/// <summary>
/// The <c>segment-preview</c> data set: N contacts with realistic spreads (country/city, lifecycle stage, typed custom
/// attributes declared in <c>attribute_definitions</c>, tags, consents on four channels, a few global unsubscribes and
/// suppressed addresses) and E contact events (page_view, login, add_to_cart, purchase) over the last 365 days with
/// Zipf-ish per-contact counts, plus <c>contact_metrics</c> computed from them exactly as event ingest computes them.
/// Written with set-based SQL (<c>generate_series</c> / recursive CTEs) in the storage formats of the migrations
/// (uuid / upper-case TEXT ids, timestamptz / Unix ms, numeric / INTEGER ten-thousandths). Values come from a
/// multiplicative hash of the row number, so both providers get the same data set (same counts), up to the clock.
/// </summary>
public static class SegmentDataSet
{
    /// <summary>The custom attributes the criteria can use (name, type).</summary>
    public static readonly (string Name, string Type)[] Attributes = [("plan", "string"), ("score", "number"), ("newsletter", "bool")];

    // A pseudo-random value per row and stream: (x * multiplier) mod a prime, stays inside 64 bits for x ≤ 10^9.
    private const long Prime = 4294967291;
    private static string H(string x, long multiplier) => $"(({x}) * {multiplier} % {Prime})";

    // 20 equally likely (country, city, locale, timezone) slots: RO 40 %, DE 15 %, FR/IT/ES 10 % each, GB/US/PL 5 % each.
    private const string Geo = """
        geo(k, country, city, locale, tz) AS (VALUES
          (0, 'RO', 'Bucharest', 'ro-RO', 'Europe/Bucharest'), (1, 'RO', 'Bucharest', 'ro-RO', 'Europe/Bucharest'),
          (2, 'RO', 'Bucharest', 'ro-RO', 'Europe/Bucharest'), (3, 'RO', 'Cluj-Napoca', 'ro-RO', 'Europe/Bucharest'),
          (4, 'RO', 'Cluj-Napoca', 'ro-RO', 'Europe/Bucharest'), (5, 'RO', 'Iasi', 'ro-RO', 'Europe/Bucharest'),
          (6, 'RO', 'Timisoara', 'ro-RO', 'Europe/Bucharest'), (7, 'RO', 'Brasov', 'ro-RO', 'Europe/Bucharest'),
          (8, 'DE', 'Berlin', 'de-DE', 'Europe/Berlin'), (9, 'DE', 'Munich', 'de-DE', 'Europe/Berlin'),
          (10, 'DE', 'Hamburg', 'de-DE', 'Europe/Berlin'), (11, 'FR', 'Paris', 'fr-FR', 'Europe/Paris'),
          (12, 'FR', 'Lyon', 'fr-FR', 'Europe/Paris'), (13, 'IT', 'Rome', 'it-IT', 'Europe/Rome'),
          (14, 'IT', 'Milan', 'it-IT', 'Europe/Rome'), (15, 'ES', 'Madrid', 'es-ES', 'Europe/Madrid'),
          (16, 'ES', 'Barcelona', 'es-ES', 'Europe/Madrid'), (17, 'GB', 'London', 'en-GB', 'Europe/London'),
          (18, 'US', 'New York', 'en-US', 'America/New_York'), (19, 'PL', 'Warsaw', 'pl-PL', 'Europe/Warsaw'))
        """;

    private static readonly (string Tag, int Percent, long Multiplier)[] Tags =
        [("vip", 5, 1000003), ("newsletter", 30, 1000033), ("b2b", 10, 1000037), ("black-friday-2025", 15, 1000039), ("app-user", 20, 1000081)];

    // channel, percent opted in, multiplier, needs a phone
    private static readonly (string Channel, int Percent, long Multiplier, bool Phone)[] Consents =
        [("email", 60, 2000003, false), ("sms", 30, 2000029, true), ("whatsapp", 15, 2000039, true), ("push", 20, 2000081, false)];

    /// <summary>Generates everything for the tenant; returns the seconds each phase took.</summary>
    public static async Task<Dictionary<string, double>> GenerateAsync(BenchDatabase db, Guid tenantId, int contacts, int events, DateTimeOffset now)
    {
        var pg = db.Provider == "postgres";
        var phases = new Dictionary<string, double>();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using var conn = await OpenAsync(db);
        async Task Run(string phase, string sql)
        {
            var start = sw.Elapsed.TotalSeconds;
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            Add(cmd, "t", pg ? tenantId : tenantId.ToString().ToUpperInvariant());
            Add(cmd, "n", (long)contacts);
            Add(cmd, "e", (long)events);
            Add(cmd, "now", pg ? now : now.ToUnixTimeMilliseconds());
            await cmd.ExecuteNonQueryAsync();
            phases[phase] = Math.Round(phases.GetValueOrDefault(phase) + sw.Elapsed.TotalSeconds - start, 1);
            Console.Error.WriteLine($"[segment-preview] {db.Provider}: {phase} {sw.Elapsed.TotalSeconds - start:0.0} s");
        }

        if (pg) await Run("settings", "SET app.bypass_rls = 'on'; SET maintenance_work_mem = '512MB'; SET work_mem = '256MB'; SET synchronous_commit = off");
        else await Run("settings", "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = FILE");

        string Series(string var, string limit) => pg ? $"generate_series(1, {limit}) {var}" : $"s{var}";
        string With(string var, string limit, string? more = null) => pg
            ? (more is null ? "" : "WITH " + more)
            : $"WITH RECURSIVE s{var}({var}) AS (SELECT 1 UNION ALL SELECT {var} + 1 FROM s{var} WHERE {var} < {limit}){(more is null ? "" : ", " + more)}";
        string Id(string prefix, string x) => pg
            ? $"('{prefix}-0000-7000-8000-' || lpad(to_hex({x}), 12, '0'))::uuid"
            : $"printf('{prefix}-0000-7000-8000-%012X', {x})";
        string Ago(string seconds) => pg ? $"(@now - ({seconds}) * interval '1 second')" : $"(@now - ({seconds}) * 1000)";
        string Json(params (string Key, string Value)[] members) => pg
            ? $"jsonb_build_object({string.Join(", ", members.Select(m => $"'{m.Key}', {m.Value}"))})"
            : $"json_object({string.Join(", ", members.Select(m => $"'{m.Key}', {m.Value}"))})";
        var contactId = Id("01900000", "i");
        var phone = $"{H("i", 1000211)} % 100 < 50";

        // Bulk load without the secondary indexes, rebuilt afterwards from their own definitions (whatever migrations made them).
        var indexes = await SecondaryIndexesAsync(conn, pg, ["contacts", "contact_tags", "contact_consents", "contact_events", "contact_metrics"]);
        foreach (var (name, _) in indexes) await Run("drop indexes", $"DROP INDEX {name}");

        await Run("attribute definitions", string.Join(";\n", Attributes.Select(a =>
            $"INSERT INTO attribute_definitions (tenant_id, name, type, label, created_at) VALUES (@t, '{a.Name}', '{a.Type}', '{a.Name}', @now)")));

        var stage = $"CASE WHEN {H("i", 1000099)} % 100 < 30 THEN 'subscriber' WHEN {H("i", 1000099)} % 100 < 50 THEN 'lead' " +
                    $"WHEN {H("i", 1000099)} % 100 < 65 THEN 'prospect' WHEN {H("i", 1000099)} % 100 < 85 THEN 'customer' " +
                    $"WHEN {H("i", 1000099)} % 100 < 95 THEN 'repeat_customer' ELSE 'churned' END";
        var plan = $"CASE WHEN {H("i", 1000117)} % 100 < 60 THEN 'free' WHEN {H("i", 1000117)} % 100 < 80 THEN 'basic' " +
                   $"WHEN {H("i", 1000117)} % 100 < 95 THEN 'pro' ELSE 'enterprise' END";
        var newsletter = pg ? $"({H("i", 1000121)} % 2 = 0)" : $"json(CASE WHEN {H("i", 1000121)} % 2 = 0 THEN 'true' ELSE 'false' END)";
        var six = pg ? "lpad((i % 1000000)::text, 6, '0')" : "substr('000000' || (i % 1000000), -6, 6)";
        var created = Ago($"{H("i", 1000133)} % (3 * 365 * 86400)");
        await Run("contacts", $"""
            {With("i", "@n", Geo)}
            INSERT INTO contacts (tenant_id, id, email, phone, first_name, last_name, city, country, locale, timezone, lifecycle_stage,
                attributes_json, match_key, global_unsubscribe_at, created_at, updated_at)
            SELECT @t, {contactId}, 'user' || i || '@bench.example.com',
                CASE WHEN {phone} THEN '+40700' || {six} || (i / 1000000) END,
                CASE {H("i", 1000151)} % 4 WHEN 0 THEN 'Ana' WHEN 1 THEN 'Ion' WHEN 2 THEN 'Maria' ELSE 'Andrei' END,
                CASE {H("i", 1000159)} % 4 WHEN 0 THEN 'Popescu' WHEN 1 THEN 'Ionescu' WHEN 2 THEN 'Popa' ELSE 'Dumitru' END,
                g.city, g.country, g.locale, g.tz, {stage},
                {Json(("plan", plan), ("score", $"{H("i", 1000193)} % 101"), ("newsletter", newsletter))},
                'bench' || i,
                CASE WHEN {H("i", 1000177)} % 100 < 2 THEN {Ago("10 * 86400")} END,
                {created}, {created}
            FROM {Series("i", "@n")} JOIN geo g ON g.k = {H("i", 1000081 + 2)} % 20
            """);

        foreach (var (tag, percent, m) in Tags)
            await Run("tags", $"{With("i", "@n")} INSERT INTO contact_tags (tenant_id, contact_id, tag) SELECT @t, {contactId}, '{tag}' FROM {Series("i", "@n")} WHERE {H("i", m)} % 100 < {percent}");

        foreach (var (channel, percent, m, needsPhone) in Consents)
        {
            // Email: 60 % opted in, 10 % opted out; the others opted in only.
            var status = channel == "email" ? $"CASE WHEN {H("i", m)} % 100 < {percent} THEN 'opted_in' ELSE 'opted_out' END" : "'opted_in'";
            var share = channel == "email" ? 70 : percent;
            await Run("consents", $"""
                {With("i", "@n")} INSERT INTO contact_consents (tenant_id, contact_id, channel, status, source, legal_basis, updated_at)
                SELECT @t, {contactId}, '{channel}', {status}, 'bench', 'consent', @now FROM {Series("i", "@n")}
                WHERE {H("i", m)} % 100 < {share}{(needsPhone ? $" AND {phone}" : "")}
                """);
        }

        // 0.5 % of the addresses suppressed on email.
        await Run("suppressions", $"""
            {With("i", "@n")} INSERT INTO suppressions (tenant_id, id, channel, address, reason, note, created_by, created_at)
            SELECT @t, {Id("01920000", "i")}, 'email', 'user' || i || '@bench.example.com', 'hard_bounce', NULL, 'bench', @now
            FROM {Series("i", "@n")} WHERE {H("i", 1000249)} % 200 = 0
            """);

        // Events: the contact is rank floor(N·u³) (a power law: the busiest contacts have thousands of events, most a handful,
        // about a fifth none), permuted over the ids so activity is not tied to age; times uniform over 365 days, in seconds.
        var u = pg ? $"({H("j", 1000271)}::float8 / {Prime})" : $"({H("j", 1000271)} * 1.0 / {Prime})";
        var rank = pg ? $"floor(@n * {u} * {u} * {u})::bigint" : $"CAST(@n * {u} * {u} * {u} AS INTEGER)";
        var contactOf = Id("01900000", $"(({rank}) * 7919 + 12345) % @n + 1");
        var kind = $"{H("j", 1000289)} % 100";
        var eventName = $"CASE WHEN {kind} < 60 THEN 'page_view' WHEN {kind} < 80 THEN 'login' WHEN {kind} < 92 THEN 'add_to_cart' ELSE 'purchase' END";
        var cents = $"(1000 + {H("j", 1000303)} % 49000)"; // 10.00 … 499.99
        var properties = $"CASE WHEN {kind} < 60 THEN {Json(("path", "'/p/' || (j % 500)"))} WHEN {kind} < 80 THEN {Json(("method", "'password'"))} " +
                         $"WHEN {kind} < 92 THEN {Json(("sku", "'SKU-' || (j % 300)"))} ELSE {Json(("orderId", "'B' || j"), ("items", "1 + j % 4"))} END";
        var revenue = pg ? $"CASE WHEN {kind} >= 92 THEN ({cents} / 100.0)::numeric(18,4) END" : $"CASE WHEN {kind} >= 92 THEN {cents} * 100 END";
        // In slices of a million rows, so progress shows and no statement holds everything at once.
        const int Slice = 1_000_000;
        for (var from = 0L; from < events; from += Slice)
        {
            var to = Math.Min(events, from + Slice);
            var series = pg ? $"generate_series({from + 1}::bigint, {to}) j" : "sj";
            var with = pg ? "" : $"WITH RECURSIVE sj(j) AS (SELECT {from + 1} UNION ALL SELECT j + 1 FROM sj WHERE j < {to})";
            await Run("events", $"""
                {with} INSERT INTO contact_events (tenant_id, id, contact_id, name, occurred_at, properties_json, revenue, currency)
                SELECT @t, {Id("01910000", "j")}, {contactOf}, {eventName}, {Ago($"{H("j", 1000313)} % (365 * 86400)")}, {properties}, {revenue},
                    CASE WHEN {kind} >= 92 THEN 'RON' END
                FROM {series}
                """);
        }

        foreach (var (_, definition) in indexes) await Run("rebuild indexes", definition);

        // As event ingest computes them (ContactEventIngest.RecomputeMetricsAsync).
        await Run("metrics", """
            INSERT INTO contact_metrics (tenant_id, contact_id, orders, revenue, last_order_at, last_seen_at, updated_at)
            SELECT e.tenant_id, e.contact_id,
                SUM(CASE WHEN e.name = 'purchase' THEN 1 ELSE 0 END),
                COALESCE(SUM(CASE WHEN e.name = 'purchase' THEN e.revenue END), 0),
                MAX(CASE WHEN e.name = 'purchase' THEN e.occurred_at END),
                MAX(e.occurred_at), @now
            FROM contact_events e WHERE e.tenant_id = @t
            GROUP BY e.tenant_id, e.contact_id
            """);
        // VACUUM too on PostgreSQL: sets the visibility map, as autovacuum would on a live database, so index-only scans work.
        if (pg) foreach (var table in new[] { "contacts", "contact_tags", "contact_consents", "contact_events", "contact_metrics", "suppressions", "attribute_definitions" })
            await Run("vacuum analyze", $"VACUUM ANALYZE {table}");
        else await Run("analyze", "ANALYZE; PRAGMA journal_mode = WAL");
        return phases;
    }

    /// <summary>Names and CREATE statements of the non-unique, non-key indexes of the tables.</summary>
    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(DbConnection conn, bool pg, string[] tables)
    {
        var list = new List<(string, string)>();
        await using var cmd = conn.CreateCommand();
        var names = string.Join(", ", tables.Select(t => $"'{t}'"));
        cmd.CommandText = pg
            ? $"SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_index x ON x.indexrelid = (quote_ident(i.indexname))::regclass " +
              $"WHERE i.schemaname = current_schema() AND i.tablename IN ({names}) AND NOT x.indisunique AND NOT x.indisprimary"
            : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({names}) AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'";
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    public static async Task<DbConnection> OpenAsync(BenchDatabase db)
    {
        DbConnection conn = db.Provider == "postgres" ? new NpgsqlConnection(db.Connection) : new SqliteConnection(db.Connection);
        await conn.OpenAsync();
        return conn;
    }

    public static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = (cmd is SqliteCommand ? "@" : "") + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
