using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Invoices;

/// <summary>Invoices by status (draft, outstanding, past due, paid, void) and quotes (draft, sent).</summary>
public sealed class IndexModel : BooksPage
{
    private Dictionary<string, string> _names = [];

    [FromRoute]
    public string Section { get; set; } = "invoices";

    public bool IsQuotes => Section == "quotes";

    public string Heading => Section == "quotes" ? "Quotes" : "Invoices";

    public string Tab { get; private set; } = "all";

    public IReadOnlyList<(string Key, string Text)> Tabs => Section == "quotes"
        ? [("all", "All"), ("draft", "Draft"), ("sent", "Sent")]
        : [("all", "All"), ("draft", "Draft"), ("outstanding", "Outstanding"), ("pastdue", "Past due"), ("paid", "Paid"), ("void", "Void")];

    public IReadOnlyList<InvoiceResponse> Items { get; private set; } = [];

    public string CustomerName(string id) => _names.GetValueOrDefault(id, "");

    public async Task<IActionResult> OnGetAsync(string? status)
    {
        Tab = Tabs.Any(t => t.Key == status) ? status! : "all";
        var query = (Section, Tab) switch
        {
            ("quotes", "draft") => "?status=" + InvoiceStatuses.QuoteDraft,
            ("quotes", "sent") => "?status=" + InvoiceStatuses.QuoteSent,
            (_, "draft") => "?status=" + InvoiceStatuses.Draft,
            (_, "paid") => "?status=" + InvoiceStatuses.Paid,
            (_, "void") => "?status=" + InvoiceStatuses.Void,
            (_, "pastdue") => "?pastDue=true",
            _ => "?",
        };
        var list = await Api.GetAsync<InvoiceList>($"api/v1/{Section}{query}&limit=500");
        var customers = await Api.GetAsync<CustomerList>("api/v1/customers?limit=500");
        if ((Failed(list) ?? Failed(customers)) is { } failed)
        {
            return failed;
        }

        _names = customers.Value!.Items.ToDictionary(c => c.Id, c => c.Name);
        Items = Tab == "outstanding"
            ? list.Value!.Items.Where(i => i.Status is InvoiceStatuses.Sent or InvoiceStatuses.Changed or InvoiceStatuses.PartlyPaid).ToArray()
            : list.Value!.Items;
        Items = Items.OrderByDescending(i => i.Date).ThenByDescending(i => i.Number.Length).ThenByDescending(i => i.Number, StringComparer.Ordinal).ToArray();
        return Page();
    }
}
