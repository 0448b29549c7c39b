using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Recurring;

/// <summary>A recurring invoice as stored (doc column).</summary>
public sealed record RecurringState(
    long Id,
    InvoiceRequest Template,
    string Frequency,
    DateOnly StartDate,
    DateOnly? StopDate,
    IReadOnlyList<string> Recipients,
    int Generated,
    IReadOnlyList<string> InvoiceIds,
    string? StoppedBecause,
    RecurringProblem? LastProblem = null)
{
    public int DueDays => Template.Date is { } date && Template.DueDate is { } due ? due.DayNumber - date.DayNumber : 0;

    public DateOnly? NextDate
    {
        get
        {
            if (StoppedBecause is not null)
            {
                return null;
            }

            var next = RecurringSchedule.Occurrence(Frequency, StartDate, Generated);
            return StopDate is { } stop && next > stop ? null : next;
        }
    }

    public RecurringResponse ToResponse() => new(
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Template, Frequency, StartDate, StopDate, Recipients, NextDate, Generated, InvoiceIds, StoppedBecause, LastProblem);
}
