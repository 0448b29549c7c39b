using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.3 and 3.4 payment methods: a card payment goes to the Credit Cards Accepted entry of its brand, PayPal to
/// the account mapped once; until Books has them, the payment waits with the command that adds them.
/// </summary>
public class PaymentMethodScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Card_payment_waits_for_its_Credit_Cards_Accepted_entry()
    {
        var (account, invoice) = await PaidByAmexAsync("Woodgrove");
        using var billing = account;
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);
        Assert.Equal(2, first.ExitCode);
        Assert.Contains("credit-cards add american_express", Assert.Single(first.Report.Conflicts).Message, StringComparison.Ordinal);

        books.Write(w => w.CreditCards.Add(new Settings.CreditCard("American Expr", 3m, new Accounts.AccountNumber(5030), new Accounts.AccountNumber(1065))));
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal(1, second.Report.Payments.Imported);
        Assert.Equal("0.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Card_payment_refused_for_an_inactive_fee_account_imports_once_the_card_takes_another()
    {
        var (account, _) = await PaidByAmexAsync("Fabrikam");
        using var billing = account;
        using var books = new BooksCompany();
        books.Write(w =>
        {
            w.Accounts.Add(new Accounts.AccountNumber(5035), "Card fees, old", Accounts.AccountType.Expense);
            w.Accounts.Add(new Accounts.AccountNumber(5036), "Card fees", Accounts.AccountType.Expense);
            w.CreditCards.Add(new Settings.CreditCard("American Expr", 3m, new Accounts.AccountNumber(5035), new Accounts.AccountNumber(1065)));
            return w.Accounts.SetActive(new Accounts.AccountNumber(5035), active: false);
        });

        var first = books.Sync(Server, billing);
        Assert.True(first.ExitCode == 2, first.ToString());
        Assert.Equal((1, 0), (first.Report.Invoices.Imported, first.Report.Payments.Imported));

        // The fix changes only the card (its fee account), which the set-up stamp now covers.
        var edited = books.Books("credit-cards", "edit", "American Expr", "--fee-account", "5036");
        Assert.True(edited.ExitCode == 0, edited.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (second.Report.Payments.Imported, second.Report.ConflictCount));
    }

    /// <summary>A new Billing account with one invoice of 100.00, paid in full by American Express.</summary>
    private async Task<(BillingAccount Billing, InvoiceResponse Invoice)> PaidByAmexAsync(string customerName)
    {
        var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync(customerName);
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        await billing.PayAsync(invoice, "100.00", March, PaymentMethods.CreditCard, CardBrands.AmericanExpress);
        return (billing, invoice);
    }

    [Fact]
    public async Task PayPal_payments_go_to_the_account_mapped_once()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Proseware");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "80.00"));
        await billing.PayAsync(invoice, "80.00", March, PaymentMethods.PayPal);
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);
        Assert.Equal(2, first.ExitCode);
        Assert.Contains("settings billing-sync --paypal-account ACCOUNT", Assert.Single(first.Report.Conflicts).Message, StringComparison.Ordinal);

        Assert.Equal(0, books.Books("settings", "billing-sync", "--paypal-account", "1080").ExitCode);
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal(1080, books.Read(r => r.Receipts.ForCustomer(r.Customers.List().Single().Id).Single().DepositAccount.Value));
    }
}
