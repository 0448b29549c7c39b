using System.Globalization;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync;
using BillingBooks.Books.Sync.Storage;
using Spectre.Console;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>
/// The Synchronization Setup (SPEC 3.1): on a terminal, asks for what is missing (Spectre prompts, the
/// password masked); without one, anything missing is an error naming the flags to pass.
/// </summary>
internal static class SyncPrompts
{
    public static Attempt<SyncSettings> Complete(CliContext cli, CompanyFile company, SetupAnswers answers)
    {
        var (stored, defaultRevenue, merged) = company.Read(r =>
        {
            var stored = new SyncStore(r.Connection, r.Transaction).Settings();
            return (stored, (int?)r.LinkedAccounts.Get().DefaultRevenue.Value, SyncSetup.Apply(r, stored, answers, company.Path));
        });
        if (!merged.Succeeded || SyncSetup.Missing(merged.Value).Count == 0) return merged;
        if (!cli.Terminal.Interactive)
        {
            var missing = SyncSetup.Missing(merged.Value);
            return new SyncError.SetupIncomplete("missing " + string.Join(", ", missing), $"Pass {string.Join(" ", missing)} (no terminal to ask on).");
        }

        var console = Console(cli);
        console.MarkupLine("[bold]Synchronization Setup[/]");
        var email = merged.Value.Email ?? console.Prompt(new TextPrompt<string>("Billing email:").DefaultValue(stored.LastEmail ?? string.Empty).ShowDefaultValue(stored.LastEmail is not null));
        var mode = merged.Value.Mode;
        var client = merged.Value.ClientEmail;
        if (answers.Mode is null && !stored.EmailLocked)
        {
            var choice = console.Prompt(new SelectionPrompt<string>().Title("Whose books?").AddChoices("My account", "I'm a bookkeeper"));
            mode = choice == "My account" ? SyncMode.Own : SyncMode.Client;
            if (mode == SyncMode.Client) client ??= console.Ask<string>("Client's Billing email:");
        }
        if (defaultRevenue is { } revenue)
        {
            var change = Markup.Escape($"books --file {FixCommands.Quote(company.Path)} linked-accounts set default-revenue ACCOUNT");
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Track Sales: [bold]{revenue}[/] (the Default Revenue linked account; change it with {change})"));
        }
        var sales = merged.Value.TrackSales ?? console.Ask<int>("Track Sales (revenue account):");
        var payments = merged.Value.TrackPayments ?? console.Ask<int>("Track Customer Payments (account for cash and cheques):");
        var answered = answers with { Email = email, Mode = mode, ClientEmail = client, TrackSales = defaultRevenue is null ? sales : null, TrackPayments = payments };
        return company.Read(r => SyncSetup.Apply(r, stored, answered, company.Path));
    }

    public static Attempt<string> Password(CliContext cli, SyncSettings settings, bool fromStdin)
    {
        if (fromStdin)
        {
            var line = System.Console.In.ReadLine();
            return string.IsNullOrEmpty(line)
                ? new SyncError.SetupIncomplete("--password-stdin was given but standard input is empty", "Pipe the password in, e.g. `printf '%s\\n' \"$PW\" | books ... sync --password-stdin`.")
                : line;
        }
        if (cli.Environment.TryGetValue(SyncCommand.PasswordVariable, out var fromEnvironment) && !string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (!cli.Terminal.Interactive)
            return new SyncError.SetupIncomplete("no Billing password", $"Pass --password-stdin or set {SyncCommand.PasswordVariable} (no terminal to ask on).");
        return Console(cli).Prompt(new TextPrompt<string>($"Billing password for {Markup.Escape(settings.Email ?? "")}:").Secret());
    }

    private static IAnsiConsole Console(CliContext cli) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Err) });
}
