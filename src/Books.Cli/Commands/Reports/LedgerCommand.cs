using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Reports;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class LedgerCommand
{
    private const string Help = """
        The general ledger detail for a period (the fiscal year to date if not given): for one account, or
        every account with activity, its opening balance, each posting with the running balance (debit
        positive) and its closing balance, in the home currency. Earlier fiscal years are closed as in the
        trial balance: revenue and expense accounts open each fiscal year at zero and Retained Earnings holds
        the earlier years' income; a year that ends inside the period shows its close as a "close" row (no
        entry) on its last day. Each closing balance is the account's trial balance as of --to.

        Example:
          books --file acme.books report ledger --account 1200 --from 2026-03-01 --to 2026-03-31
        """;

    public static Command Create(CliContext cli)
    {
        var account = Options.Account("--account", "Only this account (every account with activity if not given).");
        var period = new Period();
        var format = Options.Format();
        var command = new Command("ledger", Help) { account, period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Then(days => parsed.GetValue(account) is { } one
                ? read.Reports.GeneralLedger(one, days.From, days.To).Map(detail => new[] { detail })
                : Amounts.All(read.Accounts.List(), a => read.Reports.GeneralLedger(a.Number, days.From, days.To))
                    .Map(all => all.Where(d => d.Rows.Count > 0 || !d.Opening.IsZero).ToArray())),
            details =>
            {
                var grid = new Grid(new Column("Account"), new Column("Date"), new Column("Entry"), new Column("Kind"), new Column("Memo"), Column.Amount("Debit"), Column.Amount("Credit"), Column.Amount("Balance"));
                foreach (var detail in details)
                {
                    var number = detail.Account.Number.ToString();
                    grid.Add(number, Text.Iso(detail.From), string.Empty, string.Empty, $"Opening: {detail.Account.Name}", string.Empty, string.Empty, detail.Opening.ToDecimalString());
                    foreach (var row in detail.Rows)
                    {
                        grid.Add(number, Text.Iso(row.Date), row.Entry?.ToString() ?? string.Empty, Kind(row.Kind), row.Memo, Amount(row.Debit), Amount(row.Credit), row.Balance.ToDecimalString());
                    }

                    grid.Add(number, Text.Iso(detail.To), string.Empty, string.Empty, "Closing", string.Empty, string.Empty, detail.Closing.ToDecimalString());
                }

                var json = details.Select(d => new
                {
                    account = d.Account.Number.ToString(),
                    name = d.Account.Name,
                    from = Text.Iso(d.From),
                    to = Text.Iso(d.To),
                    opening = d.Opening.ToDecimalString(),
                    rows = d.Rows.Select(r => new
                    {
                        date = Text.Iso(r.Date),
                        entry = r.Entry?.Value,
                        kind = Kind(r.Kind),
                        memo = r.Memo,
                        debit = r.Debit.ToDecimalString(),
                        credit = r.Credit.ToDecimalString(),
                        balance = r.Balance.ToDecimalString(),
                    }),
                    closing = d.Closing.ToDecimalString(),
                });
                return Show.Write(cli, parsed.GetValue(format), grid, json, "General ledger");
            }));
        return command;
    }

    private static string Kind(EntryKind? kind) => kind is { } posted ? Text.Kind(posted) : "close";

    private static string Amount(Money.Money amount) => amount.IsZero ? string.Empty : amount.ToDecimalString();
}
