using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>
/// Fiscal years end to end (Golden/fiscal-years.txt): a company opened for two years of history, Start New Year,
/// locking a finished year, and every refusal with the command that fixes it - which then works.
/// </summary>
public sealed class FiscalYearTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void A_company_with_history_starts_a_new_year_locks_the_old_one_and_its_reports_close_each_year()
    {
        _books.Ok("new", _books.PathOf("maple.books"), "--name", "Maple Ltd", "--fiscal-start", "2026-01-01", "--history-from", "2024-01-01");
        _books.Environment["BOOKS_FILE"] = _books.PathOf("maple.books");
        _books.Ok("settings", "show");
        _books.Ok("journal", "post", "--date", "2024-01-02", "--memo", "Owner's investment", "--debit", "1060=1000.00", "--credit", "3010=1000.00");
        _books.Ok("journal", "post", "--date", "2024-06-30", "--memo", "Consulting", "--debit", "1060=300.00", "--credit", "4200=300.00");
        _books.Ok("journal", "post", "--date", "2025-06-30", "--memo", "Consulting", "--debit", "1060=200.00", "--credit", "4200=200.00");

        // Before the first day, then the fix the message names.
        _books.Refused("journal", "post", "--date", "2023-12-31", "--memo", "Older", "--debit", "5100=10.00", "--credit", "1060=10.00");
        _books.Ok("settings", "set", "--history-from", "2023-12-31");
        _books.Ok("journal", "post", "--date", "2023-12-31", "--memo", "Older", "--debit", "5100=10.00", "--credit", "1060=10.00");

        // After the current year, then Start New Year.
        _books.Refused("journal", "post", "--date", "2027-01-05", "--memo", "Next year", "--debit", "1060=50.00", "--credit", "4200=50.00");
        _books.Refused("year-end");
        _books.Ok("year-end", "--before-year-end");
        _books.Ok("journal", "post", "--date", "2027-01-05", "--memo", "Next year", "--debit", "1060=50.00", "--credit", "4200=50.00");
        _books.Ok("journal", "post", "--date", "2026-12-31", "--memo", "Late entry", "--debit", "1060=25.00", "--credit", "4200=25.00");

        // Lock the finished year; unlocking is the fix the message names.
        _books.Ok("settings", "set", "--lock-before", "2027-01-01");
        _books.Refused("journal", "post", "--date", "2026-12-31", "--memo", "Too late", "--debit", "1060=5.00", "--credit", "4200=5.00");
        _books.Refused("settings", "set", "--lock-before", "2022-12-31");
        _books.Refused("settings", "set", "--lock-before", "2028-01-02");
        _books.Refused("settings", "set", "--fiscal-start", "2027-04-01");
        _books.Refused("settings", "set", "--fiscal-end", "2027-01-02");
        _books.Refused("settings", "set", "--history-from", "2027-02-01");
        _books.Refused("new", _books.PathOf("later.books"), "--name", "Later Ltd", "--fiscal-start", "2026-01-01", "--history-from", "2026-02-01");
        _books.Refused("settings", "set", "--history-from", "1900-01-01");
        _books.Refused("new", _books.PathOf("ancient.books"), "--name", "Ancient Ltd", "--fiscal-start", "0001-01-01");
        _books.Ok("settings", "show", "--format", "json");

        _books.Ok("report", "trial-balance", "--as-of", "2027-01-31");
        _books.Ok("report", "trial-balance", "--as-of", "2025-12-31");
        _books.Ok("report", "balance-sheet", "--as-of", "2027-01-31");
        _books.Ok("report", "income-statement", "--to", "2027-01-31");
        _books.Ok("report", "income-statement", "--to", "2025-12-31");
        _books.Ok("check");
        Golden.Verify("fiscal-years", _books.Transcript());
    }

    public void Dispose() => _books.Dispose();
}
