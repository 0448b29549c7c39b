using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Customers;

public sealed class IndexModel : BooksPage
{
    public string? Search { get; private set; }

    public IReadOnlyList<CustomerResponse> Customers { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? search)
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var list = await Api.GetAsync<CustomerList>("api/v1/customers?limit=500" + (Search is null ? "" : "&search=" + Uri.EscapeDataString(Search)));
        if (Failed(list) is { } failed)
        {
            return failed;
        }

        Customers = list.Value!.Items;
        Total = list.Value.Total;
        return Page();
    }
}
