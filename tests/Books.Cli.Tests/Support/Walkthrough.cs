namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>
/// The new user's walkthrough of docs/books.md: a company in Nova Scotia with GST/PST/HST codes, three
/// customers (one invoiced in USD), sales, and receipts by cheque, in USD and by card.
/// </summary>
public static class Walkthrough
{
    public const string File = "acme.books";

    public static void SetUp(BooksRunner books)
    {
        books.Ok("new", books.PathOf(File), "--name", "Acme Design Ltd", "--fiscal-start", "2026-01-01");
        books.Environment["BOOKS_FILE"] = books.PathOf(File);
        books.Ok("settings", "set", "--address", "12 Main St, Halifax NS", "--allow-foreign-currency", "on");
        books.Ok("settings", "show");
        books.Ok("taxes", "list");
        books.Ok("taxes", "add", "HST-NS", "--account", "2310");
        books.Ok("tax-codes", "add", "HN", "--tax", "HST-NS:15", "--description", "HST 15% (Nova Scotia)");
        books.Ok("tax-codes", "list");
        books.Ok("currencies", "add", "USD");
        books.Ok("rates", "set", "USD", "2026-03-01", "1.35");
        books.Ok("currencies", "list");
        books.Ok("credit-cards", "add", "Visa", "--fee", "2.5", "--fee-account", "5030", "--deposit-account", "1065");
        books.Ok("customers", "add", "Maple Design", "--tax-code", "GP", "--email", "ap@maple.example");
        books.Ok("customers", "add", "Yankee Corp", "--currency", "USD", "--terms", "15");
        books.Ok("customers", "add", "Bluenose Cafe", "--tax-code", "HN");
        books.Ok("journal", "post", "--date", "2026-01-02", "--memo", "Owner's investment", "--debit", "1060=5000.00", "--credit", "3010=5000.00");
        books.Ok("sales", "post", "--customer", "Maple Design", "--number", "1001", "--date", "2026-03-02", "--line", "Logo design;800.00;GP", "--line", "Business cards;100.00");
        books.Ok("sales", "post", "--customer", "Yankee Corp", "--number", "1002", "--date", "2026-03-05", "--line", "Consulting;1000.00;none");
        books.Ok("sales", "post", "--customer", "Bluenose Cafe", "--number", "1003", "--date", "2026-03-06", "--line", "Menu design;200.00");
        books.Ok("sales", "post", "--customer", "Maple Design", "--number", "1004", "--date", "2026-01-20", "--line", "Brand guide;500.00;GP;4200");
        books.Ok("sales", "post", "--customer", "Bluenose Cafe", "--number", "1005", "--date", "2026-03-28", "--line", "Window decals;120.00");
        books.Ok("receipts", "post", "--customer", "Maple Design", "--allocate", "1001=1008.00", "--method", "cheque", "--cheque-number", "4521", "--date", "2026-03-20");
        books.Ok("receipts", "post", "--customer", "Yankee Corp", "--allocate", "1002=1000.00", "--rate", "1.37", "--date", "2026-03-25");
        books.Ok("receipts", "post", "--customer", "Bluenose Cafe", "--allocate", "1003=230.00", "--method", "card", "Visa", "--date", "2026-03-26");
    }
}
