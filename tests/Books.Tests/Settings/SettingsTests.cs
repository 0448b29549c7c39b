using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Money;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Settings;

public class SettingsTests
{
    [Fact]
    public void Foreign_currency_cannot_be_turned_off_while_foreign_invoices_still_owe_and_can_once_they_are_paid()
    {
        using var company = new TestCompany();
        company.AllowUsd();
        var yank = company.AddCustomer("Yankee Corp", taxCode: "", currency: Currency.USD);
        var first = company.Ok(w => w.Sales.Post(new(yank.Id, "U1", Day(2, 1), [new("x", Usd(100m))])));
        var second = company.Ok(w => w.Sales.Post(new(yank.Id, "U2", Day(2, 3), [new("y", Usd(50m))])));
        var before = company.Snapshot();

        var error = Assert.IsType<ForeignInvoicesOwing>(company.Write(w => w.Settings.SetAllowForeignCurrency(false)).Error);

        Assert.Equal(
            "2 invoices in a foreign currency still owe (e.g. invoice U1 of Yankee Corp owes 100.00 USD), and their receipts need foreign-currency transactions. Record their receipts (e.g. `books receipts post --customer \"Yankee Corp\" --allocate U1=100.00`) or reverse them first, then turn it off.",
            error.Message);
        Assert.Equal(before, company.Snapshot());
        company.Ok(w => w.Receipts.Post(new(yank.Id, Day(3, 2), Usd(150m), PaymentMethod.Other, [new(first.Entry, Usd(100m)), new(second.Entry, Usd(50m))])));
        Assert.False(company.Ok(w => w.Settings.SetAllowForeignCurrency(false)).AllowForeignCurrency);
    }

