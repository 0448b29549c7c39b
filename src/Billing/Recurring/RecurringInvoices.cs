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
/// recurring invoice is advanced in its own transaction, with the drafts it makes; those with an auto-send list
/// are then mailed one by one, after that commit, so that nothing can make a draft twice or mail it twice.
/// </summary>
/// <remarks>
/// A failure in one schedule - even a bug - is told to <paramref name="failed"/> and stops only that schedule's
/// step: making its drafts is tried again on the next run (nothing was mailed yet), a draft whose mailing failed
/// stays a draft to send by hand, and the schedule keeps what went wrong (<see cref="RecurringState.LastProblem"/>, shown
/// in the API and the pages until a later run goes through): the owner would otherwise believe the customer was billed.
/// The other schedules go on. (In the service, an exception out of the generator
/// would stop the whole process.)
/// </remarks>
public sealed class RecurringInvoices(Database db, TimeProvider clock, RecurringMail? mail = null, Action<RecurringId, Exception>? failed = null)
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
        foreach (var (accountValue, idValue) in due)
        {
            var (account, id) = (new AccountId(accountValue), new RecurringId(idValue));
            var drafts = new List<(InvoiceId Id, string Number)>();
            IReadOnlyList<string> recipients = [];
            await IsolatedAsync(id, async () => (drafts, recipients) = await GenerateAsync(account, id, now, cancel).ConfigureAwait(false), cancel).ConfigureAwait(false);
            made += drafts.Count;
            if (drafts.Count == 0)
            {
                continue;
            }

            RecurringProblem? problem = null;
            foreach (var (draft, number) in mail is not null && recipients.Count > 0 ? drafts : [])
            {
                var mailed = false;
                string? failure = null;
                var ran = await IsolatedAsync(id, async () => (mailed, failure) = await MailAsync(account, draft, number, recipients, mail!, cancel).ConfigureAwait(false), cancel).ConfigureAwait(false);
                if (!ran)
                {
                    failure = $"Invoice {number} was made as a draft but not emailed: the service failed while mailing it (its log says how). It stays a draft: send it by hand from its page.";
                }
                else if (failure is not null && !mailed)
                {
                    mail!.Failed($"Recurring invoice {id.Value} made invoice {draft.Value} as a draft, not mailed: {failure}");
                    failure = $"Invoice {number} was made as a draft but not emailed: {failure.TrimEnd('.')}. It stays a draft: send it by hand from its page once that is fixed.";
                }
                else if (failure is not null)
                {
                    mail!.Failed(failure);
                }

                if (failure is not null)
                {
                    problem = new RecurringProblem(failure, now, draft.Value.ToString(CultureInfo.InvariantCulture));
                }
            }

            // The last problem of this run, or none when it went through: a problem stays shown until a later run succeeds.
            await IsolatedAsync(id, () => KeepProblemAsync(account, id, problem, cancel), cancel).ConfigureAwait(false);
        }

        return made;
    }

    /// <summary>Stores the outcome of the schedule's run on it (see <see cref="RecurringState.LastProblem"/>).</summary>
    private async Task KeepProblemAsync(AccountId account, RecurringId id, RecurringProblem? problem, CancellationToken cancel)
    {
        await using var write = await db.BeginAccountWriteAsync(account, cancel).ConfigureAwait(false);
        var state = write is null ? null : await RecurringStore.GetAsync(write, account, id).ConfigureAwait(false);
        if (write is null || state is null || state.LastProblem == problem)
        {
            return;
        }

        await RecurringStore.SaveAsync(write, state with { LastProblem = problem }).ConfigureAwait(false);
        await write.CommitAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>Runs one step of a schedule so that its failure is told and ends only that step (see the remarks); false when it failed.</summary>
    private async Task<bool> IsolatedAsync(RecurringId schedule, Func<Task> step, CancellationToken cancel)
    {
        try
        {
            await step().ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // One tenant's schedule must not stop every other's, nor the service: the failure is told, with its stack.
        catch (Exception e) when (failed is not null && !(e is OperationCanceledException && cancel.IsCancellationRequested))
#pragma warning restore CA1031
        {
            failed(schedule, e);
            return false;
        }
    }

    /// <summary>Makes the schedule's due drafts and advances it, in one transaction; returns the drafts and its auto-send list.</summary>
    private async Task<(List<(InvoiceId Id, string Number)> Drafts, IReadOnlyList<string> Recipients)> GenerateAsync(AccountId account, RecurringId id, DateTimeOffset now, CancellationToken cancel)
    {
        var drafts = new List<(InvoiceId, string)>();
        await using var write = await db.BeginAccountWriteAsync(account, cancel).ConfigureAwait(false);
        if (write is null)
        {
            return (drafts, []);
        }

        var state = await RecurringStore.GetAsync(write, account, id).ConfigureAwait(false);
        if (state is null)
        {
            return (drafts, []);
        }

        var profile = await Profiles.ReadAsync(write, account).ConfigureAwait(false);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone ?? Profiles.DefaultTimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
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
                state = state with { StoppedBecause = $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {WhyNotMade(created.Error)}" };
                break;
            }

            state = state with { Generated = state.Generated + 1, InvoiceIds = [.. state.InvoiceIds, created.Value!.Id] };
            drafts.Add((new InvoiceId(long.Parse(created.Value.Id, CultureInfo.InvariantCulture)), created.Value.Number));
        }

        await RecurringStore.SaveAsync(write, state).ConfigureAwait(false);
        await write.CommitAsync(cancel).ConfigureAwait(false);
        return (drafts, state.Recipients);
    }

    /// <summary>What is wrong, field by field: the invoice error's own message only points at fields no page shows here.</summary>
    private static string WhyNotMade(BillingError error) => error is InvalidInput invalid
        ? "the invoice could not be made (" + string.Join("; ", invalid.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))) + ")"
        : error.Message;

    /// <summary>
    /// Emails a new draft to the schedule's addresses with its PDF and link, as the send dialog does, and marks it sent
    /// once the mail server took it; otherwise it stays a draft to send by hand. Whether it was mailed, and what went
    /// wrong if anything did. The link is committed before the mail goes, so it works whatever happens after; the
    /// draft is marked sent after.
    /// </summary>
    private async Task<(bool Mailed, string? Problem)> MailAsync(AccountId account, InvoiceId draft, string number, IReadOnlyList<string> to, RecurringMail mail, CancellationToken cancel)
    {
        // Checked when saved; a schedule stored before that check may hold something no mail server takes.
        if (to.FirstOrDefault(a => !MimeKit.MailboxAddress.TryParse(a, out _)) is { } bad)
        {
            return (false, $"'{bad}' is not an email address; correct the schedule's auto-send list");
        }

        InvoiceState mailed;
        InvoiceResponse invoice;
        ProfileDocument profile;
        string owner, link;
        await using (var write = await db.BeginAccountWriteAsync(account, cancel).ConfigureAwait(false))
        {
            var stored = write is null ? null : await InvoiceStore.GetAsync(write, account, InvoiceKinds.Invoice, draft).ConfigureAwait(false);
            if (write is null || stored is null)
            {
                return (false, "the invoice is no longer there");
            }

            profile = await Profiles.ReadAsync(write, account).ConfigureAwait(false);
            if ((Profiles.MissingForSending(profile) ?? InvoiceRules.WhyNotSendable(stored.State, stored.State.Compute())) is { } why)
            {
                return (false, why);
            }

            mailed = stored.State;
            invoice = InvoiceViews.ToResponse(InvoiceDeliveryEndpoints.Sent(stored.State), stored.Paid, Profiles.Today(profile, clock));
            link = $"{mail.PublicOrigin()}/view/{await InvoiceLinks.CreateAsync(write, account, stored.State.Id, clock.GetUtcNow()).ConfigureAwait(false)}";
            owner = await write.QuerySingleAsync<string>("SELECT email FROM accounts WHERE id = @id", new { id = account.Value }).ConfigureAwait(false);
            await write.CommitAsync(cancel).ConfigureAwait(false);
        }

        // The PDF is made outside the write: every write would wait for it (on SQLite, every account's).
        MimeKit.MimeMessage message;
        await using (var read = await db.BeginSnapshotAsync(cancel).ConfigureAwait(false))
        {
            message = await InvoiceDeliveryEndpoints.ComposeAsync(read, account, InvoiceKinds.Invoice, invoice, profile, owner, mail.Mailer.Options.From,
                link, new InvoiceDeliveryEndpoints.Letter(to, null, null, AttachPdf: true, CopyTo: null), cancel).ConfigureAwait(false);
        }

        if (await mail.Mailer.SendAsync(message, cancel).ConfigureAwait(false) is { } failure)
        {
            return (false, failure);
        }

        if (await InvoiceDeliveryEndpoints.MarkMailedSentAsync(db, account, InvoiceKinds.Invoice, draft, mailed).ConfigureAwait(false) is (InvoiceDeliveryEndpoints.MailedDraft.Edited, _))
        {
            return (true, $"Invoice {number} was emailed, but edited while its mail was going out: it stays a draft; check it and send it again.");
        }

        return (true, null);
    }
}

