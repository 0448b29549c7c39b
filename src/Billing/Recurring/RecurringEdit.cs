namespace BillingBooks.Billing.Recurring;

/// <summary>
/// What an edit may change in a schedule that has already made invoices. Occurrences are counted from the start at
/// the schedule's pace, so once invoices are made neither may move: counted again at another pace or from another
/// start, the next date would fall in the past (every "missed" one made at once) or skip ahead. Nor may an edit
/// bring back dates already gone (a stop date moved past a schedule that ended, say), for the same reason. Pure.
/// </summary>
public static class RecurringEdit
{
    /// <summary>Field errors for changing <paramref name="existing"/> into <paramref name="edited"/> on <paramref name="today"/>; empty when allowed.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(RecurringState existing, RecurringState edited, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(edited);
        var problems = new List<(string, string)>();
        if (existing.Generated > 0)
        {
            var last = RecurringSchedule.Occurrence(existing.Frequency, existing.StartDate, existing.Generated - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (edited.Frequency != existing.Frequency)
            {
                problems.Add(("frequency", $"invoices are already made from this schedule (the last on {last}); to change how often, stop it and repeat its last invoice"));
            }

            if (edited.StartDate != existing.StartDate)
            {
                problems.Add(("startDate", $"invoices are already made from this schedule (the last on {last}); its start cannot move"));
            }
        }

        if (problems.Count == 0 && edited.NextDate is { } next && next < today && next != existing.NextDate)
        {
            problems.Add(("stopDate", $"this would make the invoices of every date since {next.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} at once; repeat the last invoice to start again from today"));
        }

        return problems;
    }
}
