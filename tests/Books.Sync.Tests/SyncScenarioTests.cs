using BillingBooks.Billing.Contracts;
using Dapper;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>SPEC 3, rule by rule: the real `books sync` against a real Billing process on loopback.</summary>
public class SyncScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private Uri Server => fixture.Server;

    [Fact]
    public async Task Setup_with_flags_imports_customers_invoices_and_payments_and_reconciles()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Northwind");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Design", "2", "50.00", "GST", "PST"), Line("Travel", "1", "20.00"));
        await billing.PayAsync(invoice, "50.00", March.AddDays(3), PaymentMethods.Cheque);
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = run.Report;
        Assert.Equal((1, 1, 1), (report.Customers.Imported, report.Invoices.Imported, report.Payments.Imported));
        Assert.Empty(report.Conflicts);
        Assert.True(report.Reconciliation.Clean, run.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
        var owing = books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString());
        Assert.Equal("82.00", owing); // 100 + 12 tax + 20 - 50
        var settings = books.Books("settings", "billing-sync");
        Assert.True(settings.ExitCode == 0, settings.ToString());
        Assert.Contains(billing.Email, settings.Stdout, StringComparison.Ordinal);
        Assert.Contains("1060", settings.Stdout, StringComparison.Ordinal);
        Assert.Contains("locked", settings.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_report_lists_counts_conflicts_with_their_fixes_and_the_reconciliation()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Tabular");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        var usd = await billing.AddCustomerAsync("Abroad", "USD");
        await billing.InvoiceAsync(usd.Id, March, "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();

        var run = books.WithPassword(billing.Password, "sync", "--server", Server.ToString(), "--email", billing.Email, "--track-payments", "1060");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Synchronized with Billing.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Invoices", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 open conflict(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("settings set --allow-foreign-currency on", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("expected, in conflict", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_seen_before_its_renamed_customer_is_imported_in_the_same_run()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Old name");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        await billing.PayAsync(invoice, "20.00", March.AddDays(1));
        await billing.RenameCustomerAsync(customer, "New name"); // the customer moves after its invoice in the feed
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((1, 1), (run.Report.Invoices.Imported, run.Report.Payments.Imported));
        Assert.True(run.Report.Reconciliation.Clean && run.Report.Reconciliation.Differences.Count == 0, run.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Missing_setup_without_a_terminal_names_the_flags_to_pass()
    {
        using var books = new BooksCompany();
        var run = books.WithPassword("pw", "sync", "--server", Server.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--email EMAIL", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--track-payments ACCOUNT", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_sync_imports_nothing_new_and_the_books_stay_consistent()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Contoso");
        for (var i = 0; i < 5; i++)
        {
            var invoice = await billing.InvoiceAsync(customer.Id, March.AddDays(i), Line("Work", "1", "100.00", "GST"));
            await billing.PayAsync(invoice, "105.00", March.AddDays(i + 1));
        }
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        var entries = books.Read(r => r.Entries.List().Count);

        var again = SyncAgainCleanly(books, billing);
        Assert.Equal((0, 0, 0), (again.Report.Customers.Imported, again.Report.Invoices.Imported, again.Report.Payments.Imported));
        Assert.Equal(entries, books.Read(r => r.Entries.List().Count));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Bookkeeper_imports_the_clients_books_and_is_refused_once_the_contract_ends()
    {
        using var client = await SignUpAsync(Server, "client");
        using var keeper = await SignUpAsync(Server, "keeper");
        var invitation = await client.InviteAsync(keeper.Email);
        await keeper.AcceptAsync(fixture.Billing);
        var customer = await client.AddCustomerAsync("Fabrikam");
        await client.InvoiceAsync(customer.Id, March, Line("Audit", "1", "300.00", "GST"));
        using var books = new BooksCompany();

        var run = books.Sync(Server, keeper, "--client-email", client.Email);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, run.Report.Invoices.Imported);
        Assert.Contains("client", books.Books("settings", "billing-sync").Stdout, StringComparison.Ordinal);

        await client.EndContractAsync(invitation.Id);
        await client.InvoiceAsync(customer.Id, March, Line("Audit 2", "1", "300.00", "GST"));
        var refused = books.WithPassword(keeper.Password, "sync");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no active bookkeeper contract", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, books.Read(r => r.Connection.QuerySingle<int>("SELECT COUNT(*) FROM invoice")));
    }

    [Fact]
    public async Task Email_is_locked_after_the_first_successful_sync()
    {
        using var billing = await SignUpAsync(Server);
        using var other = await SignUpAsync(Server, "other");
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        var run = books.WithPassword(other.Password, "sync", "--email", other.Email);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot be changed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(billing.Email, books.Books("settings", "billing-sync").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_Sales_is_the_linked_Default_Revenue_account_and_cannot_be_changed_here()
    {
        using var billing = await SignUpAsync(Server);
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing, "--track-sales", "4200");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Default Revenue linked account 4020", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("linked-accounts set default-revenue 4200", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cash_basis_on_refuses_to_sync_naming_the_setting_and_changes_nothing()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Tailspin");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "10.00"));
        using var books = new BooksCompany();
        books.Write(w => w.Settings.SetCashBasis(true));

        var run = books.Sync(Server, billing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("settings set --cash-basis off", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(books.Read(r => r.Customers.List()));
    }

    [Fact]
    public async Task Foreign_invoice_waits_for_foreign_currency_then_its_rate_then_imports()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Yankee Corp", "USD");
        var invoice = await billing.InvoiceAsync(customer.Id, March, "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();

        var off = books.Sync(Server, billing);
        Assert.True(off.ExitCode == 2, off.ToString());
        Assert.Contains("settings set --allow-foreign-currency on", Assert.Single(off.Report.Conflicts).Message, StringComparison.Ordinal);

        books.Write(w => w.Settings.SetAllowForeignCurrency(true));
        books.Write(w => w.ExchangeRates.AddCurrency(Money.Currency.USD));
        var noRate = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.Equal(2, noRate.ExitCode);
        Assert.Contains("rates set USD 2026-03-02 RATE", Assert.Single(noRate.Report.Conflicts).Message, StringComparison.Ordinal);

        books.Write(w => w.ExchangeRates.SetRate(Money.Currency.USD, March, 1.35m));
        var done = SyncAgainCleanly(books, billing);
        Assert.Equal(1, done.Report.Invoices.Imported);
        Assert.Equal("135.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.HomeTotal.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Foreign_invoice_with_an_earlier_rate_on_file_needs_no_rate_of_its_own_day_only_foreign_currency_on()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Earlier Rate", "USD");
        await billing.InvoiceAsync(customer.Id, March.AddDays(5), "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        books.Write(w => w.Settings.SetAllowForeignCurrency(true));
        books.Write(w => w.ExchangeRates.AddCurrency(Money.Currency.USD));
        books.Write(w => w.ExchangeRates.SetRate(Money.Currency.USD, March, 1.35m));
        books.Write(w => w.Settings.SetAllowForeignCurrency(false));

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 2, run.ToString());
        var conflict = Assert.Single(run.Report.Conflicts);
        Assert.Equal($"books --file {books.Path} settings set --allow-foreign-currency on", conflict.Fix); // Books takes the rate of 2026-03-02, the latest on or before
    }

    [Fact]
    public async Task Invoices_before_the_books_first_day_wait_until_the_books_are_opened_for_that_history()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Old Timer");
        var lastYear = new DateOnly(2025, 3, 2);
        var invoice = await billing.InvoiceAsync(customer.Id, lastYear, Line("Work", "1", "100.00"));
        await billing.PayAsync(invoice, "40.00", lastYear.AddDays(5), PaymentMethods.Cheque);
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var early = Assert.Single(first.Report.Conflicts, c => c.Record.Kind == "invoice");
        Assert.Equal($"books --file {books.Path} settings set --history-from 2025-03-02", early.Fix); // like every other fix, with the file

        // The command the message names opens the books for last year; the next sync imports both records.
        var opened = books.Books("settings", "set", "--history-from", "2025-03-02");
        Assert.True(opened.ExitCode == 0, opened.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Empty(second.Report.Conflicts);
        Assert.Equal("60.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Missing_tax_code_is_a_conflict_with_its_command_until_the_code_exists()
    {
        using var billing = await SignUpAsync(Server);
        await ChargesGstAndPstAsync(billing);
        var customer = await billing.AddCustomerAsync("Litware");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST", "PST"));
        await billing.PayAsync(invoice, "50.00", March);
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflicts = first.Report.Conflicts;
        Assert.Equal(2, conflicts.Count);
        Assert.Contains($"Invoice {invoice.Number}: line 1 needs a tax code with exactly GST 5% + PST 8%: books --file {books.Path} tax-codes add G5P8 --tax GST:5 --tax PST:8", conflicts.Select(c => c.Message));
        Assert.Contains(conflicts, c => c.Message.Contains("waits for Invoice", StringComparison.Ordinal));
        Assert.False(first.Report.Reconciliation.Clean && first.Report.Reconciliation.Differences.Count == 0);
        Assert.All(first.Report.Reconciliation.Differences, d => Assert.True(d.Expected, d.What));

        // The user runs exactly the command the conflict gives.
        var fix = conflicts.Single(c => c.Fix?.Contains("tax-codes add", StringComparison.Ordinal) == true).Fix!;
        var fixed_ = books.Books(ShellWords(fix)[3..]); // "books --file PATH" is what BooksCompany adds itself
        Assert.True(fixed_.ExitCode == 0, fixed_.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Empty(second.Report.Conflicts);
        Assert.Equal((1, 1), (second.Report.Invoices.Imported, second.Report.Payments.Imported));
    }

    [Fact]
    public async Task Conflicts_are_not_retried_after_a_run_that_changed_nothing_they_depend_on()
    {
        using var billing = await SignUpAsync(Server);
        await ChargesGstAndPstAsync(billing);
        var customer = await billing.AddCustomerAsync("Litware");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST", "PST"));
        using var books = new BooksCompany();
        Assert.True(books.Sync(Server, billing).ExitCode == 2);

        // A run that posts something unrelated (an invoice without taxes)...
        await billing.InvoiceAsync(customer.Id, March, Line("Other work", "1", "40.00"));
        var posting = books.Sync(Server, billing);
        Assert.True(posting.ExitCode == 2, posting.ToString());
        Assert.Equal((1, 1), (posting.Report.Invoices.Imported, posting.Report.ConflictCount));
        var tried = LastTried(books);

        // ...does not make the next run retry every conflict: none of them can succeed (a file may hold very many).
        var quiet = books.Sync(Server, billing);
        Assert.True(quiet.ExitCode == 2, quiet.ToString());
        Assert.Equal(tried, LastTried(books));

        // The fix the conflict names still makes the next run retry it.
        Assert.Equal(0, books.Books("tax-codes", "add", "G5P8", "--tax", "GST:5", "--tax", "PST:8").ExitCode);
        Assert.Equal(0, SyncAgainCleanly(books, billing).Report.ConflictCount);
    }

    /// <summary>A Billing profile with GST 5% and PST 8%, a pair no tax code of a new Books company has.</summary>
    private static Task<ProfileDocument> ChargesGstAndPstAsync(BillingAccount billing) =>
        billing.SendAsync<ProfileDocument>(HttpMethod.Put, "api/v1/profile", new ProfileDocument("Acme Ltd", "Ann", new Address("1 Main St", null, "Halifax", "NS", "B3H 1A1", "CA"),
            null, null, null, "America/Halifax", "CAD", null, null, [new TaxDefinition("GST", "5", true, null), new TaxDefinition("PST", "8", true, null)]));

    [Fact]
    public async Task Invoice_number_taken_by_an_invoice_entered_in_Books_imports_once_that_invoice_is_reversed()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Numbered Twice");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        books.Write(w => w.Sales.Post(new Journals.SaleDraft(w.Customers.Add(new("Walk-in")).Value.Id, invoice.Number, March,
            [new Journals.SaleLine("Counter sale", Money.Money.Of(20m, Money.Currency.CAD))])));

        var first = books.Sync(Server, billing);
        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts);
        Assert.Contains($"its number {invoice.Number} is used in Books by an invoice entered there", conflict.Message, StringComparison.Ordinal);
        Assert.Equal($"books --file {books.Path} sales reverse {invoice.Number}", conflict.Fix);

        // The user runs the command the conflict gives: neither the set-up nor an amount owed changes.
        var fixed_ = books.Books(ShellWords(conflict.Fix!)[3..]);
        Assert.True(fixed_.ExitCode == 0, fixed_.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (second.Report.Invoices.Imported, second.Report.ConflictCount));
    }

    [Fact]
    public async Task Invoice_dated_after_the_current_fiscal_year_waits_with_the_year_end_command_that_Books_then_accepts()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Early Bird");
        var invoice = await billing.InvoiceAsync(customer.Id, new DateOnly(2027, 1, 15), Line("Retainer", "1", "100.00"));
        using var books = new BooksCompany(); // its fiscal year is 2026

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts);
        // Books refuses year-end until the year has ended unless told to start the next one early.
        var early = DateOnly.FromDateTime(DateTime.Now) <= new DateOnly(2026, 12, 31);
        Assert.Equal($"books --file {books.Path} year-end{(early ? " --before-year-end" : "")}", conflict.Fix);
        var fixed_ = books.Books(ShellWords(conflict.Fix!)[3..]);
        Assert.True(fixed_.ExitCode == 0, fixed_.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (second.Report.Invoices.Imported, second.Report.ConflictCount));
        Assert.Equal("100.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    private static string LastTried(BooksCompany books) =>
        books.Read(r => r.Connection.QuerySingle<string>("SELECT group_concat(last_tried) FROM sync_conflict", transaction: r.Transaction));

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

    [Fact]
    public async Task Unicode_names_import_without_conflict()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Café Zoë 東京 🚀");
        await billing.InvoiceAsync(customer.Id, March, Line("Crème brûlée ×2", "2", "5.00"));
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Café Zoë 東京 🚀", books.Read(r => r.Customers.List().Single().Name));
    }

    [Fact]
    public async Task Customer_deleted_in_Billing_stays_in_Books_marked_deleted()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Gone Ltd");
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        await billing.DeleteCustomerAsync(customer.Id);
        Assert.Equal(0, books.WithPassword(billing.Password, "sync").ExitCode);
        Assert.Equal(0, books.WithPassword(billing.Password, "sync").ExitCode);

        var kept = books.Read(r => r.Customers.List().Single());
        Assert.Equal("Gone Ltd", kept.Name);
        Assert.True(kept.DeletedInBilling);
    }

    [Fact]
    public async Task Invoice_edited_down_to_zero_in_Billing_is_reversed_in_Books_and_posted_again_when_it_charges_again()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Adatum");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        // Books refuses an invoice of nothing; Billing lets an unpaid sent invoice be edited down to it.
        var zero = await billing.EditInvoiceAsync(invoice, Line("Work", "0", "100.00", "GST"));
        var run = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (run.Report.Invoices.Reversed, run.Report.ConflictCount));
        Assert.Null(books.Read(r => r.Sales.FindByNumber(invoice.Number)));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        await billing.EditInvoiceAsync(zero, Line("Work", "1", "80.00", "GST"));
        run = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (run.Report.Invoices.Imported, run.Report.ConflictCount));
        Assert.Equal("84.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Total.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // imported by a Books from before migration 0102: re-posting reads a feed item the upgrade moved
    public async Task Edited_invoice_is_adjusted_and_its_receipt_reposted(bool importedBefore0102)
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Adatum");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        await billing.PayAsync(invoice, "50.00", March.AddDays(1));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        if (importedBefore0102) books.ToSchemaBefore0102();

        await billing.EditInvoiceAsync(invoice, Line("Work", "2", "100.00", "GST"));
        var run = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (run.Report.Invoices.Adjusted, run.Report.ConflictCount));
        var live = books.Read(r => r.Sales.FindByNumber(invoice.Number)!);
        Assert.Equal(("210.00", "160.00"), (live.Total.ToDecimalString(), live.Owing.ToDecimalString()));
        Assert.Equal(0L, books.Read(r => r.Connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM sync_source s LEFT JOIN sync_payload p ON p.id = s.payload_id WHERE p.id IS NULL", transaction: r.Transaction)));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // imported before the refused edit in the same transaction: counted once, not once per pass
    public async Task Edit_that_Books_refuses_after_reversing_is_undone_whole_and_later_entries_number_on_without_a_gap(bool laterFirst)
    {
        var (billing, books, invoice, later) = await RefusedEditAsync(laterFirst);
        using var _ = billing;
        using var __ = books;
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal((1, 1), (run.Report.ConflictCount, run.Report.Invoices.Imported));
        Assert.Equal((3L, 3L, 0L), EntryNumbers(books)); // invoice, receipt, then the later invoice as entry 3; nothing reversed
        Assert.Equal("55.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.NotNull(books.Read(r => r.Sales.FindByNumber(later.Number)));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        // Retried when the set-up changes (any change may be the fix): still refused, undone whole again.
        books.Write(w => w.Accounts.Add(new Accounts.AccountNumber(4600), "Other revenue", Accounts.AccountType.Revenue));
        var retry = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(retry.ExitCode == 2, retry.ToString());
        Assert.Equal(1, retry.Report.ConflictCount);
        Assert.Equal((3L, 3L, 0L), EntryNumbers(books));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        // The fix the conflict names (a change to a customer, not to the set-up) is enough for the next sync to retry it.
        var fix = Assert.Single(retry.Report.Conflicts).Message;
        Assert.Contains("books customers activate", fix, StringComparison.Ordinal);
        Assert.Equal(0, books.Books("customers", "activate", "Dormant").ExitCode);
        var fixedRun = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (fixedRun.Report.Invoices.Adjusted, fixedRun.Report.ConflictCount));
        Assert.Equal("160.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Dry_run_of_an_edit_that_Books_refuses_after_reversing_plans_it_as_a_conflict_and_writes_nothing()
    {
        var (billing, books, _, _) = await RefusedEditAsync(laterFirst: false);
        using var _ = billing;
        using var __ = books;

        var run = books.WithPassword(billing.Password, "sync", "--dry-run", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal((1, 1, 0), (run.Report.ConflictCount, run.Report.Invoices.Imported, run.Report.Invoices.Adjusted));
        Assert.Equal((2L, 2L, 0L), EntryNumbers(books));
    }

    /// <summary>
    /// An imported, half-paid invoice whose customer is then made inactive in Books, edited in Billing (adjusting it
    /// reverses its receipt and itself, then posting the new version is refused), and another customer's new invoice.
    /// </summary>
    private async Task<(BillingAccount Billing, BooksCompany Books, InvoiceResponse Edited, InvoiceResponse Later)> RefusedEditAsync(bool laterFirst)
    {
        var billing = await SignUpAsync(Server);
        var dormant = await billing.AddCustomerAsync("Dormant");
        var invoice = await billing.InvoiceAsync(dormant.Id, March, Line("Work", "1", "100.00", "GST"));
        await billing.PayAsync(invoice, "50.00", March.AddDays(1));
        var other = await billing.AddCustomerAsync("Active");
        var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        books.Write(w => w.Customers.SetActive(w.Customers.FindByName("Dormant").Value.Id, active: false));

        var later = laterFirst ? await billing.InvoiceAsync(other.Id, March, Line("Later", "1", "10.00")) : null;
        await billing.EditInvoiceAsync(invoice, Line("Work", "2", "100.00", "GST"));
        later ??= await billing.InvoiceAsync(other.Id, March, Line("Later", "1", "10.00"));
        return (billing, books, invoice, later);
    }

    private static (long Entries, long Highest, long Reversals) EntryNumbers(BooksCompany books) =>
        books.Read(r => r.Connection.QuerySingle<(long, long, long)>(
            "SELECT COUNT(*), MAX(id), (SELECT COUNT(*) FROM entry WHERE reverses IS NOT NULL) FROM entry", transaction: r.Transaction));

    [Fact]
    public async Task Payment_dated_before_its_invoice_from_before_Billing_refused_them_waits_with_the_fix_to_make_in_Billing_then_imports()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Early Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        var payment = await billing.PayAsync(invoice, "100.00", March);
        BillingAccount.BackdateInDatabase(fixture.Billing, payment, March.AddDays(-3));
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts).Message;
        Assert.Contains("dated 2026-02-27, before invoice", conflict, StringComparison.Ordinal);
        Assert.Contains("in Billing, date the payment 2026-03-02 or later", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("Date the receipt", conflict, StringComparison.Ordinal); // the engine's advice is for receipts entered in Books

        await billing.RedatePaymentAsync(payment, March);
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (second.Report.Payments.Imported, second.Report.ConflictCount));
        Assert.Equal("0.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Payment_dated_before_its_invoice_from_before_Billing_refused_them_imports_in_the_sync_after_the_invoice_is_redated_in_Billing()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Early Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        BillingAccount.BackdateInDatabase(fixture.Billing, await billing.PayAsync(invoice, "100.00", March), March.AddDays(-3));
        using var books = new BooksCompany();
        Assert.True(books.Sync(Server, billing).ExitCode == 2);

        await billing.RedateInvoiceAsync(invoice, March.AddDays(-3), Line("Work", "1", "100.00"));
        var second = SyncAgainCleanly(books, billing);

        Assert.Equal((1, 1, 0), (second.Report.Invoices.Adjusted, second.Report.Payments.Imported, second.Report.ConflictCount));
        Assert.Equal("0.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Payment_above_what_Books_owes_after_a_receipt_entered_in_Books_names_that_receipt_to_reverse()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Double Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        var byHand = books.Write(w =>
        {
            var posted = w.Sales.FindByNumber(invoice.Number)!;
            return w.Receipts.Post(new Journals.ReceiptDraft(posted.Customer, March.AddDays(1), Money.Money.Of(60m, Money.Currency.CAD), Journals.PaymentMethod.Cash,
                [new Journals.ReceiptAllocation(posted.Entry, Money.Money.Of(60m, Money.Currency.CAD))]));
        }).Value;

        await billing.PayAsync(invoice, "50.00", March.AddDays(2));
        var first = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts).Message;
        Assert.Contains($"receipts reverse {byHand.Entry.Value}", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("Allocate at most", conflict, StringComparison.Ordinal); // the engine's advice is for receipts entered in Books

        Assert.Equal(0, books.Books("receipts", "reverse", byHand.Entry.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal("50.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Payment_above_what_Books_owes_names_only_the_receipts_on_the_invoice_it_exceeds()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Two Invoices");
        var a = await billing.InvoiceAsync(customer.Id, March, Line("A", "1", "100.00"));
        var b = await billing.InvoiceAsync(customer.Id, March, Line("B", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        var onA = ReceiptByHand(books, a.Number, 60m);
        var onB = ReceiptByHand(books, b.Number, 10m);

        await billing.SendAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", new PaymentRequest(customer.Id, March.AddDays(2), "100.00", "CAD",
            PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument(a.Id, "50.00"), new PaymentApplicationDocument(b.Id, "50.00")]));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        var conflict = Assert.Single(run.Report.Conflicts);
        Assert.Contains($"receipts reverse {onA}", conflict.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain($"receipts reverse {onB}", conflict.Fix, StringComparison.Ordinal); // B still owes enough for its 50.00
    }

    private static long ReceiptByHand(BooksCompany books, string invoiceNumber, decimal amount) =>
        books.Write(w =>
        {
            var posted = w.Sales.FindByNumber(invoiceNumber)!;
            return w.Receipts.Post(new Journals.ReceiptDraft(posted.Customer, March.AddDays(1), Money.Money.Of(amount, Money.Currency.CAD), Journals.PaymentMethod.Cash,
                [new Journals.ReceiptAllocation(posted.Entry, Money.Money.Of(amount, Money.Currency.CAD))]));
        }).Value.Entry.Value;

    [Fact]
    public async Task A_payment_in_Billing_leaves_the_imported_invoice_as_posted_and_a_later_edit_still_adjusts_it()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Steady");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        // Paying changes the invoice's status, paid and owing in Billing (a new version in the feed), not what Books posted.
        await billing.PayAsync(invoice, "50.00", March.AddDays(2));
        var paid = SyncAgainCleanly(books, billing);
        Assert.Equal((0, 1, 1), (paid.Report.Invoices.Adjusted, paid.Report.Invoices.Unchanged, paid.Report.Payments.Imported));
        Assert.Equal(["sale", "receipt"], EntryKinds(books));
        Assert.Equal("55.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        await billing.EditInvoiceAsync(invoice, Line("Work", "2", "100.00", "GST"));
        var edited = SyncAgainCleanly(books, billing);
        Assert.Equal(1, edited.Report.Invoices.Adjusted);
        Assert.Equal(["sale", "receipt", "reversal", "reversal", "sale", "receipt"], EntryKinds(books));
        Assert.Equal("160.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    /// <summary>Syncs again and expects it done with no open conflict and the reconciliation clean.</summary>
    private static BooksRun SyncAgainCleanly(BooksCompany books, BillingAccount billing)
    {
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Report.Reconciliation.Clean, run.ToString());
        return run;
    }

    private static string[] EntryKinds(BooksCompany books) =>
        books.Read(r => r.Connection.Query<string>("SELECT kind FROM entry ORDER BY id", transaction: r.Transaction).ToArray());

    [Fact]
    public async Task Voided_and_deleted_invoices_and_deleted_payments_are_reversed()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Humongous");
        var voided = await billing.InvoiceAsync(customer.Id, March, Line("A", "1", "10.00"));
        var deleted = await billing.InvoiceAsync(customer.Id, March, Line("B", "1", "20.00"));
        var paid = await billing.InvoiceAsync(customer.Id, March, Line("C", "1", "30.00"));
        var payment = await billing.PayAsync(paid, "30.00", March);
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        await billing.VoidInvoiceAsync(voided.Id);
        await billing.DeleteInvoiceAsync(deleted.Id);
        await billing.DeletePaymentAsync(payment.Id);
        var run = SyncAgainCleanly(books, billing);
        Assert.Equal((2, 1), (run.Report.Invoices.Reversed, run.Report.Payments.Reversed));
        Assert.Equal("30.00", books.Read(r => r.Customers.Balance(r.Customers.List().Single().Id).ToDecimalString()));
        var reasons = books.Read(r => r.Connection.Query<string>("SELECT memo FROM entry WHERE kind = 'reversal' ORDER BY id", transaction: r.Transaction).ToList());
        Assert.Contains(reasons, m => m.EndsWith($"Invoice {voided.Number} voided in Billing", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.EndsWith($"Invoice {deleted.Number} deleted in Billing", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.Contains($"payment {payment.Id} deleted in Billing", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, m => m.Contains("changed in Billing", StringComparison.Ordinal));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Wrong_password_exits_1_and_changes_nothing()
    {
        using var billing = await SignUpAsync(Server);
        using var books = new BooksCompany();
        var run = books.WithPassword("not the password", "sync", "--server", Server.ToString(), "--email", billing.Email, "--track-payments", "1060");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused the email and password", run.Stderr, StringComparison.Ordinal);
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Email));
    }

    [Fact]
    public void Cannot_connect_exits_1_and_changes_nothing()
    {
        using var books = new BooksCompany();
        using var closed = Support.FreePort.Closed();
        var port = ((System.Net.IPEndPoint)closed.LocalEndPoint!).Port;

        var run = books.WithPassword("pw", "sync", "--server", $"http://127.0.0.1:{port}/", "--email", "a@example.test", "--track-payments", "1060");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot connect to Billing", run.Stderr, StringComparison.Ordinal);
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Email));
    }

    [Fact]
    public async Task Dry_run_shows_the_plan_and_changes_nothing()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Planned");
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Report.DryRun);
        Assert.Equal(1, run.Report.Invoices.Imported);
        var sale = Assert.Single(run.Report.Plan);
        Assert.Equal(10500, sale.Effects[1200]);
        Assert.Empty(books.Read(r => r.Customers.List()));
        Assert.Null(books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Cursor));

        var table = books.WithPassword(billing.Password, "sync", "--server", Server.ToString(), "--email", billing.Email, "--track-payments", "1060", "--dry-run");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("1200 +105.00", table.Stdout, StringComparison.Ordinal); // in the home currency's decimals, not minor units
        Assert.DoesNotContain("+10500", table.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Splits a fix command the way a POSIX shell would (plain words and single quotes, as FixCommands writes them).</summary>
    private static string[] ShellWords(string command)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in command)
        {
            if (c == '\'' )
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
