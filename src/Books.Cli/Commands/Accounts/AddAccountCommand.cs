using System.CommandLine;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Accounts;

internal static class AddAccountCommand
{
    private const string Help = """
        Adds an account to the chart of accounts. Numbers are 4 digits and follow the type: 1000-1999 assets,
        2000-2999 liabilities, 3000-3999 equity, 4000-4999 revenue, 5000-9999 expenses.

        Example:
          books --file acme.books accounts add 4050 --name "Consulting Revenue" --type revenue
        """;

    public static Command Create(CliContext cli)
    {
        var number = Options.AccountArgument("NUMBER", "The new account's number.");
        var name = new Option<string>("--name") { Description = "The account's name.", Required = true, HelpName = "NAME" };
        var type = new Option<string>("--type") { Description = "asset, liability, equity, revenue or expense.", Required = true, HelpName = "TYPE" };
        var command = new Command("add", Help) { number, name, type };
        command.SetAction(parsed =>
        {
            if (!AccountTypes.TryParse(parsed.GetValue(type), out var accountType))
            {
                return cli.Refuse($"--type: '{parsed.GetValue(type)}' is not an account type; use asset, liability, equity, revenue or expense");
            }

            return cli.Write(
                parsed,
                write => write.Accounts.Add(parsed.GetValue(number), parsed.GetRequiredValue(name), accountType),
                account => cli.Said($"Added account {account.Number} {account.Name} ({AccountTypes.Name(account.Type)})."));
        });
        return command;
    }
}
