using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using Dapper;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// Imported entries read as the documents they are ("Invoice 1042", "Payment, cheque 101"): a bookkeeper sends the
/// customer statement to the customer, and the ledger is read by people. Where each entry came from (Billing's record
/// and version) is kept in the sync's own tables, not written into the memo.
/// </summary>
public class EntryMemoTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Fact]
    public async Task Imported_entries_read_as_their_documents_on_the_statement_and_keep_their_source_in_the_sync_tables()
    {
        using var billing = await SignUpAsync(fixture.Server);
        var customer = await billing.AddCustomerAsync("Maple Design");
        var byCheque = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        var byCard = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "50.00"));
        var cheque = await billing.PayAsync(byCheque, "100.00", March, PaymentMethods.Cheque); // cheque number 101
        await billing.PayAsync(byCard, "50.00", March, PaymentMethods.CreditCard, CardBrands.Visa);
        var open = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "20.00"));
        var withdrawn = await billing.PayAsync(open, "20.00", March, PaymentMethods.Cash);
        using var books = new BooksCompany();
        books.Write(w => w.CreditCards.Add(new Settings.CreditCard("Visa", 2m, new Accounts.AccountNumber(5030), new Accounts.AccountNumber(1065))));
        Assert.Equal(0, books.Sync(fixture.Server, billing).ExitCode);
        await billing.DeletePaymentAsync(withdrawn.Id);
        await billing.RedatePaymentAsync(cheque, March.AddDays(1));
        SyncAgainCleanly(books, billing);

        var statement = books.Books("report", "statement", "--customer", "Maple Design", "--format", "json");
        Assert.True(statement.ExitCode == 0, statement.ToString());
        var references = JsonDocument.Parse(statement.Stdout).RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("reference").GetString()!).ToList();
        Assert.Contains($"Invoice {byCheque.Number}", references);
        Assert.Contains($"Invoice {byCard.Number}", references);
        Assert.Contains("Payment, cheque 101", references);
        Assert.Contains("Payment, Visa", references);
        Assert.DoesNotContain(references, r => r.Contains("billing:", StringComparison.Ordinal) || r.Contains("from Billing", StringComparison.Ordinal));

        var memos = books.Read(r => r.Connection.Query<(long Id, string Kind, string Memo)>("SELECT id, kind, memo FROM entry ORDER BY id", transaction: r.Transaction).ToList());
        Assert.Contains(memos, m => m.Kind == "sale" && m.Memo == $"Invoice {byCheque.Number}");
        Assert.Contains(memos, m => m.Kind == "receipt" && m.Memo == "Payment, cheque 101");
        Assert.Contains(memos, m => m.Kind == "receipt" && m.Memo == "Payment, Visa");
        Assert.Contains(memos, m => m.Kind == "reversal" && m.Memo.EndsWith(": Payment, cash deleted in Billing", StringComparison.Ordinal));
        Assert.Contains(memos, m => m.Kind == "reversal" && m.Memo.EndsWith(": Payment, cheque 101 changed in Billing", StringComparison.Ordinal));
        Assert.DoesNotContain(memos, m => m.Memo.Contains("billing:", StringComparison.Ordinal) || m.Memo.Contains("(version", StringComparison.Ordinal));

        // The audit trail: every entry the sync posted or reversed names its Billing record and version in sync_source.
        var sourced = books.Read(r => r.Connection.Query<long>(
            "SELECT books_id FROM sync_source WHERE kind <> 'customer' AND books_id IS NOT NULL UNION SELECT reversal_id FROM sync_source WHERE reversal_id IS NOT NULL",
            transaction: r.Transaction).ToHashSet());
        Assert.All(memos, m => Assert.Contains(m.Id, sourced));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }
}
