using BrandHub.Core.Attribution;

namespace BrandHub.Core.Analytics;

/// <summary>Customers who first bought in one month, and how many of them bought again (and for how much) in each month after.</summary>
/// <param name="Retention">Per month since the first purchase (0 = that month, always 1): the share of the cohort that bought.</param>
/// <param name="Revenue">Per month since the first purchase: what the cohort spent.</param>
public sealed record Cohort(string Month, int Customers, IReadOnlyList<decimal> Retention, IReadOnlyList<decimal> Revenue);

/// <summary>Retention and revenue by first-purchase month (months of the tenant's calendar; shares to 4 decimals).</summary>
public static class Cohorts
{
    /// <param name="purchases">Every purchase: who bought (a visitor key), when, for how much.</param>
    /// <param name="lastMonth">The last month shown (its first day).</param>
    /// <param name="months">How many cohorts, ending with <paramref name="lastMonth"/>.</param>
    /// <param name="calendar">Which month an instant falls in (UTC when not given).</param>
    public static List<Cohort> Build(IEnumerable<(string Customer, DateTimeOffset At, decimal Value)> purchases, DateOnly lastMonth, int months,
        ReportDays? calendar = null)
    {
        calendar ??= ReportDays.Utc;
        int MonthIndex(DateTimeOffset at) { var day = calendar.DayOf(at); return day.Year * 12 + day.Month - 1; }
        var byCustomer = purchases.GroupBy(p => p.Customer).Select(g => (First: MonthIndex(g.Min(p => p.At)), Buys: g.Select(p => (Month: MonthIndex(p.At), p.Value)).ToList())).ToList();
        var last = lastMonth.Year * 12 + lastMonth.Month - 1;
        var cohorts = new List<Cohort>();
        for (var month = last - months + 1; month <= last; month++)
        {
            var members = byCustomer.Where(c => c.First == month).ToList();
            var span = last - month + 1;
            var retention = new decimal[span];
            var revenue = new decimal[span];
            for (var k = 0; k < span; k++)
            {
                var active = members.Count(c => c.Buys.Any(b => b.Month == month + k));
                retention[k] = members.Count == 0 ? 0 : decimal.Round((decimal)active / members.Count, 4, MidpointRounding.AwayFromZero);
                revenue[k] = members.Sum(c => c.Buys.Where(b => b.Month == month + k).Sum(b => b.Value));
            }
            cohorts.Add(new Cohort($"{month / 12:0000}-{month % 12 + 1:00}", members.Count, retention, revenue));
        }
        return cohorts;
    }
}
