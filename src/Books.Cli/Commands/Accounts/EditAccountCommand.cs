using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Accounts;

internal static class EditAccountCommand
{
    private const string Help = """
        Renames an account. Its number and type stay: posted entries refer to them.

        Example:
          books --file acme.books accounts edit 1060 --name "Chequing - RBC"
        """;

    public static Command Create(CliContext cli)
    {
        var number = Options.AccountArgument("NUMBER", "The account to rename.");
        var name = new Option<string>("--name") { Description = "The account's new name.", Required = true, HelpName = "NAME" };
        var command = new Command("edit", Help) { number, name };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Accounts.Rename(parsed.GetValue(number), parsed.GetRequiredValue(name)),
            account => cli.Said($"Account {account.Number} is now named {account.Name}.")));
        return command;
    }
}
