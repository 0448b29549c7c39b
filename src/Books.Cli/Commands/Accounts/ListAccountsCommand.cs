using System.CommandLine;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Accounts;

internal static class ListAccountsCommand
{
    private const string Help = """
        Lists the chart of accounts: number, name, type and whether the account is active.

        Example:
          books --file acme.books accounts list --format csv
        """;

    public static Command Create(CliContext cli)
    {
        var activeOnly = new Option<bool>("--active") { Description = "Only active accounts." };
        var format = Options.Format();
        var command = new Command("list", Help) { activeOnly, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<IReadOnlyList<Account>>.Ok(read.Accounts.List(includeInactive: !parsed.GetValue(activeOnly))),
            accounts =>
            {
                var grid = new Grid(new Column("Number"), new Column("Name"), new Column("Type"), new Column("Active"));
                foreach (var account in accounts)
                {
                    grid.Add(account.Number.ToString(), account.Name, AccountTypes.Name(account.Type), Text.YesNo(account.Active));
                }

                var json = accounts.Select(a => new { number = a.Number.ToString(), a.Name, type = AccountTypes.Name(a.Type), a.Active });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
