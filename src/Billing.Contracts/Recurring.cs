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
    string? StoppedBecause);

public sealed record RecurringList(IReadOnlyList<RecurringResponse> Items);

public static class Frequencies
{
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string Yearly = "yearly";
}
