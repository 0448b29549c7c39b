using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using CsCheck;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// Random Billing histories (invoices, payments, edits, voids, deleted payments), synchronized at random points,
/// give the same books as one sync at the end; both pass the checks and reconcile with Billing.
/// BOOKS_SYNC_PROPERTY_ITER sets the number of histories (default 4: each drives real HTTP).
/// </summary>
public class SyncPropertyTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly Start = new(2026, 4, 1);

    /// <param name="Kind">0 new invoice, 1 pay, 2 edit, 3 void, 4 delete a payment, 5 sync.</param>
    public sealed record Step(int Kind, int Pick, int Cents);

    private static readonly Gen<Step[]> Histories =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 50], Gen.Int[100, 50_000], (kind, pick, cents) => new Step(kind, pick, cents)).Array[3, 14];

    [Fact]
    public async Task Syncing_at_random_points_gives_the_same_books_as_one_sync_at_the_end()
    {
        var iterations = long.TryParse(Environment.GetEnvironmentVariable("BOOKS_SYNC_PROPERTY_ITER"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 4;
        await Histories.SampleAsync(ReplayAsync, iter: iterations, threads: 1);
    }

    private async Task ReplayAsync(Step[] steps)
    {
        using var billing = await SignUpAsync(fixture.Server);
        var customers = new[] { await billing.AddCustomerAsync("Alpha"), await billing.AddCustomerAsync("Beta") };
        var invoices = new List<InvoiceResponse>();
        var payments = new List<PaymentDocument>();
        using var often = new BooksCompany();
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case 0:
                    invoices.Add(await billing.InvoiceAsync(customers[step.Pick % 2].Id, Start.AddDays(step.Pick),
                        Line("Work", "1", Amount(step.Cents), "GST", "PST"), Line("Fee", "1", "3.00")));
                    break;
                case 1 when invoices.Count > 0:
                    var owing = await Current(billing, invoices[step.Pick % invoices.Count]);
                    if (owing.Status != InvoiceStatuses.Void && owing.Owing != "0.00")
                        payments.Add(await billing.PayAsync(owing, step.Cents % 2 == 0 ? owing.Owing : "1.00", owing.Date.AddDays(1), step.Cents % 3 == 0 ? PaymentMethods.Cheque : PaymentMethods.Cash));
                    break;
                case 2 when invoices.Count > 0:
                    var edited = await Current(billing, invoices[step.Pick % invoices.Count]);
                    // Billing refuses an edit below what is already paid; stay above it.
                    var paid = (int)(decimal.Parse(edited.Paid, CultureInfo.InvariantCulture) * 100);
                    if (edited.Status != InvoiceStatuses.Void)
                        await billing.EditInvoiceAsync(edited, Line("Work", "2", Amount(Math.Max(step.Cents, paid)), "GST", "PST"), Line("Fee", "1", "3.00"));
                    break;
                case 3 when invoices.Count > 0:
                    var voided = await Current(billing, invoices[step.Pick % invoices.Count]);
                    if (voided.Status != InvoiceStatuses.Void && voided.Paid == "0.00") await billing.VoidInvoiceAsync(voided.Id);
                    break;
                case 4 when payments.Count > 0:
                    var payment = payments[step.Pick % payments.Count];
                    payments.Remove(payment);
                    await billing.DeletePaymentAsync(payment.Id);
                    break;
                case 5:
                    var midway = often.Sync(fixture.Server, billing);
                    Assert.True(midway.ExitCode == 0, midway.ToString());
                    break;
            }
        }

        var last = often.Sync(fixture.Server, billing);
        Assert.True(last.ExitCode == 0 && last.Report.Reconciliation.Clean, last.ToString());
        using var once = new BooksCompany();
        var single = once.Sync(fixture.Server, billing);
        Assert.True(single.ExitCode == 0 && single.Report.Reconciliation.Clean, single.ToString());
        Assert.Empty(often.Read(BooksInvariants.Problems));
        Assert.Empty(once.Read(BooksInvariants.Problems));
        Assert.Equal(once.Read(Fingerprint.Of), often.Read(Fingerprint.Of));
    }

    private static Task<InvoiceResponse> Current(BillingAccount billing, InvoiceResponse invoice) =>
        billing.SendAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}", null);

    private static string Amount(int cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
