using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Web;
using Microsoft.AspNetCore.Hosting.Server;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Recurring;

/// <summary>
/// Makes the drafts of recurring invoices that are due: an occurrence dated D is generated once the account's
/// local time reaches D 03:00 (SPEC 1.4). Missed occurrences (server down) are caught up in order. Each
/// recurring invoice is advanced in its own transaction, with the draft it makes. A bug met by one schedule (an
/// exception other than the database's) rolls back that schedule only: it is told to <paramref name="bug"/> and tried
/// again on the next run, and the others go on (in the service, an exception out of the generator would stop it).
/// </summary>
public sealed class RecurringInvoices(Database db, TimeProvider clock, RecurringMail? mail = null, Action<RecurringId, Exception>? bug = null)
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
            try
            {
                made += await GenerateAsync(new AccountId(account), new RecurringId(id), now, cancel).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One tenant's schedule must not stop every other's, nor the service: the bug is told, with its stack.
            catch (Exception e) when (e is not System.Data.Common.DbException && !(e is OperationCanceledException && cancel.IsCancellationRequested))
#pragma warning restore CA1031
            {
                if (bug is null) throw;
                bug(new RecurringId(id), e);
            }
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
            if (mail is not null && state.Recipients.Count > 0
                && await MailAsync(write, account, profile, created.Value, state.Recipients, mail, cancel).ConfigureAwait(false) is { } failure)
            {
                mail.Failed($"Recurring invoice {state.Id} made invoice {created.Value.Number} as a draft, not mailed: {failure}");
            }
        }

        await RecurringStore.SaveAsync(write, state).ConfigureAwait(false);
        await write.CommitAsync(cancel).ConfigureAwait(false);
        return made;
    }

    /// <summary>
    /// Emails a new draft to the schedule's addresses with its PDF and link, as the send dialog does, and marks it sent
    /// once the mail server took it; otherwise it stays a draft to send by hand. Null when mailed, else why not.
    /// </summary>
    private async Task<string?> MailAsync(AccountWrite write, AccountId account, ProfileDocument profile, InvoiceResponse draft, IReadOnlyList<string> to, RecurringMail mail, CancellationToken cancel)
    {
        var stored = await InvoiceStore.GetAsync(write, account, InvoiceKinds.Invoice, new InvoiceId(long.Parse(draft.Id, CultureInfo.InvariantCulture))).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The draft {draft.Id} just made is not there.");
        if ((Profiles.MissingForSending(profile) ?? InvoiceRules.WhyNotSendable(stored.State, stored.State.Compute())) is { } why)
        {
            return why;
        }

        // Checked when saved; a schedule stored before that check may hold something no mail server takes.
        if (to.FirstOrDefault(a => !MimeKit.MailboxAddress.TryParse(a, out _)) is { } bad)
        {
            return $"'{bad}' is not an email address; correct the schedule's auto-send list";
        }

        var state = stored.State with { Stage = InvoiceStatuses.Sent, InFeed = true };
        var invoice = InvoiceViews.ToResponse(state, stored.Paid, Profiles.Today(profile, clock));
        var token = await InvoiceLinks.CreateAsync(write, account, state.Id, clock.GetUtcNow()).ConfigureAwait(false);
        var owner = await write.QuerySingleAsync<string>("SELECT email FROM accounts WHERE id = @id", new { id = account.Value }).ConfigureAwait(false);
        var message = await InvoiceDeliveryEndpoints.ComposeAsync(write, account, InvoiceKinds.Invoice, invoice, profile, owner, mail.Mailer.Options.From,
            $"{mail.PublicOrigin()}/view/{token}", new InvoiceDeliveryEndpoints.Letter(to, null, null, AttachPdf: true, CopyTo: null), cancel).ConfigureAwait(false);
        if (await mail.Mailer.SendAsync(message, cancel).ConfigureAwait(false) is { } failure)
        {
            return failure;
        }

        await InvoiceStore.SaveAsync(write, state, stored.Paid).ConfigureAwait(false);
        return null;
    }
}

/// <summary>How recurring drafts are mailed: the mailer, where customers reach the service, where failures are told.</summary>
public sealed record RecurringMail(Mailer Mailer, Func<string> PublicOrigin, Action<string> Failed);

/// <summary>Runs <see cref="RecurringInvoices"/> every minute.</summary>
public sealed class RecurringInvoiceGenerator(
    Database db, TimeProvider clock, ILogger<RecurringInvoiceGenerator> log, Mailer mailer, IConfiguration configuration, IServer server) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Links in mail sent without a browser request: --public-url, else this process's own address.
        string PublicOrigin() => InvoiceDeliveryEndpoints.ConfiguredOrigin(configuration) ?? OwnAddress.Of(server).ToString().TrimEnd('/');
        var generator = new RecurringInvoices(db, clock, new RecurringMail(mailer, PublicOrigin, problem => log.LogWarning("{Problem}", problem)),
            (schedule, bug) => log.LogError(bug, "Recurring invoice {Schedule} not generated (a bug; tried again next minute)", schedule.Value));
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
