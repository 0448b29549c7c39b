using BillingBooks.Books.Journals;
using BillingBooks.Money;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

/// <summary>Input that is well-formed but cannot be meant: absurd rates, deposits to a revenue account, empty entries.</summary>
public class SanityTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1.35")]
    [InlineData("1000000.01")]
    [InlineData("0.0000009")]
    [InlineData("79228162514264337593543950335")]
    public void Exchange_rate_out_of_range_is_refused_on_file_and_on_a_document(string text)
    {
        using var company = new TestCompany();
        company.AllowUsd();
        var yank = company.AddCustomer("Yank", taxCode: "", currency: Currency.USD);
        var rate = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var before = company.Snapshot();

        var onFile = Assert.IsType<ExchangeRateOutOfRange>(company.Write(w => w.ExchangeRates.SetRate(Currency.USD, Day(2, 1), rate)).Error);
        Assert.Contains("`books rates set USD 2026-02-01 RATE`", onFile.Message, StringComparison.Ordinal);
        Assert.IsType<ExchangeRateOutOfRange>(company.Write(w => w.Sales.Post(new(yank.Id, "1", Day(2, 1), [new("x", Usd(100m))], ExchangeRate: rate))).Error);
        Assert.Equal(before, company.Snapshot());
    }

    [Theory]
    [InlineData("0.000001")]
    [InlineData("1000000")]
    public void Exchange_rates_at_the_bounds_are_accepted(string text)
    {
        using var company = new TestCompany();
        company.AllowUsd();
        var rate = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(rate, company.Ok(w => w.ExchangeRates.SetRate(Currency.USD, Day(2, 1), rate)).Rate);
    }

    [Theory]
    [InlineData(4020)]
    [InlineData(2100)]
    [InlineData(5100)]
    [InlineData(3010)]
    public void Receipt_deposited_to_an_account_that_is_not_an_asset_is_refused(int account)
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        var before = company.Snapshot();
        var error = Assert.IsType<NotADepositAccount>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(113m), PaymentMethod.Cash, [new(invoice.Entry, Cad(113m))], DepositAccount: new(account)))).Error);
        Assert.Equal(account, error.Number);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void General_entry_with_a_zero_line_or_nothing_to_move_is_refused()
    {
        using var company = new TestCompany();
        var before = company.Snapshot();
        var allZero = Assert.IsType<ZeroJournalLine>(company.Write(w => w.General.Post(new(Day(2, 1), "nothing", [GeneralLine.Debit(new(1060), Cad(0m)), GeneralLine.Credit(new(3010), Cad(0m))]))).Error);
        Assert.Equal(1, allZero.Line);
        var oneZero = Assert.IsType<ZeroJournalLine>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(10m)), GeneralLine.Debit(new(5100), Cad(0m)), GeneralLine.Credit(new(3010), Cad(10m))]))).Error);
        Assert.Equal(2, oneZero.Line);
        Assert.Equal(before, company.Snapshot());
    }
}
