using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>Posted entries are never edited: reversals and adjustments, all in the audit trail.</summary>
public sealed class CorrectionsTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void A_bounced_cheque_is_reversed_then_the_invoice_is_adjusted_and_everything_stays_in_the_audit_trail()
    {
        Walkthrough.SetUp(_books);
        _books.ClearTranscript();

        _books.Ok("receipts", "reverse", "7", "--date", "2026-03-27", "--reason", "NSF cheque");
        _books.Ok("sales", "show", "1001");
        _books.Refused("sales", "reverse", "1001", "--date", "2026-03-02", "--reason", "Wrong client");
        _books.Ok("sales", "adjust", "1001", "--line", "Logo design;700.00;GP", "--line", "Business cards;100.00", "--reason", "Agreed discount");
        _books.Ok("sales", "show", "1001");
        _books.Ok("sales", "reverse", "1004", "--reason", "Issued in error");
        _books.Ok("journal", "reverse", "1", "--date", "2026-01-03", "--reason", "Wrong account");
        _books.Ok("sales", "list");
        _books.Ok("report", "statement", "--customer", "Maple Design");
        _books.Ok("report", "aged-receivables", "--as-of", "2026-03-25");
        _books.Ok("report", "ledger", "--account", "1200", "--to", "2026-03-25");
        _books.Ok("audit");
        _books.Ok("check");

        Golden.Verify("corrections", _books.Transcript());
    }

    [Fact]
    public void Setup_records_can_be_changed_and_read_back()
    {
        Walkthrough.SetUp(_books);
        _books.ClearTranscript();

        _books.Ok("accounts", "add", "4050", "--name", "Consulting Revenue", "--type", "revenue");
        _books.Ok("accounts", "edit", "4050", "--name", "Consulting, Training & \"Other\"");
        _books.Ok("accounts", "deactivate", "4050");
        _books.Ok("accounts", "activate", "4050");
        _books.Ok("accounts", "list", "--active", "--format", "csv");
        _books.Ok("accounts", "delete", "4050");
        _books.Ok("linked-accounts", "set", "principal-bank", "1080");
        _books.Ok("linked-accounts", "show");
        _books.Ok("settings", "set", "--name", "Acme Design Inc.", "--cash-basis", "on", "--fiscal-start", "2026-01-01");
        _books.Ok("settings", "show", "--format", "json");
        _books.Ok("credit-cards", "edit", "Visa", "--fee", "2.75");
        _books.Ok("credit-cards", "list");
        _books.Ok("rates", "set", "USD", "2026-03-15", "1.36");
        _books.Ok("rates", "list", "--format", "json");
        _books.Ok("customers", "edit", "Maple Design", "--phone", "902-555-0101", "--terms", "15");
        _books.Ok("customers", "show", "Maple Design", "--format", "json");
        File.WriteAllText(_books.PathOf("lines.json"), "{\"lines\": [{\"description\": \"Workshop\", \"amount\": \"300.00\", \"taxCode\": \"GP\"}, {\"description\": \"Travel\", \"amount\": 45.5, \"taxCode\": \"none\", \"account\": \"4200\"}]}");
        _books.Ok("sales", "post", "--customer", "Maple Design", "--number", "1006", "--date", "2026-03-30", "--from", _books.PathOf("lines.json"));
        _books.Ok("sales", "show", "1006", "--format", "csv");
        _books.Ok("customers", "deactivate", "Bluenose Cafe");
        _books.Ok("customers", "list", "--active");

        Golden.Verify("setup-changes", _books.Transcript());
    }

    public void Dispose() => _books.Dispose();
}