    [Fact]
    public void Company_name_address_and_flags_change()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Settings.SetName("Maple Design Ltd."));
        company.Ok(w => w.Settings.SetAddress("1 Main St\nOttawa ON"));
        company.Ok(w => w.Settings.SetCashBasis(true));
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal("Maple Design Ltd.", settings.Name);
        Assert.Equal("1 Main St\nOttawa ON", settings.Address);
        Assert.True(settings.CashBasis);
        Assert.False(settings.AllowForeignCurrency);
    }

    [Fact]
    public void Fiscal_year_must_end_after_it_starts_and_within_a_year()
    {
        using var company = new TestCompany();
        Assert.IsType<InvalidInput>(company.Write(w => w.Settings.SetFiscalYear(Day(6, 1), Day(5, 31))).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.Settings.SetFiscalYear(Day(1, 1), new DateOnly(2027, 1, 1))).Error);
        Assert.Equal(new DateOnly(2027, 3, 31), company.Ok(w => w.Settings.SetFiscalYear(Day(4, 1), new DateOnly(2027, 3, 31))).FiscalYearEnd);
    }

    [Fact]
    public void New_company_takes_its_fiscal_year_start_and_home_currency()
    {
        using var company = new TestCompany(new NewCompany("Yankee Inc.", Currency.USD, new DateOnly(2025, 7, 1)));
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal(Currency.USD, settings.HomeCurrency);
        Assert.Equal(new DateOnly(2026, 6, 30), settings.FiscalYearEnd);
    }

    [Fact]
    public void Home_currency_is_locked_once_entries_exist()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Settings.SetHomeCurrency(Currency.USD));
        company.Ok(w => w.Settings.SetHomeCurrency(Currency.CAD));
        company.Ok(w => w.General.Post(new(Day(2, 1), "Capital", [GeneralLine.Debit(new(1060), Cad(100m)), GeneralLine.Credit(new(3010), Cad(100m))])));
        Assert.IsType<HomeCurrencyLocked>(company.Write(w => w.Settings.SetHomeCurrency(Currency.USD)).Error);
    }

    [Fact]
    public void Exchange_rate_is_the_latest_on_or_before_the_date()
    {
        using var company = new TestCompany();
        company.AllowUsd(1.30m);
        company.Ok(w => w.ExchangeRates.SetRate(Currency.USD, Day(3, 1), 1.40m));
        Assert.Equal(1.30m, company.Read(r => r.ExchangeRates.RateOn(Currency.USD, Day(2, 28))).Value);
        Assert.Equal(1.40m, company.Read(r => r.ExchangeRates.RateOn(Currency.USD, Day(3, 1))).Value);
        Assert.Equal(1.40m, company.Read(r => r.ExchangeRates.RateOn(Currency.USD, Day(6, 1))).Value);
        Assert.Equal(1m, company.Read(r => r.ExchangeRates.RateOn(Currency.CAD, Day(6, 1))).Value);
        var missing = Assert.IsType<MissingExchangeRate>(company.Read(r => r.ExchangeRates.RateOn(Currency.USD, new DateOnly(2025, 12, 31))).Error);
        Assert.Contains("books rates set USD 2025-12-31 RATE", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_currency_must_be_allowed_and_set_up()
    {
        using var company = new TestCompany();
        Assert.IsType<ForeignCurrencyDisabled>(company.Read(r => r.ExchangeRates.RateOn(Currency.USD, Day(2, 1))).Error);
        company.Ok(w => w.Settings.SetAllowForeignCurrency(true));
        Assert.IsType<UnknownCurrency>(company.Read(r => r.ExchangeRates.RateOn(Currency.EUR, Day(2, 1))).Error);
        Assert.IsType<UnknownCurrency>(company.Write(w => w.ExchangeRates.SetRate(Currency.EUR, Day(2, 1), 1.5m)).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.ExchangeRates.AddCurrency(Currency.CAD)).Error);
    }

    [Fact]
    public void Credit_card_must_deposit_to_an_account_a_receipt_can_deposit_to()
    {
        using var company = new TestCompany();
        var visa = company.Ok(w => w.CreditCards.Add(new CreditCard("Visa", 2.5m, new(5030), new(1065))));
        company.Ok(w => w.Accounts.SetActive(new(1080), false));
        var before = company.Snapshot();

        var receivable = Assert.IsType<CardDepositToReceivable>(company.Write(w => w.CreditCards.Add(new CreditCard("Disc", 1m, new(5030), new(1200)))).Error);
        Assert.IsType<CardDepositToReceivable>(company.Write(w => w.CreditCards.Update("Visa", visa with { DepositAccount = new(1200) })).Error);
        Assert.IsType<InactiveAccount>(company.Write(w => w.CreditCards.Add(new CreditCard("Disc", 1m, new(5030), new(1080)))).Error);

        Assert.Equal("Account 1200 is Accounts Receivable, which a card receipt settles; the money it brings is deposited to a bank or cash account. Give the card one with --deposit-account (e.g. 1060; see `books accounts list`).", receivable.Message);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Credit_card_names_are_unique_and_accounts_checked()
    {
        using var company = new TestCompany();
        var visa = new CreditCard("Visa", 2.5m, new(5030), new(1065));
        company.Ok(w => w.CreditCards.Add(visa));
        Assert.IsType<DuplicateName>(company.Write(w => w.CreditCards.Add(visa with { Name = "VISA" })).Error);
        Assert.IsType<WrongAccountType>(company.Write(w => w.CreditCards.Add(visa with { Name = "Amex", FeeAccount = new(1060) })).Error);
        Assert.IsType<UnknownAccount>(company.Write(w => w.CreditCards.Add(visa with { Name = "Amex", DepositAccount = new(1999) })).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.CreditCards.Add(visa with { Name = "Amex", FeePercent = 120m })).Error);
        Assert.IsType<WrongAccountType>(company.Write(w => w.CreditCards.Add(visa with { Name = "Amex", DepositAccount = new(2310) })).Error);
        Assert.Equal(3m, company.Ok(w => w.CreditCards.Update("visa", visa with { FeePercent = 3m })).FeePercent);
        Assert.Equal("Visa", company.Read(r => r.CreditCards.Find("vIsA")).Value.Name);
        company.Ok(w => w.CreditCards.Remove("Visa"));
        Assert.IsType<UnknownCreditCard>(company.Read(r => r.CreditCards.Find("Visa")).Error);
    }
}
