using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Money;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Reports;

/// <summary>A foreign-currency customer's balance in its own currency, beside the home amount.</summary>
public class CustomerCurrencyTests
{
    private static (TestCompany Company, Customer Yank, Invoice Invoice) UsdCustomerPaidInPart()
    {
        var company = new TestCompany();
        company.AllowUsd(1.35m);
        var yank = company.AddCustomer("Yank", taxCode: "", currency: Currency.USD);
        var invoice = company.Ok(w => w.Sales.Post(new(yank.Id, "1", Day(3, 5), [new("x", Usd(1000m))], ExchangeRate: 1.35m)));
        company.Ok(w => w.Receipts.Post(new(yank.Id, Day(3, 25), Usd(400m), PaymentMethod.Cash, [new(invoice.Entry, Usd(400m))], ExchangeRate: 1.37m)));
        return (company, yank, invoice);
    }

    [Fact]
    public void A_foreign_customers_statement_runs_its_balance_in_its_own_currency_too()
    {
        var (company, yank, _) = UsdCustomerPaidInPart();
        using var _ = company;

        var statement = company.Read(r => r.Reports.CustomerStatement(yank.Id, Day(3, 1), Day(3, 31))).Value;
        Assert.Equal(Usd(0m), statement.OpeningInCustomerCurrency);
        Assert.Equal([(1350m, 1000m), (810m, 600m)], statement.Lines.Select(l => (l.Balance.Amount, l.BalanceInCustomerCurrency!.Value.Amount)));
        Assert.Equal((Cad(810m), (Money.Money?)Usd(600m)), (statement.Closing, statement.ClosingInCustomerCurrency));

        var april = company.Read(r => r.Reports.CustomerStatement(yank.Id, Day(4, 1), Day(4, 30))).Value;
        Assert.Equal(Usd(600m), april.OpeningInCustomerCurrency);
    }

    [Fact]
    public void A_foreign_customer_owes_its_balance_in_its_own_currency_too()
    {
        var (company, yank, _) = UsdCustomerPaidInPart();
        using var _ = company;

        Assert.Equal(Cad(810m), company.Read(r => r.Customers.Balance(yank.Id)));
        Assert.Equal(Usd(600m), company.Read(r => r.Customers.BalanceInCustomerCurrency(yank)));
    }

    [Fact]
    public void A_home_currency_customers_own_balance_is_its_home_balance()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "");
        company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(3, 5), [new("x", Cad(100m))])));

        Assert.Equal(Cad(100m), company.Read(r => r.Customers.BalanceInCustomerCurrency(acme)));
        Assert.Equal(Cad(100m), company.Read(r => r.Reports.CustomerStatement(acme.Id, Day(3, 1), Day(3, 31))).Value.ClosingInCustomerCurrency);
    }

    /// <summary>An invoice in another currency than the customer's cannot be added into one balance: none is given while it is owed.</summary>
    [Fact]
    public void A_customer_with_documents_in_another_currency_has_no_single_own_balance()
    {
        var (company, yank, _) = UsdCustomerPaidInPart();
        using var _ = company;
        company.Ok(w => w.Sales.Post(new(yank.Id, "2", Day(3, 26), [new("y", Cad(50m))], Currency: Currency.CAD)));

        Assert.Null(company.Read(r => r.Customers.BalanceInCustomerCurrency(yank)));
        var statement = company.Read(r => r.Reports.CustomerStatement(yank.Id, Day(3, 1), Day(3, 31))).Value;
        Assert.Null(statement.ClosingInCustomerCurrency);
        Assert.Equal([Usd(1000m), Usd(600m), null], statement.Lines.Select(l => l.BalanceInCustomerCurrency));
        Assert.Equal(Cad(860m), statement.Closing);
    }
}
