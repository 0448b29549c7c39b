using System.CommandLine;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.LinkedAccounts;

internal static class ShowLinkedAccountsCommand
{
    private const string Help = """
        Shows the account Books posts to for each linked role: Accounts Receivable, Default Revenue (Track
        Sales), Principal Bank (Track Customer Payments), exchange gain/loss, rounding and earnings.

        Example:
          books --file acme.books linked-accounts show
        """;

    public static Command Create(CliContext cli)
    {
        var format = Options.Format();
        var command = new Command("show", Help) { format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<IReadOnlyList<(LinkedAccount Role, Account Account)>>.Ok(
                Enum.GetValues<LinkedAccount>().Select(role => (role, read.Accounts.Get(read.LinkedAccounts.Get()[role]).Value)).ToArray()),
            links =>
            {
                var grid = new Grid(new Column("Role"), new Column("Account"), new Column("Name"));
                foreach (var (role, account) in links)
                {
                    grid.Add(LinkedRoles.Name(role), account.Number.ToString(), account.Name);
                }

                var json = links.Select(l => new { role = LinkedRoles.Name(l.Role), account = l.Account.Number.ToString(), name = l.Account.Name });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
