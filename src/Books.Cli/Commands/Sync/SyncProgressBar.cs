using BillingBooks.Books.Sync;
using Spectre.Console;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>Runs a sync with a live count on a terminal (on stderr, so stdout stays the report).</summary>
internal static class SyncProgressBar
{
    public static Attempt<SyncReport> Run(CliContext cli, SyncRun run, LastProgress progress, CancellationToken cancellation)
    {
        run.Progress = progress;
        if (!cli.Terminal.Interactive) return run.RunAsync(cancellation).GetAwaiter().GetResult();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Err) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("Synchronizing with Billing", maxValue: 1);
                task.IsIndeterminate = true;
                progress.Forward = new Progress<SyncProgress>(p =>
                    task.Description = $"Synchronizing with Billing: {p.Seen:N0} records{(p.HasMore ? "..." : "")}");
                var result = run.RunAsync(cancellation).GetAwaiter().GetResult();
                task.IsIndeterminate = false;
                task.Value = 1;
                return result;
            });
    }
}
