namespace BillingBooks.Billing.Contracts;

/// <summary>
/// POST/PUT /api/v1/recurring (SPEC 1.4): a draft is made from <see cref="Template"/> on every occurrence, at
/// 03:00 in the account's time zone, dated the occurrence and keeping the template's gap between date and due
/// date. Monthly from a month's last day stays on month ends. <see cref="Recipients"/>, when set, are emailed
/// the draft automatically (by the sending feature).
/// </summary>
/// <param name="Frequency">"weekly", "monthly" or "yearly".</param>
/// <param name="StartDate">The first occurrence.</param>
/// <param name="StopDate">No occurrence after this date (optional).</param>
public sealed record RecurringRequest(
    InvoiceRequest? Template,
    string? Frequency,
    DateOnly? StartDate,
    DateOnly? StopDate,
    IReadOnlyList<string>? Recipients);

public sealed record RecurringResponse(
    string Id,
    InvoiceRequest Template,
    string Frequency,
    DateOnly StartDate,
    DateOnly? StopDate,
    IReadOnlyList<string> Recipients,
    DateOnly? NextDate,
    int Generated,
    IReadOnlyList<string> InvoiceIds,
    string? StoppedBecause,
    RecurringProblem? LastProblem = null);

/// <summary>
/// What went wrong the last time the schedule ran - an invoice made but not emailed, say, left a draft to send by hand -
/// kept until a later run goes through without one.
/// </summary>
/// <param name="What">What happened, why, and what to do.</param>
/// <param name="At">When (the service's time).</param>
/// <param name="InvoiceId">The invoice concerned, if any.</param>
public sealed record RecurringProblem(string What, DateTimeOffset At, string? InvoiceId);

public sealed record RecurringList(IReadOnlyList<RecurringResponse> Items);

public static class Frequencies
{
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string Yearly = "yearly";
}