/// <summary>How recurring drafts are mailed: the mailer, where customers reach the service, where failures are told.</summary>
public sealed record RecurringMail(Mailer Mailer, Func<string> PublicOrigin, Action<string> Failed);

/// <summary>Runs <see cref="RecurringInvoices"/> every minute.</summary>
public sealed class RecurringInvoiceGenerator(
    Database db, TimeProvider clock, ILogger<RecurringInvoiceGenerator> log, Mailer mailer, IConfiguration configuration, IServer server) : PeriodicWork(clock, log)
{
    private RecurringInvoices? _generator;

    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override string What => "Recurring invoices";

    protected override async Task<string?> RunOnceAsync(CancellationToken cancel)
    {
        // Links in mail sent without a browser request: --public-url, else this process's own address.
        string PublicOrigin() => InvoiceDeliveryEndpoints.ConfiguredOrigin(configuration) ?? OwnAddress.Of(server).ToString().TrimEnd('/');
        _generator ??= new RecurringInvoices(db, Clock, new RecurringMail(mailer, PublicOrigin, problem => Log.LogWarning("{Problem}", problem)), Failed);
        var made = await _generator.GenerateDueAsync(cancel).ConfigureAwait(false);
        return made > 0 ? $"generated {made} drafts" : null;
    }

    private void Failed(RecurringId schedule, Exception e)
    {
        if (e is System.Data.Common.DbException)
        {
            Log.LogWarning(e, "Recurring invoice {Schedule}: the database failed; drafts not made are tried again next minute", schedule.Value);
        }
        else
        {
            Log.LogError(e, "Recurring invoice {Schedule}: a bug; drafts not made are tried again next minute, a draft not mailed stays a draft", schedule.Value);
        }
    }
}
