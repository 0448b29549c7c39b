using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>
/// Every refusal the CLI can give, compared with Golden/errors-*.txt: one "error:" line naming the fix on
/// stderr, nothing on stdout, exit 1, and the company file left byte for byte as it was.
/// </summary>
public sealed class ErrorTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void Bad_command_lines_are_refused_with_one_line_naming_the_fix()
    {
        Walkthrough.SetUp(_books);
        File.WriteAllText(_books.PathOf("bad-lines.json"), "[{\"description\": \"Logo\", ");
        var before = _books.Fingerprint();
        _books.ClearTranscript();

        _books.Refused("frobnicate");
        _books.Refused("accounts");
        _books.Refused("report", "trial-balance", "--as-of", "2026-13-01");
        _books.Refused("report", "trial-balance", "--format", "xml");
        _books.Refused("accounts", "add", "12", "--name", "Petty Cash", "--type", "asset");
        _books.Refused("accounts", "add", "1250", "--name", "Petty Cash", "--type", "widget");
        _books.Refused("accounts", "add", "1250", "--type", "asset");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--line", "Logo");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--line", "Logo;1.005;GP");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--line", "Logo;1,00;GP");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--line", "Logo;lots;GP");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--line", "Logo;10.00;GP;40x0");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--from", _books.PathOf("missing.json"));
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--from", _books.PathOf("bad-lines.json"));
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--line", "Logo;10.00", "--from", _books.PathOf("bad-lines.json"));
        _books.Refused("receipts", "post", "--customer", "Maple Design", "--allocate", "1004");
        _books.Refused("receipts", "post", "--customer", "Maple Design", "--allocate", "1004=10.00", "--method", "bitcoin");
        _books.Refused("receipts", "post", "--customer", "Maple Design", "--allocate", "1004=10.00", "--cheque-number", "12");
        _books.Refused("journal", "post", "--debit", "1060=abc", "--credit", "3010=10.00");
        _books.Refused("journal", "post", "--debit", "1060=5,00", "--credit", "3010=5,00");
        _books.Refused("journal", "post", "--debit", "10x0=10.00", "--credit", "3010=10.00");
        _books.Refused("journal", "post", "--debit", "5200=-5.00", "--credit", "1060=-5.00");
        _books.Refused("settings", "set");
        _books.Refused("settings", "set", "--cash-basis", "maybe");
        _books.Refused("linked-accounts", "set", "petty-cash", "1060");
        _books.Refused("tax-codes", "add", "X", "--tax", "GST");
        _books.Refused("rates", "set", "USD", "2026-03-01", "high");
        _books.Refused("currencies", "add", "XYZ");
        _books.Environment.Remove("BOOKS_FILE");
        _books.Refused("accounts", "list");

        Assert.Equal(before, _books.Fingerprint());
        Golden.Verify("errors-command-line", _books.Transcript());
    }

    [Fact]
    public void Rules_of_the_books_are_refused_with_the_engine_message_and_nothing_is_written()
    {
        Walkthrough.SetUp(_books);
        _books.Ok("accounts", "deactivate", "1080");
        _books.Ok("customers", "add", "Old Client Co");
        _books.Ok("customers", "deactivate", "Old Client Co");
        _books.Ok("journal", "post", "--date", "2026-02-01", "--memo", "Posted twice", "--debit", "5100=10.00", "--credit", "1060=10.00");
        _books.Ok("journal", "reverse", "10", "--reason", "Posted twice");
        _books.Ok("new", _books.PathOf("plain.books"), "--name", "Plain Ltd", "--fiscal-start", "2026-01-01");
        var before = _books.Fingerprint();
        _books.ClearTranscript();

        _books.Refused("new", _books.PathOf(Walkthrough.File), "--name", "Again Ltd");
        _books.Refused("new", _books.PathOf("nameless.books"), "--name", " ");
        _books.Refused("new", _books.PathOf("no-such-folder/acme.books"), "--name", "Elsewhere Ltd");
        _books.Refused("--file", _books.PathOf("missing.books"), "accounts", "list");
        _books.Refused("customers", "add", "Maple Design");
        _books.Refused("customers", "show", "Nobody Inc");
        _books.Refused("customers", "add", "Euro Co", "--currency", "EUR");
        _books.Refused("--file", _books.PathOf("plain.books"), "customers", "add", "Yankee Corp", "--currency", "USD");
        _books.Refused("customers", "add", "Taxless Co", "--tax-code", "ZZ");
        _books.Refused("accounts", "edit", "1999", "--name", "Nothing");
        _books.Refused("accounts", "add", "1060", "--name", "Second Chequing", "--type", "asset");
        _books.Refused("accounts", "add", "1500", "--name", "Misfiled", "--type", "revenue");
        _books.Refused("accounts", "delete", "4200");
        _books.Refused("accounts", "deactivate", "1200");
        _books.Refused("linked-accounts", "set", "principal-bank", "4020");
        _books.Refused("linked-accounts", "set", "principal-bank", "1080");
        _books.Refused("settings", "set", "--home-currency", "USD");
        _books.Refused("settings", "set", "--fiscal-start", "2026-01-01", "--fiscal-end", "2025-12-31");
        _books.Refused("rates", "set", "EUR", "2026-03-01", "1.5");
        _books.Refused("rates", "set", "USD", "2026-03-01", "-1");
        _books.Refused("rates", "set", "USD", "2026-03-01", "1350000");
        _books.Refused("sales", "post", "--customer", "Yankee Corp", "--number", "1009", "--date", "2026-03-31", "--line", "Consulting;10.00;none", "--rate", "0");
        _books.Refused("credit-cards", "add", "Amex", "--fee", "150", "--fee-account", "5030", "--deposit-account", "1065");
        _books.Refused("credit-cards", "add", "Amex", "--fee", "3", "--fee-account", "1060", "--deposit-account", "1065");
        _books.Refused("credit-cards", "edit", "Amex", "--fee", "3");
        _books.Refused("credit-cards", "add", "Disc", "--fee", "1", "--fee-account", "5030", "--deposit-account", "1200");
        _books.Refused("credit-cards", "edit", "Visa", "--deposit-account", "1200");
        _books.Refused("taxes", "add", "GST", "--account", "2310");
        _books.Refused("tax-codes", "add", "V", "--tax", "VAT:20");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1060=10.00", "--credit", "3010=9.00");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1060=10.00");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1060=0.00", "--credit", "3010=0.00");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1060=10000000000.01", "--credit", "3010=10000000000.01");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1060=99999999999999999999.00", "--credit", "3010=99999999999999999999.00");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1060=9999999999.00", "--credit", "3010=9999999999.00");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--date", "2026-03-31", "--line", "Logo;9000000000.00;GP");
        _books.Refused("journal", "post", "--date", "2027-01-05", "--debit", "1060=10.00", "--credit", "3010=10.00");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1080=10.00", "--credit", "3010=10.00");
        _books.Refused("journal", "post", "--date", "2026-03-31", "--debit", "1200=10.00", "--credit", "4020=10.00");
        _books.Refused("journal", "reverse", "99");
        _books.Refused("journal", "reverse", "10");
        _books.Refused("journal", "reverse", "11");
        _books.Refused("journal", "reverse", "1", "--date", "2026-01-01");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1001", "--date", "2026-03-31", "--line", "Logo;10.00");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--date", "2026-03-31", "--line", "Logo;10.00;ZZ");
        _books.Refused("sales", "post", "--customer", "Old Client Co", "--number", "1009", "--date", "2026-03-31", "--line", "Logo;10.00");
        _books.Refused("sales", "post", "--customer", "Yankee Corp", "--number", "1009", "--date", "2026-02-01", "--line", "Consulting;10.00;none");
        _books.Refused("sales", "post", "--customer", "Maple Design", "--number", "1009", "--date", "2026-03-31", "--line", "Logo;10.00;GP;5100");
        _books.Refused("sales", "show", "9999");
        _books.Refused("sales", "reverse", "1001");
        _books.Refused("sales", "adjust", "1001", "--line", "Logo design;700.00;GP");
        _books.Refused("receipts", "post", "--customer", "Bluenose Cafe", "--allocate", "1004=10.00");
        _books.Refused("receipts", "post", "--customer", "Maple Design", "--allocate", "1004=600.00");
        _books.Refused("receipts", "post", "--customer", "Maple Design", "--allocate", "1004=100.00", "--amount", "150.00");
        _books.Refused("receipts", "post", "--customer", "Bluenose Cafe", "--allocate", "1005=10.00", "--method", "card", "Amex");
        _books.Refused("receipts", "post", "--customer", "Bluenose Cafe", "--allocate", "1005=10.00", "--deposit-account", "4020");
        _books.Refused("receipts", "reverse", "2");
        _books.Refused("report", "statement", "--customer", "Nobody Inc");
        _books.Refused("report", "ledger", "--account", "1999");
        _books.Refused("report", "income-statement", "--from", "2026-03-31", "--to", "2026-03-01");

        Assert.Equal(before, _books.Fingerprint());
        Golden.Verify("errors-books-rules", _books.Transcript());
    }

    public void Dispose() => _books.Dispose();
}
