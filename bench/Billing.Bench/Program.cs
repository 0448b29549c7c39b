using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using BillingBooks.Billing.Bench;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;

// Timed console benchmarks of Billing over loopback (results and commands in docs/benchmarks.md "## Billing").
//   invoices [--postgres CS] [--seconds N] [--concurrency N] [--warmup N]  invoice-create requests/s and latency percentiles
//   health [--seconds N] [--concurrency N] [--warmup N]                   GET /health the same way: the HTTP floor of this machine
//   feed --sqlite PATH --email E --password P                 reads a (seeded) dataset's whole change feed
var mode = args.FirstOrDefault() ?? "";
var options = Arguments.Parse(args.Skip(1).ToArray());
switch (mode)
{
    case "invoices":
        await InvoiceCreate.RunAsync(options, health: false).ConfigureAwait(false);
        return 0;
    case "health":
        await InvoiceCreate.RunAsync(options, health: true).ConfigureAwait(false);
        return 0;
    case "feed":
        await FeedRead.RunAsync(options).ConfigureAwait(false);
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/Billing.Bench -- invoices [--postgres CS] [--seconds 10] [--concurrency 32]");
        await Console.Error.WriteLineAsync("       dotnet run -c Release --project bench/Billing.Bench -- feed --sqlite PATH --email E --password P");
        return 1;
}

namespace BillingBooks.Billing.Bench
{
    internal static class Arguments
    {
        public static Dictionary<string, string> Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                values[args[i].TrimStart('-')] = args[i + 1];
            }

