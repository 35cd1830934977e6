using BrandHub.Core.Campaigns;

namespace BrandHub.Core.Tests.Campaigns;

public sealed class BudgetGuardTests
{
    [Theory]
    [InlineData(null, 0.0, 0.01, 1000, 1000)]   // no budget: everything
    [InlineData(10.0, 0.0, 0.0, 1000, 1000)]        // free channel: everything
    [InlineData(10.0, 0.0, 1.0, 1000, 10)]          // stops exactly at the limit
    [InlineData(10.0, 9.5, 1.0, 1000, 0)]         // half a message left is none
    [InlineData(10.0, 10.0, 1.0, 5, 0)]
    [InlineData(10.0, 12.0, 1.0, 5, 0)]             // overspent (cost raised later): nothing
    [InlineData(1.0, 0.0, 0.003, 1000, 333)]
    [InlineData(100.0, 40.0, 0.25, 100, 100)]
    [InlineData(100.0, 40.0, 0.25, 0, 0)]
    public void Affordable_counts_whole_messages_that_fit(double? budget, double committed, double cost, long wanted, long expected) =>
        BudgetGuard.Affordable((decimal?)budget, (decimal)committed, (decimal)cost, wanted).ShouldBe(expected);

    [Fact]
    public void Never_commits_past_the_budget_property()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var budget = random.Next(0, 10_000) / 100m;
            var cost = random.Next(1, 500) / 1000m;
            var committed = 0m;
            while (true)
            {
                var batch = random.Next(1, 50);
                var n = BudgetGuard.Affordable(budget, committed, cost, batch);
                n.ShouldBeInRange(0, batch);
                committed += n * cost;
                committed.ShouldBeLessThanOrEqualTo(budget);
                if (n < batch) break;
            }
            BudgetGuard.Exhausted(budget, committed, cost).ShouldBeTrue();
        }
    }
}
