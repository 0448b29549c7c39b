using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync;
using BillingBooks.Books.Sync.Client;
using BillingBooks.Books.Sync.Storage;

namespace BillingBooks.Sync.Bench;

/// <summary>
/// 100 changes (50 new invoices + 50 payments) synced into a company that already imported an account of
/// ~1,000 and of ~10,000 records (or the sizes given); the sync is timed in-process (login, feed, posting,
/// reconciliation), 5 rounds: the best and the median wall time, and the CPU time it took in this process
/// (Books) and in the Billing process (best and median each on its own; /proc counts in 10 ms ticks).
/// </summary>
internal static class Incremental
{
    private const string Password = "correct horse battery";

    /// <param name="records">Account sizes (invoices + payments), e.g. 1000 and 10000.</param>
    public static async Task RunAsync(string work, IReadOnlyList<int> records)
    {
        foreach (var size in records)
        {
            var rounds = await MeasureAsync(Path.Combine(work, size.ToString(CultureInfo.InvariantCulture)), size / 2);
            string Ms(Func<Timing, TimeSpan> of)
            {
                var sorted = rounds.Select(of).Order().ToArray();
                return string.Create(CultureInfo.InvariantCulture, $"{sorted[0].TotalMilliseconds:F0}/{sorted[sorted.Length / 2].TotalMilliseconds:F0}");
            }
            Console.WriteLine($"account of {size.ToString("N0", CultureInfo.InvariantCulture)} records: 100 changes synced in {Ms(t => t.Wall)} ms wall, CPU {Ms(t => t.BooksCpu)} ms Books + {Ms(t => t.BillingCpu)} ms Billing (best/median of {rounds.Count})");
        }
    }

    private sealed record Timing(TimeSpan Wall, TimeSpan BooksCpu, TimeSpan BillingCpu);

    private static async Task<IReadOnlyList<Timing>> MeasureAsync(string folder, int invoices)
    {
        Directory.CreateDirectory(folder);
        var database = new BillingDatabase.Sqlite(Path.Combine(folder, "billing.db"));
        var email = $"inc{invoices}@example.test";
        var (exit, output) = await BillingProcess.SeedAsync(database, "--email", email, "--password", Password, "--customers", "100",
            "--invoices", invoices.ToString(CultureInfo.InvariantCulture), "--payments", invoices.ToString(CultureInfo.InvariantCulture));
        if (exit != 0) throw new InvalidOperationException(output);
        await using var billing = await BillingProcess.StartAsync(database);
        var file = Path.Combine(folder, "inc.books");
        BenchCompany.Create(file);
        using var company = CompanyFile.Open(file).Value;
        var settings = company.Read(r => new SyncStore(r.Connection, r.Transaction).Settings()) with
        {
            Server = billing.BaseAddress.ToString(), Email = email, TrackSales = 4020, TrackPayments = 1060,
        };
        await SyncOnceAsync(company, billing, email, settings);
        var (client, _) = await BillingApi.SignInAsync(billing.BaseAddress, email, Password);
        using (client)
        {
            var customer = (await client.GetFromJsonAsync<CustomerList>("api/v1/customers?limit=1"))!.Items[0];
            var rounds = new List<Timing>();
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i < 50; i++)
                {
                    var draft = await Send<InvoiceResponse>(client, HttpMethod.Post, "api/v1/invoices", new InvoiceRequest(customer.Id, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), null, null, null, null, null, null, null,
                        [new InvoiceLineRequest(null, "Work", "1", "100.00", [])]));
                    var sent = await Send<InvoiceResponse>(client, HttpMethod.Post, $"api/v1/invoices/{draft.Id}/mark-sent", null);
                    await Send<PaymentDocument>(client, HttpMethod.Post, "api/v1/payments", new PaymentRequest(sent.CustomerId, sent.Date, "10.00", sent.Currency, PaymentMethods.Cash, null, null, null,
                        [new PaymentApplicationDocument(sent.Id, "10.00")]));
                }
                var timing = await SyncOnceAsync(company, billing, email, settings);
                rounds.Add(timing);
            }
            return rounds;
        }
    }

    private static async Task<Timing> SyncOnceAsync(CompanyFile company, BillingProcess billing, string email, SyncSettings settings)
    {
        using var client = SyncClient.Create(new BillingCredentials(billing.BaseAddress, email, Password, null), new SyncClientOptions());
        using var books = Process.GetCurrentProcess();
        using var server = Process.GetProcessById(billing.ProcessId);
        var (booksCpu, billingCpu) = (books.TotalProcessorTime, server.TotalProcessorTime);
        var clock = Stopwatch.StartNew();
        var report = await new SyncRun(company, client, settings, TimeProvider.System) { PageSize = 2000 }.RunAsync(CancellationToken.None);
        clock.Stop();
        books.Refresh();
        server.Refresh();
        if (!report.Succeeded) throw new InvalidOperationException(report.Error.Message);
        if (!report.Value.Reconciliation.Compared) throw new InvalidOperationException("not reconciled: " + report.Value.Reconciliation.Note);
        return new Timing(clock.Elapsed, books.TotalProcessorTime - booksCpu, server.TotalProcessorTime - billingCpu);
    }

    private static async Task<T> Send<T>(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
