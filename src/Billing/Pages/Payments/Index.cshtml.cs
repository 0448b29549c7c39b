using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Payments;

/// <summary>Payments with what they were applied to; deleting one reopens its invoices (the API's rule).</summary>
public sealed class IndexModel : BooksPage
{
    private Dictionary<string, string> _customers = [];
    private Dictionary<string, string> _invoices = [];

    public IReadOnlyList<PaymentDocument> Payments { get; private set; } = [];

    public string CustomerName(string id) => _customers.GetValueOrDefault(id, "");

    public string InvoiceNumber(string id) => _invoices.GetValueOrDefault(id, "#" + id);

    public static string MethodText(PaymentDocument p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Method switch
        {
            PaymentMethods.Cheque => p.ChequeNumber is null ? "Cheque" : "Cheque " + p.ChequeNumber,
            PaymentMethods.CreditCard => "Credit card" + (p.CardBrand is null ? "" : " (" + p.CardBrand.Replace('_', ' ') + ")"),
            PaymentMethods.PayPal => "PayPal",
            PaymentMethods.Cash => "Cash",
            _ => "Other",
        };
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var payments = await Api.GetAsync<PaymentList>("api/v1/payments?limit=500");
        var customers = await Api.GetAsync<CustomerList>("api/v1/customers?limit=500");
        var invoices = await Api.GetAsync<InvoiceList>("api/v1/invoices?limit=500");
        if ((Failed(payments) ?? Failed(customers) ?? Failed(invoices)) is { } failed)
        {
            return failed;
        }

        Payments = payments.Value!.Items.OrderByDescending(p => p.Date).ToArray();
        _customers = customers.Value!.Items.ToDictionary(c => c.Id, c => c.Name);
        _invoices = invoices.Value!.Items.ToDictionary(i => i.Id, i => i.Number);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string payment)
    {
        var deleted = await Api.DeleteAsync($"api/v1/payments/{Uri.EscapeDataString(payment)}");
        if (deleted.Problem is not null)
        {
            return await ShowAndReloadAsync(deleted.Problem, OnGetAsync);
        }

        Notice = "The payment is deleted; its invoices are open again.";
        return LocalRedirect("/payments");
    }
}
