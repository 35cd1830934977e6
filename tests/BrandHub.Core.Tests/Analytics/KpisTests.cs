using BrandHub.Core.Analytics;

namespace BrandHub.Core.Tests.Analytics;

public sealed class KpisTests
{
    [Theory]
    // revenue, cost, conversions, sessions, new customers → profit, roas, roi, cpa, cac, conversion rate (null = no denominator)
    [InlineData(1000, 250, 20, 400, 10, 750, 4.0, 3.0, 12.5, 25.0, 0.05)]
    [InlineData(0, 100, 0, 50, 0, -100, 0.0, -1.0, null, null, 0.0)]
    [InlineData(500, 0, 5, 0, 5, 500, null, null, 0.0, 0.0, null)]
    [InlineData(100, 300, 3, 90, 1, -200, 0.3333, -0.6667, 100.0, 300.0, 0.0333)]
    public void Every_kpi_from_its_inputs(double revenue, double cost, double conversions, long sessions, double newCustomers,
        double profit, double? roas, double? roi, double? cpa, double? cac, double? rate)
    {
        var k = Kpis.Of(new KpiInputs((decimal)revenue, (decimal)cost, (decimal)conversions, sessions, (decimal)newCustomers));
        k.Profit.ShouldBe((decimal)profit);
        k.Roas.ShouldBe((decimal?)roas);
        k.Roi.ShouldBe((decimal?)roi);
        k.Cpa.ShouldBe((decimal?)cpa);
        k.Cac.ShouldBe((decimal?)cac);
        k.ConversionRate.ShouldBe((decimal?)rate);
    }

    [Theory]
    [InlineData(120, 100, 0.2)]
    [InlineData(80, 100, -0.2)]
    [InlineData(5, 0, null)]
    [InlineData(-50, -100, 0.5)] // a loss halved is an improvement
    public void Change_is_relative_to_the_previous_period(double current, double previous, double? change) =>
        Kpis.Change((decimal)current, (decimal)previous).ShouldBe((decimal?)change);

    [Fact]
    public void Inputs_add_up() =>
        new KpiInputs(1, 2, 3, 4, 5).Plus(new KpiInputs(10, 20, 30, 40, 50)).ShouldBe(new KpiInputs(11, 22, 33, 44, 55));
}
