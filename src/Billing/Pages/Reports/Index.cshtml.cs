using System.Globalization;
using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Reports;

/// <summary>SPEC 1.7's Invoice Report and Payment Report: on screen, printable, and as CSV (the same rows).</summary>
public sealed class IndexModel : BooksPage
{
    public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    public bool IsPayments { get; private set; }

    public ReportTable Table { get; private set; } = new([], []);

    public static bool IsAmount(string header) =>
        header is "Subtotal" or "Discount" or "Total" or "Paid" or "Owing" or "Amount" || header.EndsWith(" tax", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(string? report) => await LoadAsync(report) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(string? report)
    {
        if (await LoadAsync(report) is { } failed)
        {
            return failed;
        }

        return File(Billing.Reports.ReportCsv.Encode(Table.Rows.Prepend(Table.Header)), Billing.Reports.ReportCsv.ContentType, IsPayments ? "payment-report.csv" : "invoice-report.csv");
    }

    private async Task<IActionResult?> LoadAsync(string? report)
    {
        IsPayments = report == "payments";
        if (IsPayments)
        {
            var payments = await Api.GetAsync<PaymentReport>("api/v1/reports/payments");
            var customers = await Api.GetAsync<CustomerList>("api/v1/customers?limit=500");
            var invoices = await Api.GetAsync<InvoiceList>("api/v1/invoices?limit=500");
            if ((Failed(payments) ?? Failed(customers) ?? Failed(invoices)) is { } failed)
            {
                return failed;
            }

            var names = customers.Value!.Items.ToDictionary(c => c.Id, c => c.Name);
            var numbers = invoices.Value!.Items.ToDictionary(i => i.Id, i => i.Number);
            Table = new ReportTable(
                ["Date", "Customer", "Method", "Reference", "Applied to", "Currency", "Amount"],
                payments.Value!.Rows.Select(p => (IReadOnlyList<string>)
                [
                    p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), names.GetValueOrDefault(p.CustomerId, ""),
                    Payments.IndexModel.MethodText(p), p.Reference ?? "",
                    string.Join("; ", p.Applications.Select(a => $"{numbers.GetValueOrDefault(a.InvoiceId, "#" + a.InvoiceId)}: {a.Amount}")),
                    p.Currency, p.Amount,
                ]).ToArray());
            return null;
        }

        var rows = await Api.GetAsync<InvoiceReport>("api/v1/reports/invoices");
        if (Failed(rows) is { } failedInvoices)
        {
            return failedInvoices;
        }

        var taxNames = rows.Value!.Rows.SelectMany(r => r.Taxes.Select(t => t.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Table = new ReportTable(
            ["Number", "Customer", "Date", "Reference", "Currency", "Subtotal", .. taxNames.Select(t => t + " tax"), "Discount", "Total", "Paid", "Owing", "Status"],
            rows.Value.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Number, r.CustomerName, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Reference ?? "", r.Currency, r.Subtotal,
                .. taxNames.Select(t => r.Taxes.FirstOrDefault(x => string.Equals(x.Name, t, StringComparison.OrdinalIgnoreCase))?.Amount ?? ""),
                r.Discount, r.Total, r.Paid, r.Owing, Amounts.StatusText(r.Status),
            ]).ToArray());
        return null;
    }
}
