using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Recurring;

namespace BillingBooks.Billing.Tests.Recurring;

public class RecurringScheduleTests
{
    [Fact]
    public void Month_end_stays_month_end()
    {
        var start = new DateOnly(2026, 1, 31);
        Assert.Equal(
            [new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30)],
            Enumerable.Range(0, 4).Select(n => RecurringSchedule.Occurrence(Frequencies.Monthly, start, n)).ToArray());
        var leap = new DateOnly(2028, 2, 29);
        Assert.Equal(new DateOnly(2028, 3, 31), RecurringSchedule.Occurrence(Frequencies.Monthly, leap, 1));
    }

    [Fact]
    public void The_thirtieth_comes_back_after_february()
    {
        var start = new DateOnly(2026, 1, 30);
        Assert.Equal(
            [new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 30)],
            new[] { 1, 2 }.Select(n => RecurringSchedule.Occurrence(Frequencies.Monthly, start, n)).ToArray());
    }

    [Fact]
    public void Weekly_and_yearly()
    {
        Assert.Equal(new DateOnly(2026, 1, 15), RecurringSchedule.Occurrence(Frequencies.Weekly, new DateOnly(2026, 1, 1), 2));
        Assert.Equal(new DateOnly(2029, 2, 28), RecurringSchedule.Occurrence(Frequencies.Yearly, new DateOnly(2028, 2, 29), 1));
    }
}
