using System.Globalization;
using BrandHub.Core;
using BrandHub.Core.Attribution;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Audience.Imports;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Costs;

/// <summary>
/// Spend per day × channel × campaign, by API or CSV. One amount per key: sending a day again replaces it (idempotent
/// re-imports). Amounts are in the tenant's reporting currency, so ROI and ROAS never add two currencies.
/// </summary>
public static class CostEndpoints
{
    public const int MaxRows = 5_000;

    public sealed record CostInput(DateOnly? Date, string? Channel, string? Campaign, decimal? Amount, string? Currency);
    public sealed record CostBatch(List<CostInput>? Costs);
    public sealed record CostView(DateOnly Date, string Channel, string Campaign, decimal Amount, string Currency, string Source, DateTimeOffset UpdatedAt, string UpdatedBy);
    public sealed record CostPage(IReadOnlyList<CostView> Items, int Page, int PageSize, int Total, decimal TotalAmount);
    public sealed record CostsSaved(int Saved);

    public static IEndpointRouteBuilder MapCosts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/marketing/costs").WithTags("Analytics");
        var manage = Scopes.Policy(Scopes.AnalyticsManage);

        group.MapGet("", async (DateOnly? from, DateOnly? to, string? channel, string? campaign, int? page, int? pageSize, BrandHubDb db, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (from > to) errors.Add(new("to", "The end comes after the start."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var query = db.Set<MarketingCost>().AsNoTracking();
            if (from is { } f) { var start = ReportDays.Key(f); query = query.Where(c => c.Day >= start); }
            if (to is { } t) { var end = ReportDays.Key(t); query = query.Where(c => c.Day <= end); }
            if (channel is not null) query = query.Where(c => c.Channel == channel);
            if (campaign is not null) query = query.Where(c => c.Campaign == campaign);
            var total = await query.CountAsync(ct);
            var amount = (await query.Select(c => c.Amount).ToListAsync(ct)).Sum();
            var rows = await query.OrderByDescending(c => c.Day).ThenBy(c => c.Channel).ThenBy(c => c.Campaign).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new CostPage(rows.Select(View).ToList(), paging.Page, paging.PageSize, total, amount));
        }).RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("Spend per day, channel and campaign, newest first; filters from/to (dates, inclusive), channel, campaign; totalAmount over the filter")
          .Produces<CostPage>().ProducesValidationProblem();

        group.MapPut("", async (CostBatch body, CostBook book, CancellationToken ct) =>
        {
            if (body.Costs is not { Count: > 0 and <= MaxRows }) return Problems.Validation("costs", $"Between 1 and {MaxRows} rows.");
            var (saved, errors) = await book.SaveAsync(body.Costs.Select((c, i) => ($"costs[{i}].", c)).ToList(), "api", ct);
            return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(new CostsSaved(saved));
        }).RequireAuthorization(manage)
          .WithSummary("Set spend rows {date, channel, campaign?, amount, currency}: each replaces the amount for its day, channel and campaign; all or nothing")
          .Produces<CostsSaved>().ProducesValidationProblem();

        group.MapPost("/import", async (HttpRequest request, CostBook book, CancellationToken ct) =>
        {
            if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
                return Results.Problem(title: "Send the costs as text/csv.", statusCode: 415, detail: "Columns: date,channel,campaign,amount,currency (campaign and currency optional).");
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            var (file, fileErrors) = CsvFile.Inspect(buffer.ToArray());
            if (file is null) return Problems.Validation(fileErrors);
            int Column(string name) => Array.FindIndex(file.Headers, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            var missing = new[] { "date", "channel", "amount" }.Where(c => Column(c) < 0).ToList();
            if (missing.Count > 0) return Problems.Validation("file", $"Missing column(s): {string.Join(", ", missing)}. Header: date,channel,campaign,amount,currency.");
            if (file.RowCount > MaxRows) return Problems.Validation("file", $"At most {MaxRows} rows per import.");
            var rows = new List<(string, CostInput)>();
            var parseErrors = new List<FieldError>();
            foreach (var (row, fields) in CsvFile.DataRows(buffer.ToArray(), file.Delimiter))
            {
                string? Field(string name) => Column(name) is >= 0 and var i && i < fields.Length && fields[i].Trim() is { Length: > 0 } v ? v : null;
                var prefix = $"row {row}: ";
                DateOnly? date = null;
                if (Field("date") is { } d)
                {
                    if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) date = parsed;
                    else parseErrors.Add(new(prefix + "date", $"A date as yyyy-mm-dd, got '{d}'."));
                }
                decimal? amount = null;
                if (Field("amount") is { } a)
                {
                    if (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) amount = parsed;
                    else parseErrors.Add(new(prefix + "amount", $"A number such as 120.50, got '{a}'."));
                }
                rows.Add((prefix, new CostInput(date, Field("channel"), Field("campaign"), amount, Field("currency"))));
            }
            var (saved, errors) = await book.SaveAsync(rows, "csv", ct);
            errors.InsertRange(0, parseErrors);
            return errors.Count > 0 ? Problems.Validation(errors.DistinctBy(e => e.Field)) : Results.Ok(new CostsSaved(saved));
        }).RequireAuthorization(manage).Accepts<string>("text/csv")
          .WithSummary("Import spend from CSV (date,channel,campaign,amount,currency); each row replaces its day, channel and campaign; all or nothing, errors by row")
          .Produces<CostsSaved>().ProducesValidationProblem().ProducesProblem(415);

        group.MapDelete("", async (DateOnly date, string channel, string? campaign, BrandHubDb db, AuditTrail audit, CancellationToken ct) =>
        {
            var day = ReportDays.Key(date);
            var key = campaign ?? "";
            var row = await db.Set<MarketingCost>().FirstOrDefaultAsync(c => c.Day == day && c.Channel == channel && c.Campaign == key, ct);
            if (row is null) return Problems.NotFound("Cost");
            db.Remove(row);
            audit.Record("cost.deleted", "cost", $"{date:yyyy-MM-dd}/{channel}/{key}", View(row), null);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(manage).WithSummary("Delete the spend of one day, channel and campaign").Produces(204).ProducesProblem(404);
        return app;
    }

    private static CostView View(MarketingCost c) =>
        new(ReportDays.FromKey(c.Day), c.Channel, c.Campaign, c.Amount, c.Currency, c.Source, c.UpdatedAt, c.UpdatedBy);
}

/// <summary>Checks and upserts spend rows, all or nothing.</summary>
public sealed class CostBook(BrandHubDb db, AnalyticsRollup rollup, AuditTrail audit, Actor actor, TimeProvider clock)
{
    public async Task<(int Saved, List<FieldError> Errors)> SaveAsync(IReadOnlyList<(string Prefix, CostEndpoints.CostInput Row)> rows, string source, CancellationToken ct)
    {
        var currency = (await rollup.SettingsAsync(ct)).Currency;
        var errors = new List<FieldError>();
        var clean = new Dictionary<(DateTimeOffset, string, string), decimal>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var (prefix, r) in rows)
        {
            if (r.Date is not { } date) errors.Add(new(prefix + "date", "The day, as yyyy-mm-dd."));
            else if (date > today.AddDays(1)) errors.Add(new(prefix + "date", "Spend cannot be in the future."));
            var channel = r.Channel?.Trim().ToLowerInvariant();
            if (channel is null || !TouchChannels.All.Contains(channel)) errors.Add(new(prefix + "channel", $"One of {string.Join(", ", TouchChannels.All)}."));
            var campaign = r.Campaign?.Trim() ?? "";
            if (campaign.Length > 200) errors.Add(new(prefix + "campaign", "At most 200 characters."));
            if (r.Amount is not { } amount || amount < 0 || amount > 1_000_000_000m || decimal.Round(amount, 4) != amount)
                errors.Add(new(prefix + "amount", "An amount from 0 to 1,000,000,000 with at most 4 decimals."));
            if (r.Currency is { } c && !c.Trim().Equals(currency, StringComparison.OrdinalIgnoreCase))
                errors.Add(new(prefix + "currency", $"Costs are kept in {currency}, the tenant's reporting currency: convert before sending."));
            if (errors.Count == 0) clean[(ReportDays.Key(r.Date!.Value), channel!, campaign)] = r.Amount!.Value;
        }
        if (errors.Count > 0) return (0, errors);

        var days = clean.Keys.Select(k => k.Item1).ToList();
        DateTimeOffset first = days.Min(), last = days.Max();
        var existing = (await db.Set<MarketingCost>().Where(c => c.Day >= first && c.Day <= last).ToListAsync(ct))
            .ToDictionary(c => (c.Day, c.Channel, c.Campaign));
        var now = clock.GetUtcNow();
        foreach (var ((day, channel, campaign), amount) in clean)
        {
            if (!existing.TryGetValue((day, channel, campaign), out var row))
                db.Add(row = new MarketingCost { TenantId = db.Scope.RequiredTenantId, Day = day, Channel = channel, Campaign = campaign });
            row.Amount = amount;
            row.Currency = currency;
            row.Source = source;
            row.UpdatedAt = now;
            row.UpdatedBy = actor.Id;
        }
        audit.Record("costs.saved", "costs", source, null, new { Rows = clean.Count, First = first, Last = last, Total = clean.Values.Sum() });
        await db.SaveChangesAsync(ct);
        return (clean.Count, errors);
    }
}
