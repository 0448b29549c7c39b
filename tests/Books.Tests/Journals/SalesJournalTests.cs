using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Taxes;
using BillingBooks.Money;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

public class SalesJournalTests
{
    [Fact]
    public void Sale_posts_receivable_revenue_and_tax()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "GP");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 3), [new("Design", Cad(100m)), new("Print", Cad(50m), TaxCode: "H", RevenueAccount: new(4200))])));

        Assert.Equal(Cad(150m), invoice.Subtotal);
        Assert.Equal([new TaxAmount("GST", Cad(5m)), new TaxAmount("HST", Cad(6.50m)), new TaxAmount("PST", Cad(7m))], invoice.Taxes);
        Assert.Equal(invoice.Taxes, company.Read(r => r.Sales.Get(invoice.Entry)).Value.Taxes);
        Assert.Equal(Cad(168.50m), invoice.Total);
        Assert.Equal(invoice.Total, invoice.Owing);
        Assert.Equal(Day(3, 5), invoice.DueDate);

        var entry = company.Read(r => r.Entries.Get(invoice.Entry)).Value;
        Assert.Equal(EntryKind.Sale, entry.Kind);
        Assert.Equal(acme.Id, entry.Customer);
        var byAccount = entry.Lines.GroupBy(l => l.Account.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount.Amount));
        Assert.Equal(168.50m, byAccount[1200]);
        Assert.Equal(-100m, byAccount[4020]);
        Assert.Equal(-50m, byAccount[4200]);
        Assert.Equal(-11.50m, byAccount[2310]);
        Assert.Equal(-7m, byAccount[2340]);
    }

    [Fact]
    public void Revenue_defaults_to_the_customers_account_then_default_revenue()
    {
        using var company = new TestCompany();
        var special = company.Ok(w => w.Customers.Add(new("Special", RevenueAccount: new(4100))));
        var plain = company.AddCustomer("Plain", taxCode: null);
        var a = company.Ok(w => w.Sales.Post(new(special.Id, "1", Day(2, 1), [new("x", Cad(10m))])));
        var b = company.Ok(w => w.Sales.Post(new(plain.Id, "2", Day(2, 1), [new("x", Cad(10m))])));
        Assert.Equal(new AccountNumber(4100), a.Lines[0].RevenueAccount);
        Assert.Equal(new AccountNumber(4020), b.Lines[0].RevenueAccount);
        Assert.Equal("", b.Lines[0].TaxCode);
        Assert.Empty(b.Taxes);
    }

    [Fact]
    public void Given_taxes_are_posted_as_they_are()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "B-7", Day(2, 1), [new("a", Cad(0.10m)), new("b", Cad(0.10m))], Taxes: [new("HST", Cad(0.02m))])));
        Assert.Equal([new TaxAmount("HST", Cad(0.02m))], invoice.Taxes);
        Assert.Equal(Cad(0.22m), invoice.Total);
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Sale_to_an_unknown_account_is_refused_and_changes_nothing()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var before = company.Snapshot();
        var result = company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(10m), RevenueAccount: new(4999))])));
        Assert.Equal("Account 4999 does not exist. List accounts with `books accounts list` or add it with `books accounts add 4999 --name ... --type revenue`.", result.Error.Message);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Sale_outside_the_fiscal_year_is_refused_and_changes_nothing()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var before = company.Snapshot();
        var error = Assert.IsType<OutsideFiscalYear>(company.Write(w => w.Sales.Post(new(acme.Id, "1", new DateOnly(2027, 1, 1), [new("x", Cad(10m))]))).Error);
        Assert.Equal("2027-01-01 is after 2026-12-31, the end of the current fiscal year, so it is outside the fiscal years the books keep. Start the next fiscal year with `books year-end` (`books year-end --before-year-end` while the current year has not ended; it stays open for late entries), or use an earlier date.", error.Message);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Invoice_numbers_are_unique_among_invoices_in_force()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var first = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(10m))])));
        Assert.IsType<DuplicateInvoiceNumber>(company.Write(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 2), [new("y", Cad(10m))]))).Error);
        company.Ok(w => w.Entries.Reverse(first.Entry, Day(2, 2), "typo"));
        Assert.True(company.Write(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 2), [new("y", Cad(10m))]))).IsOk);
    }

    [Fact]
    public void Foreign_sale_needs_foreign_currency_allowed_and_a_rate()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "");
        var draft = new SaleDraft(acme.Id, "U1", Day(2, 1), [new("x", Usd(100m))], Currency: Currency.USD);
        Assert.IsType<ForeignCurrencyDisabled>(company.Write(w => w.Sales.Post(draft)).Error);
        company.Ok(w => w.Settings.SetAllowForeignCurrency(true).Then(_ => w.ExchangeRates.AddCurrency(Currency.USD)));
        Assert.IsType<MissingExchangeRate>(company.Write(w => w.Sales.Post(draft)).Error);
        var given = company.Ok(w => w.Sales.Post(draft with { ExchangeRate = 1.25m }));
        Assert.Equal(Cad(125m), given.HomeTotal);
    }

    [Fact]
    public void Foreign_sale_posts_home_amounts_with_the_foreign_amount_and_rate()
    {
        using var company = new TestCompany();
        company.AllowUsd(1.3333m);
        var acme = company.AddCustomer("Yank", taxCode: "H", currency: Currency.USD);
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "U1", Day(2, 1), [new("x", Usd(10.01m)), new("y", Usd(20.02m))])));
        Assert.Equal(Currency.USD, invoice.Currency);
        Assert.Equal(1.3333m, invoice.Rate);
        Assert.Equal(Usd(3.90m), invoice.Taxes[0].Amount);
        var entry = company.Read(r => r.Entries.Get(invoice.Entry)).Value;
        // Each credit converted once: 13.35 + 26.69 + 5.20; the receivable, 33.93 converted once, happens to be their sum.
        Assert.Equal([13.35m, 26.69m, 5.20m], entry.Lines.Skip(1).Select(l => -l.Amount.Amount));
        Assert.Equal(Cad(45.24m), entry.Lines[0].Amount);
        Assert.Equal(Usd(33.93m), entry.Lines[0].Foreign);
        Assert.All(entry.Lines, l => Assert.Equal(1.3333m, l.Rate));
        Assert.Equal(Cad(45.24m), invoice.HomeTotal);
    }

    [Fact]
    public void Foreign_invoice_receivable_is_its_total_converted_once_and_the_lines_difference_goes_to_rounding()
    {
        using var company = new TestCompany();
        company.AllowUsd(1.333337m);
        var yank = company.AddCustomer("US Tax", taxCode: "GP", currency: Currency.USD);
        var invoice = company.Ok(w => w.Sales.Post(new(yank.Id, "A1", Day(3, 1), [new("a", Usd(10.01m)), new("b", Usd(10.01m))])));

        // 22.42 USD x 1.333337 = 29.8934...: the receivable is 29.89, though its lines converted one by one come to 29.90.
        Assert.Equal(Usd(22.42m), invoice.Total);
        Assert.Equal(Cad(29.89m), invoice.HomeTotal);
        var entry = company.Read(r => r.Entries.Get(invoice.Entry)).Value;
        Assert.Equal(
            [(1200, 29.89m), (4020, -13.35m), (4020, -13.35m), (2310, -1.33m), (2340, -1.87m), (5050, 0.01m)],
            entry.Lines.Select(l => (l.Account.Value, l.Amount.Amount)));
        Assert.Equal(Usd(22.42m), entry.Lines[0].Foreign);
        Assert.Null(entry.Lines[^1].Foreign);
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void A_foreign_invoices_rounding_line_stays_sound_after_the_Rounding_linked_account_changes()
    {
        using var company = new TestCompany();
        company.AllowUsd(1.333337m);
        var yank = company.AddCustomer("US Tax", taxCode: "GP", currency: Currency.USD);
        company.Ok(w => w.Sales.Post(new(yank.Id, "A1", Day(3, 1), [new("a", Usd(10.01m)), new("b", Usd(10.01m))])));

        company.Ok(w => w.Accounts.Add(new(5060), "Rounding Differences", AccountType.Expense));
        company.Ok(w => w.LinkedAccounts.Set(LinkedAccount.Rounding, new(5060)));

        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Receipts_at_the_invoice_rate_post_no_exchange_difference_whether_they_pay_in_full_or_in_parts()
    {
        using var company = new TestCompany();
        company.AllowUsd(1.333337m);
        var yank = company.AddCustomer("US Tax", taxCode: "GP", currency: Currency.USD);
        var whole = company.Ok(w => w.Sales.Post(new(yank.Id, "A1", Day(3, 1), [new("a", Usd(10.01m)), new("b", Usd(10.01m))])));
        var parts = company.Ok(w => w.Sales.Post(new(yank.Id, "A2", Day(3, 1), [new("a", Usd(10.01m)), new("b", Usd(10.01m))])));

        company.Ok(w => w.Receipts.Post(new(yank.Id, Day(3, 10), Usd(22.42m), PaymentMethod.Cash, [new(whole.Entry, Usd(22.42m))])));
        company.Ok(w => w.Receipts.Post(new(yank.Id, Day(3, 10), Usd(10m), PaymentMethod.Cash, [new(parts.Entry, Usd(10m))])));
        company.Ok(w => w.Receipts.Post(new(yank.Id, Day(3, 12), Usd(12.42m), PaymentMethod.Cash, [new(parts.Entry, Usd(12.42m))])));

        var exchange = company.Read(r => r.Entries.List()).SelectMany(e => e.Lines).Where(l => l.Account.Value == 5040);
        Assert.Empty(exchange);
        Assert.Equal(Cad(0m), company.Read(r => r.Customers.Balance(yank.Id)));
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Sale_charging_a_tax_whose_account_is_inactive_is_refused_naming_the_tax_and_account()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "GP");
        company.Ok(w => w.Accounts.SetActive(new(2340), false));
        var before = company.Snapshot();

        var error = Assert.IsType<InactiveTaxAccount>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("a", Cad(100m))]))).Error);

        Assert.Equal("PST is charged to account 2340, which is inactive. Make it active with `books accounts activate 2340` to charge PST, or give the line a tax code without PST.", error.Message);
        Assert.Equal(before, company.Snapshot());
        Assert.True(company.Write(w => w.Sales.Post(new(acme.Id, "2", Day(2, 1), [new("a", Cad(100m), TaxCode: "H")]))).IsOk);
    }

    [Fact]
    public void Invoice_with_a_zero_total_is_refused_and_changes_nothing()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "GP");
        var before = company.Snapshot();

        var error = company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("svc", Cad(0m))]))).Error;

        Assert.Equal("invoice total: the total is 0.00 CAD, so the invoice charges nothing. Give the lines their amounts; a sale that is free needs no invoice in the books.", error.Message);
        Assert.IsType<InvalidInput>(error);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Sale_lines_must_be_in_the_invoice_currency()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        Assert.IsType<CurrencyMismatch>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Usd(10m))]))).Error);
    }

    [Fact]
    public void Sale_needs_a_number_lines_and_a_known_active_customer()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        Assert.IsType<InvalidInput>(company.Write(w => w.Sales.Post(new(acme.Id, " ", Day(2, 1), [new("x", Cad(1m))]))).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), []))).Error);
        Assert.IsType<UnknownCustomer>(company.Write(w => w.Sales.Post(new(new(77), "1", Day(2, 1), [new("x", Cad(1m))]))).Error);
        Assert.IsType<UnknownTaxCode>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(1m), TaxCode: "Q")]))).Error);
        Assert.IsType<WrongAccountType>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(1m), RevenueAccount: new(5200))]))).Error);
        Assert.IsType<ReservedAccount>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(1m), RevenueAccount: new(1200))]))).Error);
        company.Ok(w => w.Customers.SetActive(acme.Id, false));
        Assert.IsType<InactiveCustomer>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(1m))]))).Error);
    }

    [Fact]
    public void Adjusting_a_sale_reverses_it_and_posts_the_new_version()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var first = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        var adjusted = company.Ok(w => w.Sales.Adjust(first.Entry, new(acme.Id, "1001", Day(2, 1), [new("x", Cad(120m))]), "price changed"));

        var reversal = company.Read(r => r.Entries.Get(adjusted.Reversal)).Value;
        Assert.Equal(first.Entry, reversal.Reverses);
        Assert.Equal(Day(2, 1), reversal.Date);
        Assert.True(company.Read(r => r.Sales.Get(first.Entry)).Value.Reversed);
        Assert.Equal(Cad(135.60m), adjusted.Replacement.Total);
        Assert.Equal(adjusted.Replacement.Entry, company.Read(r => r.Sales.FindByNumber("1001"))?.Entry);
        Assert.Equal(Cad(135.60m), company.Read(r => r.Customers.Balance(acme.Id)));
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Given_taxes_must_be_known_and_in_the_invoice_currency()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        Assert.IsType<UnknownTax>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(1m))], Taxes: [new("VAT", Cad(0.2m))]))).Error);
        Assert.IsType<CurrencyMismatch>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(1m))], Taxes: [new("HST", Usd(0.13m))]))).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(1m))], Taxes: [new("HST", Cad(0.13m)), new("hst", Cad(0.13m))]))).Error);
    }
}
