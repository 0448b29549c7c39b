using System.CommandLine;
using System.CommandLine.Help;

namespace BillingBooks.Books.Cli;

/// <summary>
/// Every command of `books`, in help order. A command is one file exposing `Create(CliContext)`; add it here
/// with the group it belongs to (null = top level). Groups are created on first use.
/// </summary>
internal static class CommandRegistry
{
    private static readonly (string Name, string Description)[] Groups =
    [
        ("settings", "Company settings."),
    ];

    private static readonly (string? Group, Func<CliContext, Command> Create)[] Commands =
    [
        (null, BillingBooks.Books.Cli.Commands.Sync.SyncCommand.Create),
        ("settings", BillingBooks.Books.Cli.Commands.Sync.BillingSyncSettingsCommand.Create),
    ];

    public static Command BuildRoot(CliContext cli)
    {
        // Not RootCommand: that takes its name from the host process ("testhost" under a test runner).
        var root = new Command("books", """
            Books: double-entry books for a small business, one company per file.

            Start with `books new acme.books --name "Acme Ltd"`, then run every other command with
            `--file acme.books` (or set BOOKS_FILE=acme.books).
            """);
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(cli.FileOption);
        var groups = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var (group, create) in Commands)
        {
            var command = create(cli);
            if (group is null)
            {
                root.Subcommands.Add(command);
                continue;
            }

            if (!groups.TryGetValue(group, out var parent))
            {
                var description = Groups.Single(g => g.Name == group).Description;
                parent = new Command(group, description);
                groups.Add(group, parent);
                root.Subcommands.Add(parent);
            }

            parent.Subcommands.Add(command);
        }

        return root;
    }
}
