using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Journal;

internal static class ListJournalCommand
{
    private const string Help = """
        Lists every posted entry (sales, receipts, general and reversals) dated in a period, line by line,
        in home currency. The ENTRY column is what `journal reverse` takes. The table names each entry on
        its first line only; in CSV every line carries its entry, date and kind, so each row reads alone.

        Example:
          books --file acme.books journal list --from 2026-03-01 --to 2026-03-31
        """;

    public static Command Create(CliContext cli)
    {
        var period = new Period();
        var format = Options.Format();
        var command = new Command("list", Help) { period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Map(days => (Entries: read.Entries.List(days.From, days.To), Names: read.Accounts.List().ToDictionary(a => a.Number, a => a.Name))),
            found =>
            {
                // A table names each entry once, for the eye; in CSV every row carries its entry, date and kind so a
                // row read alone (a spreadsheet filter, a script) still says which entry it belongs to.
                var repeat = parsed.GetValue(format) == OutputFormat.Csv;
                var grid = new Grid(new Column("Entry"), new Column("Date"), new Column("Kind"), new Column("Memo"), new Column("Account"), new Column("Name"), Column.Amount("Debit"), Column.Amount("Credit"));
                foreach (var entry in found.Entries)
                {
                    var first = true;
                    foreach (var line in entry.Lines)
                    {
                        grid.Add(
                            first || repeat ? entry.Id.ToString() : string.Empty,
                            first || repeat ? Text.Iso(entry.Date) : string.Empty,
                            first || repeat ? Kind(entry) : string.Empty,
                            first ? entry.Memo : line.Memo ?? string.Empty,
                            line.Account.ToString(),
                            found.Names.GetValueOrDefault(line.Account, string.Empty),
                            line.Amount.IsPositive ? line.Debit.ToDecimalString() : string.Empty,
                            line.Amount.IsNegative ? line.Credit.ToDecimalString() : string.Empty);
                        first = false;
                    }
                }

                var json = found.Entries.Select(e => new
                {
                    entry = e.Id.Value,
                    date = Text.Iso(e.Date),
                    kind = Text.Kind(e.Kind),
                    memo = e.Memo,
                    reverses = e.Reverses?.Value,
                    reversedBy = e.ReversedBy?.Value,
                    lines = e.Lines.Select(l => new
                    {
                        account = l.Account.ToString(),
                        debit = l.Debit.ToDecimalString(),
                        credit = l.Credit.ToDecimalString(),
                        foreignAmount = l.Foreign?.ToDecimalString(),
                        foreignCurrency = l.Foreign?.Currency.Code,
                        rate = l.Rate is { } r ? Text.Number(r) : null,
                        memo = l.Memo,
                    }),
                });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }

    private static string Kind(JournalEntry entry) =>
        entry.Reverses is { } reversed ? $"reverses {reversed}"
        : entry.ReversedBy is { } by ? $"{Text.Kind(entry.Kind)} (reversed by {by})"
        : Text.Kind(entry.Kind);
}
