using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Recurring;

/// <summary>Recurring invoices: their schedule, stop date and auto-send list (made from an invoice's page).</summary>
public sealed class IndexModel : BooksPage
{
    private Dictionary<string, string> _customers = [];

    public IReadOnlyList<RecurringResponse> Items { get; private set; } = [];

    public string CustomerName(string? id) => id is null ? "" : _customers.GetValueOrDefault(id, "");

    public async Task<IActionResult> OnGetAsync()
    {
        var list = await Api.GetAsync<RecurringList>("api/v1/recurring");
        var customers = await Api.GetAsync<CustomerList>("api/v1/customers?limit=500");
        if ((Failed(list) ?? Failed(customers)) is { } failed)
        {
            return failed;
        }

        Items = list.Value!.Items;
        _customers = customers.Value!.Items.ToDictionary(c => c.Id, c => c.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string schedule)
    {
        var deleted = await Api.DeleteAsync($"api/v1/recurring/{Uri.EscapeDataString(schedule)}");
        if (deleted.Problem is not null)
        {
            return await ShowAndReloadAsync(deleted.Problem, OnGetAsync);
        }

        Notice = "The recurring invoice is stopped; the invoices it made stay.";
        return LocalRedirect("/recurring");
    }
}
