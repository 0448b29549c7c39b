using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using static BillingBooks.Books.Tests.TestCompany;
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
    public void Rolling_back_to_a_savepoint_undoes_postings_and_the_next_entry_takes_the_next_number()
    {
        using var company = new TestCompany();
        var cad = Money.Currency.CAD;
        GeneralEntryDraft Invest(decimal amount) => new(new DateOnly(2026, 2, 1), "Owner invests",
            [GeneralLine.Debit(new(1060), Money.Money.Of(amount, cad)), GeneralLine.Credit(new(3010), Money.Money.Of(amount, cad))]);

        var (kept, undone, next, wrote) = company.Ok(w =>
        {
            var first = w.General.Post(Invest(10m)).Value;
            w.Savepoint("trial");
            var before = w.RowsChanged;
            var second = w.General.Post(Invest(500m)).Value;
            var changed = w.RowsChanged != before;
            w.RollbackTo("trial");
            w.Release("trial");
            return Result<(EntryId, EntryId, EntryId, bool)>.Ok((first, second, w.General.Post(Invest(1m)).Value, changed));
        });

        Assert.True(wrote);
        Assert.Equal((1L, 2L, 2L), (kept.Value, undone.Value, next.Value));
        Assert.Equal("11.00", company.Read(r => r.Reports.TrialBalance(new DateOnly(2026, 12, 31)).Rows.Single(l => l.Number.Value == 1060).Debit.ToDecimalString()));
    }

    [Fact]
    public void Reading_between_postings_does_not_count_as_writing()
    {
        using var company = new TestCompany();
        var cad = Money.Currency.CAD;
        var unchanged = company.Ok(w =>
        {
            w.General.Post(new(new DateOnly(2026, 2, 1), "Owner invests",
                [GeneralLine.Debit(new(1060), Money.Money.Of(10m, cad)), GeneralLine.Credit(new(3010), Money.Money.Of(10m, cad))]));
            var before = w.RowsChanged;
            _ = w.Customers.List(); // writes out the day totals Books held for the entry above
            return Result<bool>.Ok(w.RowsChanged == before);
        });
        Assert.True(unchanged);
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
        company.Ok(w => { w.Connection.Execute("CREATE TABLE extension_cursor (position INTEGER)", transaction: w.Transaction); return Result<Unit>.Ok(Unit.Value); });

        var failed = company.Write(w =>
        {
            w.Connection.Execute("INSERT INTO extension_cursor VALUES (42)", transaction: w.Transaction);
            return w.Customers.Add(new("Acme")).Then(_ => w.Customers.Add(new("ACME")));
        });

        Assert.IsType<DuplicateName>(failed.Error);
        Assert.Equal(0, company.Read(r => r.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM extension_cursor", transaction: r.Transaction)));
        Assert.Empty(company.Read(r => r.Customers.List()));
    }

    [Fact]
    public void Entries_posted_in_the_scope_are_in_the_tables_when_an_extension_takes_the_connection()
    {
        using var company = new TestCompany();
        company.Ok(w => { w.Connection.Execute("CREATE TABLE extension_source (entry_id INTEGER NOT NULL REFERENCES entry (id))", transaction: w.Transaction); return Result<Unit>.Ok(Unit.Value); });
        company.Ok(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))]))
            .Map(id => w.Connection.Execute("INSERT INTO extension_source VALUES (@Value)", new { id.Value }, w.Transaction)));
        Assert.Equal(1, company.Read(r => r.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM extension_source JOIN entry ON entry.id = extension_source.entry_id", transaction: r.Transaction)));
    }

    [Fact]
    public void Thousands_of_entries_in_one_write_all_land()
    {
        using var company = new TestCompany();
        company.Ok(w =>
        {
            for (var i = 0; i < 2500; i++)
            {
                var posted = w.General.Post(new(Day(1, 1).AddDays(i % 300), "bulk " + i, [GeneralLine.Debit(new(5200), Cad(1.01m)), GeneralLine.Credit(new(1060), Cad(1.01m))]));
                if (!posted.IsOk)
                {
                    return posted;
                }
            }

            return Result<EntryId>.Ok(default);
        });
        Assert.Equal(Cad(2525m), company.Read(r => r.Reports.TrialBalance(Day(12, 31))).TotalDebit);
        Assert.Equal(2500, company.Read(r => r.Entries.AuditTrail()).Count);
        Assert.Equal("bulk 2499", company.Read(r => r.Entries.Get(new(2500))).Value.Memo);
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }
}
