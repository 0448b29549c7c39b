using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages;

/// <summary>Outstanding and past due per currency (from the Invoice Report), recent invoices and payments.</summary>
public sealed class IndexModel : BooksPage
{
    public IReadOnlyList<(string Currency, string Amount)> Outstanding { get; private set; } = [];

    public IReadOnlyList<(string Currency, string Amount)> PastDue { get; private set; } = [];

    public IReadOnlyList<InvoiceResponse> RecentInvoices { get; private set; } = [];

    public IReadOnlyList<PaymentDocument> RecentPayments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var open = await Api.GetAsync<InvoiceReport>("api/v1/reports/invoices");
        var due = await Api.GetAsync<InvoiceReport>("api/v1/reports/invoices?pastDue=true");
        var invoices = await Api.GetAsync<InvoiceList>("api/v1/invoices?limit=200");
        var payments = await Api.GetAsync<PaymentList>("api/v1/payments?limit=200");
        if ((Failed(open) ?? Failed(due) ?? Failed(invoices) ?? Failed(payments)) is { } failed)
        {
            return failed;
        }

        Outstanding = Amounts.SumByCurrency(open.Value!.Rows.Where(IsOpen).Select(r => (r.Currency, r.Owing)));
        PastDue = Amounts.SumByCurrency(due.Value!.Rows.Where(IsOpen).Select(r => (r.Currency, r.Owing)));
        RecentInvoices = invoices.Value!.Items.OrderByDescending(i => i.Date).ThenByDescending(i => i.Number, StringComparer.Ordinal).Take(8).ToArray();
        RecentPayments = payments.Value!.Items.OrderByDescending(p => p.Date).Take(8).ToArray();
        return Page();
    }

    private static bool IsOpen(InvoiceReportRow row) =>
        row.Status is InvoiceStatuses.Sent or InvoiceStatuses.Changed or InvoiceStatuses.PartlyPaid;
}
