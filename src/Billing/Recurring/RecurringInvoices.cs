using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Recurring;

/// <summary>
/// Makes the drafts of recurring invoices that are due: an occurrence dated D is generated once the account's
/// local time reaches D 03:00 (SPEC 1.4). Missed occurrences (server down) are caught up in order. Each
/// recurring invoice is advanced in its own transaction, with the draft it makes.
/// </summary>
public sealed class RecurringInvoices(Database db, TimeProvider clock)
{
    public static readonly TimeOnly GenerationTime = new(3, 0);

    /// <summary>Generates everything due at the clock's now; returns the number of drafts made.</summary>
    public async Task<int> GenerateDueAsync(CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<(long Account, long Id)> due;
        await using (var session = await db.BeginSnapshotAsync(cancel).ConfigureAwait(false))
        {
            // A day ahead of UTC covers every time zone; the exact local check is below.
            due = await RecurringStore.DueAsync(session, DateOnly.FromDateTime(now.UtcDateTime).AddDays(1)).ConfigureAwait(false);
        }

        var made = 0;
        foreach (var (account, id) in due)
        {
            made += await GenerateAsync(new AccountId(account), new RecurringId(id), now, cancel).ConfigureAwait(false);
        }

        return made;
    }

    private async Task<int> GenerateAsync(AccountId account, RecurringId id, DateTimeOffset now, CancellationToken cancel)
    {
        await using var write = await db.BeginAccountWriteAsync(account, cancel).ConfigureAwait(false);
        if (write is null)
        {
            return 0;
        }

        var state = await RecurringStore.GetAsync(write, account, id).ConfigureAwait(false);
        if (state is null)
        {
            return 0;
        }

        var profile = await Profiles.ReadAsync(write, account).ConfigureAwait(false);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone ?? Profiles.DefaultTimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var made = 0;
        while (state.NextDate is { } date && date.ToDateTime(GenerationTime) <= local)
        {
            var template = state.Template with
            {
                Date = date,
                DueDate = date.AddDays(state.DueDays),
                Number = null,
            };
            var created = await InvoiceCommands.CreateAsync(write, InvoiceKinds.Invoice, template, clock).ConfigureAwait(false);
            if (created.Error is not null)
            {
                // The template no longer makes a valid invoice (e.g. its customer was deleted): stop and say why.
                state = state with { StoppedBecause = $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {created.Error.Message}" };
                break;
            }

            state = state with { Generated = state.Generated + 1, InvoiceIds = [.. state.InvoiceIds, created.Value!.Id] };
            made++;
        }

        await RecurringStore.SaveAsync(write, state).ConfigureAwait(false);
        await write.CommitAsync(cancel).ConfigureAwait(false);
        return made;
    }
}

/// <summary>Runs <see cref="RecurringInvoices"/> every minute.</summary>
public sealed class RecurringInvoiceGenerator(Database db, TimeProvider clock, ILogger<RecurringInvoiceGenerator> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var generator = new RecurringInvoices(db, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var made = await generator.GenerateDueAsync(stoppingToken).ConfigureAwait(false);
                if (made > 0)
                {
                    log.LogInformation("Generated {Count} recurring invoice drafts", made);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                // The database was unavailable this minute; the next run catches up.
                log.LogWarning(e, "Recurring invoices not generated this time");
            }

            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken).ConfigureAwait(false);
        }
    }
}
