using BillingBooks.Books.Journals;
using BillingBooks.Money;

namespace BillingBooks.Books.Tests.Checks;

/// <summary>
/// What a bookkeeper relies on after any history, read through the books' public API (documents, entries,
/// reports), not the integrity checks' own queries, so a mistake shared by a check and the code it checks shows.
/// </summary>
internal static class LedgerInvariants
{
    public static void Hold(TestCompany company) => company.Read(r =>
    {
        var settings = r.Settings.Get();
        var home = settings.HomeCurrency;
        var everything = (From: DateOnly.MinValue, To: DateOnly.MaxValue);
        var invoices = r.Sales.List(everything.From, everything.To);
        var receipts = r.Receipts.List(everything.From, everything.To);
        var inForce = receipts.Where(x => !x.Reversed).ToArray();

        // Debits equal credits, as of the last day entries may be dated (every entry counted).
        var trial = r.Reports.TrialBalance(settings.FiscalYearEnd);
        Assert.Equal(trial.TotalDebit, trial.TotalCredit);

        // The Accounts Receivable linked account holds what the customers owe, in home currency.
        var receivable = r.LinkedAccounts.Get().AccountsReceivable;
        var control = trial.Rows.Where(x => x.Number == receivable).Select(x => x.Debit - x.Credit).FirstOrDefault(Money.Money.Zero(home));
        Assert.Equal(control, r.Customers.List().Aggregate(Money.Money.Zero(home), (sum, c) => sum + r.Customers.Balance(c.Id)));

        // A receipt's amount is what its allocations add up to, each to an invoice of its customer in its currency.
        var invoiceOf = invoices.ToDictionary(i => i.Entry);
        foreach (var receipt in receipts)
        {
            Assert.Equal(receipt.Amount, Money.Money.Sum(receipt.Allocations.Select(a => a.Amount), receipt.Amount.Currency));
            Assert.All(receipt.Allocations, a => Assert.Equal((receipt.Customer, receipt.Amount.Currency), (invoiceOf[a.Invoice].Customer, invoiceOf[a.Invoice].Currency)));
        }

        // An invoice owes its total less what receipts in force allocate to it (a reversed receipt gave its allocations
        // back); a reversed invoice has no receipt in force left, so it owes its total, and so does its home value.
        var allocated = inForce.SelectMany(x => x.Allocations).ToLookup(a => a.Invoice, a => a.Amount);
        foreach (var invoice in invoices)
        {
            var paid = Money.Money.Sum(allocated[invoice.Entry], invoice.Currency);
            Assert.True(invoice.Owing == invoice.Total - paid, $"Invoice {invoice.Number} owes {invoice.Owing}, but its total {invoice.Total} less {paid} allocated by receipts in force is {invoice.Total - paid}.");
            Assert.True(!invoice.Owing.IsNegative && !invoice.HomeOwing.IsNegative && invoice.HomeOwing <= invoice.HomeTotal, $"Invoice {invoice.Number} owes {invoice.Owing} ({invoice.HomeOwing} of {invoice.HomeTotal} at home).");
            if (invoice.Reversed)
            {
                Assert.True(paid.IsZero && invoice.HomeOwing == invoice.HomeTotal, $"Reversed invoice {invoice.Number} still has {paid} allocated ({invoice.HomeOwing} of {invoice.HomeTotal} owing at home).");
            }

            if (invoice.Currency == home)
            {
                Assert.Equal((invoice.Total, invoice.Owing), (invoice.HomeTotal, invoice.HomeOwing));
            }
            else if (invoice.Owing.IsZero)
            {
                // Paid in full: the last allocation settled whatever home value was left, whatever the rates.
                Assert.True(invoice.HomeOwing.IsZero, $"Invoice {invoice.Number} is paid in full but still owes {invoice.HomeOwing} at home.");
            }
        }

        // The home value receipts in force credit to Accounts Receivable is what they settled of the invoices.
        var credited = inForce.Aggregate(Money.Money.Zero(home), (sum, x) => sum - Money.Money.Sum(
            r.Entries.Get(x.Entry).Value.Lines.Where(l => l.Account == receivable).Select(l => l.Amount), home));
        Assert.Equal(credited, invoices.Aggregate(Money.Money.Zero(home), (sum, i) => sum + i.HomeTotal - i.HomeOwing));
        return 0;
    });
}
