using System.Globalization;
using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Recurring;

/// <summary>
/// One recurring invoice's schedule: how often, when it stops, who gets each one by email. What is invoiced (the
/// template) stays as made from its invoice; the start stays too, so the invoices already made are not made again.
/// </summary>
public sealed class EditModel : BooksPage
{
    [FromRoute]
    public string Id { get; set; } = "";

    public RecurringResponse? Schedule { get; private set; }

    public string CustomerName { get; private set; } = "";

    /// <summary>The API names each address (recipients[2]); the form has one box for all of them ("Recipient 3: ...").</summary>
    protected override ErrorPlaces Places => new ErrorPlaces().Into("recipients", "recipients");

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } failed)
        {
            return failed;
        }

        var s = Schedule!;
        Values["frequency"] = s.Frequency;
        Values["stopDate"] = s.StopDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Values["recipients"] = string.Join(", ", s.Recipients);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepPostedValues();
        if (await LoadAsync() is { } failed)
        {
            return failed;
        }

        if (ReadOnly)
        {
            return StatusCode(403, "A bookkeeper sees a client's books read-only.");
        }

        DateOnly? stopDate = null;
        if (Posted("stopDate") is { } stop)
        {
            if (!DateOnly.TryParseExact(stop, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return OnForm(new Problem("about:blank", "Invalid", 422, null, new Dictionary<string, string[]> { ["stopDate"] = ["not a date; use YYYY-MM-DD"] }));
            }

            stopDate = parsed;
        }

        var s = Schedule!;
        var recipients = Value("recipients").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var saved = await Api.PutAsync<RecurringResponse>($"api/v1/recurring/{Uri.EscapeDataString(Id)}", new RecurringRequest(
            s.Template, Posted("frequency"), s.StartDate, stopDate, recipients));
        if (saved.Problem is { } problem)
        {
            return Show(problem);
        }

        Notice = saved.Value!.NextDate is { } next
            ? $"The schedule is saved; the next invoice is made on {next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."
            : "The schedule is saved; it makes no more invoices.";
        return LocalRedirect("/recurring");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var schedule = await Api.GetAsync<RecurringResponse>($"api/v1/recurring/{Uri.EscapeDataString(Id)}");
        if (Failed(schedule) is { } failed)
        {
            return failed;
        }

        Schedule = schedule.Value!;
        if (Schedule.Template.CustomerId is { } customerId)
        {
            var customer = await Api.GetAsync<CustomerResponse>($"api/v1/customers/{Uri.EscapeDataString(customerId)}");
            CustomerName = customer.Value?.Name ?? "a deleted customer";
        }

        return null;
    }
}
