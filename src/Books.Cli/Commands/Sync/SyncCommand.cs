using System.CommandLine;
using System.Globalization;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync;
using BillingBooks.Books.Sync.Client;
using BillingBooks.Books.Sync.Storage;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>`books sync`: Synchronize with Billing (SPEC 3). Exit 0 done, 2 done with open conflicts or unexpected differences, 1 could not sync.</summary>
internal static class SyncCommand
{
    public const int DoneWithConflicts = 2;
    public const string PasswordVariable = "BOOKS_BILLING_PASSWORD";

    private const string Help = """
        Synchronize with Billing: imports its customers, invoices and payments exactly once (see docs/sync.md).
        The first run asks for the setup on a terminal (else pass --email, --track-payments...); --server is
        Billing's base address, by default http://127.0.0.1:5080 (where Billing starts on this computer). The
        password comes from the prompt, --password-stdin or BOOKS_BILLING_PASSWORD and is never stored. Records
        that cannot be imported yet are listed with the command that fixes them and retried at every later sync.
        Exits 0 when done, 2 when done with open conflicts or differences with Billing to look at (listed), 1 when
        it could not sync (nothing changed), 130 when interrupted with Ctrl-C (the pages imported so far are kept;
        sync again to go on).

        Example:
          books --file acme.books sync --server https://billing.example --email me@acme.ca --track-payments 1060
        """;

    public static Command Create(CliContext cli)
    {
        var options = new SyncOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be created, adjusted and reversed, the conflicts and the effect on each account; change nothing." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the Billing password from the first line of standard input." };
        var pageSize = new Option<int>("--page-size") { Description = "Feed items per page (per transaction).", DefaultValueFactory = _ => 500, Hidden = true };
        var format = SyncOptions.Format();
        var command = new Command("sync", Help) { passwordStdin, dryRun, format, pageSize };
        options.AddTo(command);
        command.SetAction((parsed, cancellation) => Task.FromResult(cli.WithCompany(parsed, company =>
        {
            // Every sync writes (its settings and cursor at least): refused before asking for a password.
            if (company.ReadOnly is { } readOnly) return cli.Fail(readOnly);
            var answers = options.Answers(parsed);
            var setup = SyncPrompts.Complete(cli, company, answers);
            if (!setup.Succeeded) return cli.Fail(setup.Error);
            // A server saved by an older Books was not checked: it is refused here, not by a crash.
            var server = SyncSetup.ServerAddress(setup.Value.Server!);
            if (!server.Succeeded) return cli.Fail(server.Error);
            var password = SyncPrompts.Password(cli, setup.Value, parsed.GetValue(passwordStdin));
            if (!password.Succeeded) return cli.Fail(password.Error);
            var credentials = new BillingCredentials(server.Value, setup.Value.Email!, password.Value,
                setup.Value.Mode == SyncMode.Client ? setup.Value.ClientEmail : null);
            using var client = SyncClient.Create(credentials, SyncClientOptions.FromEnvironment(cli.Environment));
            var run = new SyncRun(company, client, setup.Value, cli.Time) { DryRun = parsed.GetValue(dryRun), PageSize = Math.Max(1, parsed.GetValue(pageSize)) };
            var progress = new LastProgress();
            Attempt<SyncReport> report;
            // Ctrl-C cancels the run between pages (each commits whole, with its cursor) or while it waits on Billing.
            using (cli.Interruption.Handle())
            {
                try
                {
                    report = SyncProgressBar.Run(cli, run, progress, cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    company.Flush(); // the pages kept are then kept even if the machine stops right after
                    return cli.Interrupted(Cancelled(run.DryRun, progress.Last?.Seen ?? 0, company.Path));
                }
            }
            if (!report.Succeeded) return cli.Fail(report.Error);
            SyncReportView.Write(cli, report.Value, parsed.GetValue(format)!);
            return report.Value.NeedsAttention ? DoneWithConflicts : BooksApp.Done;
        })));
        return command;
    }

    private static string Cancelled(bool dryRun, int imported, string file)
    {
        if (dryRun) return "dry run cancelled; nothing was changed.";
        var kept = imported == 0
            ? "before any of Billing's changes were imported"
            : string.Create(CultureInfo.InvariantCulture, $"after importing {imported:N0} of Billing's changes (each page whole, with the feed cursor); nothing after them was imported");
        return $"sync cancelled {kept}. Run the sync again to continue: books --file {FixCommands.Quote(file)} sync";
    }
}
