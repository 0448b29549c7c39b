using BillingBooks.Books.Accounts;
using Dapper;

namespace BillingBooks.Books.Tests.Storage;

public class UnitOfWorkTests
{
    [Fact]
    public void An_error_result_rolls_back_everything_the_write_did()
    {
        using var company = new TestCompany();
        var before = company.Snapshot();
        var result = company.Write(w =>
        {
            w.Accounts.Add(new AccountNumber(4500), "Consulting", AccountType.Revenue);
            w.Customers.Add(new("Acme"));
            return w.Accounts.Add(new AccountNumber(4500), "Again", AccountType.Revenue);
        });
        Assert.IsType<DuplicateAccountNumber>(result.Error);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void An_exception_rolls_back_and_propagates()
    {
        using var company = new TestCompany();
        var before = company.Snapshot();
        Assert.Throws<InvalidOperationException>(() => company.Write<Unit>(w =>
        {
            w.Customers.Add(new("Acme"));
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal(before, company.Snapshot());
        Assert.True(company.Write(w => w.Customers.Add(new("Acme"))).IsOk);
    }

    [Fact]
    public void Changing_the_books_in_a_read_scope_is_a_bug()
    {
        using var company = new TestCompany();
        Assert.Throws<InvalidOperationException>(() => company.Read(r => r.Customers.Add(new("Acme"))));
    }

    [Fact]
    public void Scopes_do_not_nest()
    {
        using var company = new TestCompany();
        Assert.Throws<InvalidOperationException>(() => company.Read(_ => company.Read(r => r.Accounts.List())));
    }

    [Fact]
    public void An_extension_module_writes_its_tables_in_the_same_transaction()
    {
        using var company = new TestCompany();
        company.Ok(w => { w.Connection.Execute("CREATE TABLE sync_cursor (position INTEGER)", transaction: w.Transaction); return Result<Unit>.Ok(Unit.Value); });

        var failed = company.Write(w =>
        {
            w.Connection.Execute("INSERT INTO sync_cursor VALUES (42)", transaction: w.Transaction);
            return w.Customers.Add(new("Acme")).Then(_ => w.Customers.Add(new("ACME")));
        });

        Assert.IsType<DuplicateName>(failed.Error);
        Assert.Equal(0, company.Read(r => r.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sync_cursor", transaction: r.Transaction)));
        Assert.Empty(company.Read(r => r.Customers.List()));
    }
}
