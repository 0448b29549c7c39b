namespace BillingBooks.Billing.Storage;

/// <summary>
/// A background job that runs every <see cref="Period"/> against the database. A run that meets a database error
/// (the database unreachable for a while) is logged as a warning and the next run does its work; any other
/// exception is a bug and stops the service, as a hosted service's exception does.
/// </summary>
public abstract class PeriodicWork(TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Log { get; } = log;

    protected abstract TimeSpan Period { get; }

    /// <summary>What the job is, for the log ("Recurring invoices", "Expired API tokens").</summary>
    protected abstract string What { get; }

    /// <summary>One run; returns a line for the log when it did something, else null.</summary>
    protected abstract Task<string?> RunOnceAsync(CancellationToken cancel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken).ConfigureAwait(false) is { } done)
                {
                    Log.LogInformation("{What}: {Done}", What, done);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                Log.LogWarning(e, "{What}: not done this time, the database failed; the next run does it", What);
            }

            // The clock's timer: real time with the service's clocks (a test clock moves only the reading, see
            // Web/TestClock), so the pace of the job is process timing and a clock held still stops nothing.
            await Task.Delay(Period, Clock, stoppingToken).ConfigureAwait(false);
        }
    }
}
