using System.CommandLine;
using BillingBooks.Books.Cli.Output;

namespace BillingBooks.Books.Cli.Commands.Export;

internal static class ExportHledgerCommand
{
    private const string Help = """
        Writes the whole journal in hledger format (readable by hledger and ledger): account declarations,
        then every entry in home currency, and at the end of each fiscal year before the current one its
        revenue and expenses closed into Retained Earnings, so that the balances equal the trial balance as
        of any day of the current fiscal year. To stdout, or to a file with --output (written whole or not
        at all).

        Examples:
          books --file acme.books export hledger > acme.journal && hledger -f acme.journal balance
          books --file acme.books export hledger --output acme.journal
        """;

    public static Command Create(CliContext cli)
    {
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (stdout if not given); replaced if it exists.", HelpName = "PATH" };
        var command = new Command("hledger", Help) { output };
        command.SetAction(parsed => cli.Read(
            parsed,
            read =>
            {
                if (parsed.GetValue(output) is not { } path)
                {
                    read.Hledger.Write(cli.Out);
                    return Result<string?>.Ok(null);
                }

                // Write beside the target, then move over it: a failure never leaves a half-written journal.
                var full = Path.GetFullPath(path);
                if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
                {
                    return new InvalidInput("--output", $"the folder {folder} does not exist; create it or write the journal elsewhere");
                }

                var partial = full + ".partial";
                try
                {
                    Progress.Run(cli, "Exporting", () =>
                    {
                        using (var writer = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                        {
                            read.Hledger.Write(writer);
                        }

                        File.Move(partial, full, overwrite: true);
                        return full;
                    });
                }
                catch (Exception denied) when (denied is IOException or UnauthorizedAccessException)
                {
                    // The disk or the folder's permissions refused: the user's to fix, not a bug.
                    File.Delete(partial);
                    return new InvalidInput("--output", $"cannot write {path} ({denied.Message}); choose a file you may write");
                }

                return Result<string?>.Ok(path);
            },
            path => path is null ? BooksApp.Done : cli.Said($"Wrote the journal to {path}.")));
        return command;
    }
}
