using System.CommandLine;
using BillingBooks.Books.Checks;
using BillingBooks.Books.Cli.Output;

namespace BillingBooks.Books.Cli.Commands.Check;

internal static class CheckCommand
{
    private const string Help = """
        Checks data integrity. Lists each failure (check, where, what) and exits 1; exits 0 when all hold.
        Never changes the file. It checks that:
          every entry balances and has at least 2 lines, and no posting line is left without its entry;
          each account's kept daily totals (read by balances as of a date) match its postings, day by day;
          every entry is dated in one of the company's fiscal years;
          each invoice and receipt is posted by an entry of its kind, date, customer and reversal;
          each invoice's lines add up to its subtotal, plus taxes to its total, and its entry posts them;
          each receipt's allocations and its entry's deposit and fee add up to its amount, its receivable
          credit is what its allocations settle, and it pays only its customer's invoices in its currency;
          Accounts Receivable equals what customers owe, in total and per customer;
          no invoice has more allocated than its total, and each owes its total less its allocations;
          sales credit the tax accounts with what the invoices in force charge;
          reversals and the entries they reverse point at each other, and every entry is in the audit trail;
          no amount is beyond the largest Books keeps.

        Example:
          books --file acme.books check
        """;

    public static Command Create(CliContext cli)
    {
        var command = new Command("check", Help);
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<IReadOnlyList<CheckFailure>>.Ok(Progress.Run(cli, "Checking the books", read.Checks.Run)),
            failures =>
            {
                if (failures.Count == 0)
                {
                    return cli.Said("All checks passed: the books are sound.");
                }

                var grid = new Grid(new Column("Check"), new Column("Where"), new Column("Problem"));
                foreach (var failure in failures)
                {
                    grid.Add(failure.Check, failure.Where, failure.Message);
                }

                Show.Table(cli, grid);
                return cli.Refuse($"{failures.Count} integrity problem{(failures.Count == 1 ? "" : "s")} found (listed above); the file was not changed");
            }));
        return command;
    }
}
