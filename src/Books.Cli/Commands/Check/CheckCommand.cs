using System.CommandLine;
using BillingBooks.Books.Checks;
using BillingBooks.Books.Cli.Output;

namespace BillingBooks.Books.Cli.Commands.Check;

internal static class CheckCommand
{
    private const string Help = """
        Checks data integrity. Every entry balances, Accounts Receivable equals the sum of customer balances,
        no allocation exceeds what an invoice owes, and the file's other invariants hold. Exits 0 when all
        hold; otherwise lists each failure (check, where, what) and exits 1. Never changes the file.

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
