using System.Globalization;
using System.Text;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Reports;

/// <summary>
/// The whole journal in hledger format, readable by hledger and ledger: one transaction per entry, in date order,
/// accounts named <c>assets:1200 Accounts Receivable</c>, amounts in home currency (<c>113.00 CAD</c>) so every
/// account's balance equals the trial balance; a foreign line carries its document amount and rate as a comment.
/// Each fiscal year before the current one ends with a closing transaction that moves its revenue and expenses into
/// Retained Earnings, as Books' reports do, so `hledger bal` agrees with the trial balance across years too.
/// </summary>
public sealed class HledgerExport
{
    private readonly BooksRead _scope;

    internal HledgerExport(BooksRead scope) => _scope = scope;

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var company = _scope.Company;
        var home = company.HomeCurrency;
        var names = _scope.AccountMap.Values.ToDictionary(a => a.Number.Value, Name);
        writer.Write("; ");
        writer.Write(Clean(company.Name));
        writer.Write(" - exported from BillingBooks Books; amounts in ");
        writer.Write(home.Code);
        writer.Write('\n');
        foreach (var account in _scope.AccountMap.Values.OrderBy(a => a.Number.Value))
        {
            writer.Write("account ");
            writer.Write(names[account.Number.Value]);
            writer.Write('\n');
        }

        string Amount(long minor) => Money.Money.FromMinorUnits(minor, home).ToDecimalString() + " " + home.Code;
        var closing = new YearClosing(
            company.FiscalYears.Where(y => y.End < company.FiscalYearStart).OrderBy(y => y.Start).ToList(),
            _scope.AccountMap.Values.Where(a => a.Type is AccountType.Revenue or AccountType.Expense).Select(a => (long)a.Number.Value).ToHashSet(),
            names[_scope.Linked.RetainedEarnings.Value]);
        var line = new StringBuilder();
        long current = -1;
        // One pass over entries and postings together, in entry order: constant memory for millions of postings.
        foreach (var p in _scope.Query<(long Entry, string Date, string Memo, long Account, long Amount, string? Currency, long? Foreign, string? Rate)>(
                     "SELECT e.id, e.date, e.memo, p.account, p.amount, p.currency, p.foreign_amount, p.rate FROM entry e JOIN posting p ON p.entry_id = e.id ORDER BY e.date, e.id, p.line_no",
                     null,
                     buffered: false))
        {
            if (p.Entry != current)
            {
                current = p.Entry;
                closing.WriteYearsEndedBefore(p.Date, writer, names, Amount);
                writer.Write('\n');
                writer.Write(p.Date);
                writer.Write(" * (");
                writer.Write(p.Entry.ToString(CultureInfo.InvariantCulture));
                writer.Write(") ");
                writer.Write(Clean(p.Memo));
                writer.Write('\n');
            }

            line.Clear();
            line.Append("    ").Append(names[checked((int)p.Account)]).Append("  ")
                .Append(Amount(p.Amount));
            closing.Add(p.Account, p.Amount);
            if (p.Currency is { } code && p.Foreign is { } foreign)
            {
                var currency = Money.Currency.Get(code);
                line.Append("  ; ").Append(Money.Money.FromMinorUnits(foreign, currency).ToString()).Append(" @ ").Append(p.Rate);
            }

            writer.Write(line.Append('\n').ToString());
        }

        closing.WriteYearsEndedBefore("9999-12-31", writer, names, Amount);
    }

    /// <summary>hledger account name: type prefix, then number and name; ':' would nest accounts and two spaces end the name.</summary>
    public static string Name(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var prefix = account.Type switch
        {
            AccountType.Asset => "assets",
            AccountType.Liability => "liabilities",
            AccountType.Equity => "equity",
            AccountType.Revenue => "revenue",
            _ => "expenses",
        };
        return prefix + ":" + account.Number + " " + Clean(account.Name).Replace(':', '-');
    }

    // Descriptions and names end at ';' (comment) and must stay on one line with single spaces.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = c is ';' ? ',' : char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (ch == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(ch);
        }

        return builder.ToString().TrimEnd();
    }
}
