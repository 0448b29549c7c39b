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

    [Fact]
    public void A_new_frequency_carries_on_from_the_last_invoice_made_at_the_new_pace()
    {
        // Monthly from Jan 31; Jan 31, Feb 28 and Mar 31 are made. Counting 3 weeks or 3 years from Jan 31 would put the
        // next one in the past (every missed week made at once) or years ahead.
        var start = new DateOnly(2026, 1, 31);
        var weekly = RecurringSchedule.AfterEdit(Frequencies.Monthly, start, 3, Frequencies.Weekly, start);
        Assert.Equal(new DateOnly(2026, 4, 7), RecurringSchedule.Occurrence(Frequencies.Weekly, weekly.Start, weekly.Generated));
        var yearly = RecurringSchedule.AfterEdit(Frequencies.Monthly, start, 3, Frequencies.Yearly, start);
        Assert.Equal(new DateOnly(2027, 3, 31), RecurringSchedule.Occurrence(Frequencies.Yearly, yearly.Start, yearly.Generated));
    }

    [Fact]
    public void Other_edits_keep_the_schedule_and_a_new_start_begins_it_again()
    {
        var start = new DateOnly(2026, 1, 31);
        Assert.Equal((start, 3), RecurringSchedule.AfterEdit(Frequencies.Monthly, start, 3, Frequencies.Monthly, start));
        Assert.Equal((start, 0), RecurringSchedule.AfterEdit(Frequencies.Monthly, start, 0, Frequencies.Weekly, start));
        Assert.Equal((new DateOnly(2026, 6, 1), 0), RecurringSchedule.AfterEdit(Frequencies.Monthly, start, 3, Frequencies.Monthly, new DateOnly(2026, 6, 1)));
    }
}
