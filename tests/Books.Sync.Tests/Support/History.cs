using BillingBooks.Billing.Contracts;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>Builds Billing histories over the real API: invoices, payments, edits, voids and deletions.</summary>
public static class History
{
    private static readonly DateOnly Start = new(2026, 2, 2);

    /// <summary><paramref name="invoices"/> invoices over a few customers, most paid in full or in part.</summary>
    public static async Task<List<InvoiceResponse>> InvoicesAsync(BillingAccount billing, int invoices, int customers = 5)
    {
        var people = new List<CustomerResponse>();
        for (var i = 0; i < customers; i++) people.Add(await billing.AddCustomerAsync($"Customer {i} {Guid.NewGuid():N}"[..20]));
        var made = new List<InvoiceResponse>();
        for (var i = 0; i < invoices; i++)
        {
            var invoice = await billing.InvoiceAsync(people[i % customers].Id, Start.AddDays(i % 60),
                Line("Work", "1", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".00", "GST", "PST"), Line("Fee", "1", "5.00"));
            made.Add(invoice);
            if (i % 3 != 2) await billing.PayAsync(invoice, i % 3 == 0 ? invoice.Total : "10.00", invoice.Date.AddDays(1), i % 2 == 0 ? PaymentMethods.Cash : PaymentMethods.Cheque);
        }
        return made;
    }

    /// <summary>Changes after import: edits (some paid), voids of unpaid invoices, new payments.</summary>
    public static async Task ChangeAsync(BillingAccount billing, IReadOnlyList<InvoiceResponse> invoices, int seed)
    {
        var random = new Random(seed);
        var fresh = await billing.InvoiceAsync(invoices[0].CustomerId, Start.AddDays(seed % 60), Line("Extra", "1", "42.00", "GST"));
        await billing.PayAsync(fresh, "20.00", fresh.Date);
        for (var i = 0; i < 5; i++)
        {
            var invoice = invoices[random.Next(invoices.Count)];
            var current = await billing.SendAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}", null);
            if (current.Status is InvoiceStatuses.Void) continue;
            switch (random.Next(3))
            {
                case 0:
                    // Billing refuses an edit below what is already paid; stay above it.
                    var price = Math.Max(150m, decimal.Parse(current.Paid, System.Globalization.CultureInfo.InvariantCulture));
                    await billing.EditInvoiceAsync(current, Line("Work", "2", price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "GST", "PST"), Line("Fee", "1", "5.00"));
                    break;
                case 1 when current.Paid is "0.00":
                    await billing.VoidInvoiceAsync(current.Id);
                    break;
                default:
                    if (current.Owing is not "0.00") await billing.PayAsync(current, "1.00", current.Date.AddDays(2));
                    break;
            }
        }
    }
}
