using BillingBooks.Books.Journals;
using Dapper;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Checks;

public class IntegrityChecksTests
{
    [Fact]
    public void Sound_books_pass_every_check()
    {
        using var company = Sample();
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void An_unbalanced_entry_is_reported_with_its_id()
    {
        using var company = Sample();
        Tamper(company, "UPDATE posting SET amount = amount + 1 WHERE entry_id = 1 AND line_no = 1");
        var failures = company.Read(r => r.Checks.Run());
        Assert.Contains(failures, f => f.Check == "entries balance" && f.Where == "entry 1");
        Assert.Contains(failures, f => f.Check == "account balances" && f.Where == "account 1200 on 2026-02-01");
    }

    [Fact]
    public void Receivable_out_of_step_with_customers_is_reported()
    {
        using var company = Sample();
        Tamper(company, "UPDATE invoice SET home_owing = home_owing + 100, owing = owing + 100");
        var failures = company.Read(r => r.Checks.Run());
        Assert.Contains(failures, f => f.Check == "receivables" && f.Where == "account 1200");
        Assert.Contains(failures, f => f.Check == "receivables" && f.Where.StartsWith("customer ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Check == "invoice owing" && f.Where == "invoice 1001");
    }

    [Fact]
    public void Over_allocation_and_tax_drift_are_reported()
    {
        using var company = Sample();
        Tamper(company, "UPDATE allocation SET amount = 100000");
        Tamper(company, "UPDATE invoice_tax SET home_amount = home_amount + 1");
        var failures = company.Read(r => r.Checks.Run());
        Assert.Contains(failures, f => f.Check == "allocations" && f.Where == "invoice 1001");
        Assert.Contains(failures, f => f.Check == "sales tax" && f.Where == "account 2310");
    }

    [Fact]
    public void Missing_audit_record_is_reported()
    {
        using var company = Sample();
        Tamper(company, "DELETE FROM audit_trail WHERE entry_id = 2");
        Assert.Contains(company.Read(r => r.Checks.Run()), f => f.Check == "audit trail" && f.Where == "entry 2");
    }

    private static TestCompany Sample()
    {
        var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 5), Cad(50m), PaymentMethod.Cash, [new(invoice.Entry, Cad(50m))])));
        return company;
    }

    private static void Tamper(TestCompany company, string sql) =>
        company.Ok(w => { w.Connection.Execute(sql, transaction: w.Transaction); return Result<Unit>.Ok(Unit.Value); });
}
