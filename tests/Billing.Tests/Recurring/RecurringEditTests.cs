using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Recurring;

namespace BillingBooks.Billing.Tests.Recurring;

public class RecurringEditTests
{
    private static readonly DateOnly Today = new(2026, 4, 20);

    /// <summary>Monthly from Jan 31 to the end of the year; Jan 31, Feb 28 and Mar 31 made.</summary>
    private static readonly RecurringState Made = new(
        1, new InvoiceRequest("1", null, new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 14), null, null, null, null, null, null, []),
        Frequencies.Monthly, new DateOnly(2026, 1, 31), new DateOnly(2026, 12, 31), [], 3, ["1", "2", "3"], null);

    [Fact]
    public void Recipients_and_a_later_stop_date_can_change_after_invoices_are_made()
    {
        Assert.Empty(RecurringEdit.Problems(Made, Made with { Recipients = ["ap@example.com"], StopDate = new DateOnly(2027, 6, 30) }, Today));
        Assert.Empty(RecurringEdit.Problems(Made, Made with { StopDate = null }, Today));
    }

    [Fact]
    public void Pace_and_start_are_fixed_once_invoices_are_made()
    {
        // Weekly counted from Jan 31 would make Feb 21 its 4th: six weeks of "missed" invoices at once.
        var pace = RecurringEdit.Problems(Made, Made with { Frequency = Frequencies.Weekly }, Today);
        Assert.Equal("frequency", Assert.Single(pace).Field);
        Assert.Contains("2026-03-31", pace[0].Message, StringComparison.Ordinal);
        // Going back to the original start (what a client that kept it sends) would make all three again.
        Assert.Equal("startDate", Assert.Single(RecurringEdit.Problems(Made, Made with { StartDate = new DateOnly(2026, 6, 1), Generated = 0 }, Today)).Field);
        Assert.Empty(RecurringEdit.Problems(Made with { Generated = 0, InvoiceIds = [] }, Made with { Generated = 0, Frequency = Frequencies.Weekly, StartDate = new DateOnly(2026, 5, 1) }, Today));
    }

    [Fact]
    public void Reopening_an_ended_schedule_would_make_every_missed_date_and_is_refused()
    {
        var ended = Made with { StopDate = new DateOnly(2026, 3, 31) }; // ended after Mar 31
        var reopened = RecurringEdit.Problems(ended, ended with { StopDate = new DateOnly(2026, 12, 31) }, new DateOnly(2026, 7, 15));
        Assert.Equal("stopDate", Assert.Single(reopened).Field);
        // The generator simply not having run yet today is no edit's doing.
        Assert.Empty(RecurringEdit.Problems(Made, Made with { Recipients = ["ap@example.com"] }, new DateOnly(2026, 4, 30)));
    }
}