            return values;
        }

        public static int Int(this Dictionary<string, string> values, string key, int fallback) =>
            values.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
    }

    internal static class InvoiceCreate
    {
        private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);
        private static readonly System.Net.Http.Headers.MediaTypeHeaderValue Json = new("application/json");

        public static async Task RunAsync(Dictionary<string, string> options, bool health)
        {
            var seconds = options.Int("seconds", 10);
            var concurrency = options.Int("concurrency", 32);
            var warmup = options.Int("warmup", 10);
            var database = options.TryGetValue("postgres", out var cs) ? new BillingDatabase.Postgres(cs) : null;
            await using var billing = await BillingProcess.StartAsync(database).ConfigureAwait(false);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 };

            // One account per worker: writes to one account are serialized by design (its row lock orders the feed).
            var workers = new List<(HttpClient Client, string CustomerId)>();
            for (var w = 0; w < concurrency; w++)
            {
                var (client, _) = await BillingApi.SignUpAsync(billing.BaseAddress, $"bench{w}-{Guid.NewGuid():N}@example.com").ConfigureAwait(false);
                using var profile = await client.PutAsJsonAsync(new Uri("api/v1/profile", UriKind.Relative), new ProfileDocument(
                    "Bench", null, new Address("1 Main", null, "Montréal", "QC", "H2X 1Y4", "CA"), null, null, null, null, "CAD", null, null,
                    [new TaxDefinition("GST", "5", true, null), new TaxDefinition("QST", "9.975", true, null)])).ConfigureAwait(false);
                using var customer = await client.PostAsJsonAsync(new Uri("api/v1/customers", UriKind.Relative), new CustomerRequest(
                    "Bench customer", null, null, null, null, null, null, null, null)).ConfigureAwait(false);
                workers.Add((client, (await customer.Content.ReadFromJsonAsync<CustomerResponse>().ConfigureAwait(false))!.Id));
            }

            var invoice = (string customerId) => new InvoiceRequest(customerId, null, null, null, "PO-1", null, null, new DiscountRequest("percent", "5"), null, null,
                [new InvoiceLineRequest("hour", "Consulting", "3", "125.00", null), new InvoiceLineRequest("each", "Materials", "1", "42.50", ["GST"])]);

            // Warm up (10 s by default: on PostgreSQL the runtime was still compiling hot methods at tier 1 after 12 s,
            // 18% of the service's CPU), then measure. The server's CPU time per request is the capacity figure (cores /
            // CPU per request); the client's own CPU is shown too, since it shares the machine's cores with the server.
            await RunForAsync(workers, invoice, health, TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
            using var server = Process.GetProcessById(billing.ProcessId);
            using var self = Process.GetCurrentProcess();
            var cpuBefore = server.TotalProcessorTime;
            var clientBefore = self.TotalProcessorTime;
            var (count, errors, latencies, elapsed) = await RunForAsync(workers, invoice, health, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
            server.Refresh();
            self.Refresh();
            var cpuPerRequest = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
            var clientPerRequest = (self.TotalProcessorTime - clientBefore).TotalMilliseconds / count;
            latencies.Sort();
            double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, q * latencies.Count)];
            var what = health ? "GET /health" : "invoice create";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what} on {(database is null ? "SQLite" : "PostgreSQL")}: {count / elapsed.TotalSeconds:F0} req/s, {errors} errors, concurrency {concurrency}, p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F2} ms ({count} requests in {elapsed.TotalSeconds:F1} s); server CPU {cpuPerRequest * 1000:F0} us per request (= {1000 / cpuPerRequest:F0} req/s per core), bench client CPU {clientPerRequest * 1000:F0} us per request"));
            foreach (var (client, _) in workers)
            {
                client.Dispose();
            }
        }

        private static async Task<(int Count, int Errors, List<double> Latencies, TimeSpan Elapsed)> RunForAsync(
            List<(HttpClient Client, string CustomerId)> workers, Func<string, InvoiceRequest> invoice, bool health, TimeSpan duration)
        {
            var latencies = new List<double>[workers.Count];
            var errors = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(workers.Select((w, i) => Task.Run(async () =>
            {
                var mine = latencies[i] = new List<double>(100_000);
                // Serialized once: the bench measures the server, not the client's serializer (and a known length
                // spares the server chunked decoding, as a real client sending a buffered body does).
                var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(invoice(w.CustomerId), Web);
                var invoices = new Uri("api/v1/invoices", UriKind.Relative);
                var healthPath = new Uri("health", UriKind.Relative);
                while (clock.Elapsed < duration)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = Json;
                    using var response = health
                        ? await w.Client.GetAsync(healthPath).ConfigureAwait(false)
                        : await w.Client.PostAsync(invoices, content).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }))).ConfigureAwait(false);
            var all = latencies.SelectMany(l => l).ToList();
            return (all.Count, errors, all, clock.Elapsed);
        }
    }

    internal static class FeedRead
    {
        public static async Task RunAsync(Dictionary<string, string> options)
        {
            var database = options.TryGetValue("postgres", out var cs)
                ? (BillingDatabase)new BillingDatabase.Postgres(cs)
                : new BillingDatabase.Sqlite(options["sqlite"]);
            await using var billing = await BillingProcess.StartAsync(database).ConfigureAwait(false);
            var (client, token) = await BillingApi.SignInAsync(billing.BaseAddress, options["email"], options["password"]).ConfigureAwait(false);
            using (client)
            {
                using var self = Process.GetCurrentProcess();
                using var server = Process.GetProcessById(billing.ProcessId);
                // Round 0 warms up (JIT and tiering of both sides, the file cache; not shown). Round 1 deserializes every page
                // into the Billing.Contracts records as Books.Sync's client does (web defaults), asking for the next page
                // after; round 2 does the same but asks for the next page (its cursor read from the end of the raw
                // page) before deserializing this one, so the service and the client work at the same time; round 3 only
                // finds the items and the cursor (the server's own pace).
                string[] rounds = ["warm-up", "deserializes pages", "deserializes pages, next page fetched meanwhile", "only finds the cursor"];
                var changes = (string after) => client.GetByteArrayAsync(new Uri($"api/v1/datasets/{token.AccountId}/changes?after={after}&limit=1000", UriKind.Relative));
                for (var round = 0; round < rounds.Length; round++)
                {
                    var clock = Stopwatch.StartNew();
                    var clientBefore = self.TotalProcessorTime;
                    server.Refresh();
                    var serverBefore = server.TotalProcessorTime;
                    long documents = 0;
                    long bytes = 0;
                    var raw = await changes("0").ConfigureAwait(false);
                    while (true)
                    {
                        bytes += raw.Length;
                        var (next, hasMore) = Tail(raw);
                        var fetching = round == 2 && hasMore ? changes(next) : null;
                        if (round < 3)
                        {
                            var page = System.Text.Json.JsonSerializer.Deserialize<ChangePage>(raw, Web)!;
                            documents += page.Items.Count;
                            (next, hasMore) = (page.Next, page.HasMore);
                        }
                        else
                        {
                            documents += Count(raw, "{\"cursor\":"u8);
                        }

                        if (!hasMore)
                        {
                            break;
                        }

                        raw = await (fetching ?? changes(next)).ConfigureAwait(false);
                    }

                    self.Refresh();
                    server.Refresh();
                    var clientUs = (self.TotalProcessorTime - clientBefore).TotalMilliseconds * 1000 / documents;
                    var serverUs = (server.TotalProcessorTime - serverBefore).TotalMilliseconds * 1000 / documents;
                    if (round == 0)
                    {
                        continue;
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"feed read (round {round}, client {rounds[round]}): {documents} documents, {bytes / 1e6:F0} MB in {clock.Elapsed.TotalSeconds:F1} s = {documents / clock.Elapsed.TotalSeconds:F0} documents/s; CPU per document: client {clientUs:F2} us, server {serverUs:F2} us"));
                }
            }
        }

        private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

        /// <summary>The page's next cursor and has-more flag, read from its last bytes without parsing the page.</summary>
        private static (string Next, bool HasMore) Tail(byte[] raw)
        {
            var tail = System.Text.Encoding.UTF8.GetString(raw.AsSpan(Math.Max(0, raw.Length - 80)));
            var next = tail[(tail.LastIndexOf("\"next\":\"", StringComparison.Ordinal) + 8)..];
            return (next[..next.IndexOf('"', StringComparison.Ordinal)], tail.EndsWith("true}", StringComparison.Ordinal));
        }

        private static int Count(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
        {
            var count = 0;
            for (var i = text.IndexOf(value); i >= 0; i = text.IndexOf(value) is var j and >= 0 ? j : -1)
            {
                count++;
                text = text[(i + value.Length)..];
            }

            return count;
        }
    }
}
