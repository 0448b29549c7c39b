using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;

namespace BillingBooks.Browser.Tests;

/// <summary>
/// The editor's live totals (assets/invoice-calculation.js, run in Chromium) equal what the server saves
/// (InvoiceCalculation through POST /api/v1/invoices), on the tax corpus and on generated invoices.
/// </summary>
public class CalculationParityTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Case(string Customer, InvoiceRequest Request);

    [Fact]
    public async Task Browser_totals_equal_the_servers_on_the_tax_corpus_and_generated_invoices()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "parity@example.com");
        using var __ = api;
        var customers = new Dictionary<string, (string Id, string Currency, string[] Taxes)>();
        async Task AddCustomer(string name, string currency, params TaxDefinition[] taxes)
        {
            using var created = await api.PostAsJsonAsync("api/v1/customers", new CustomerRequest(name, null, null, null, null, null, currency, [], taxes), Web);
            var body = await created.Content.ReadFromJsonAsync<CustomerResponse>(Web);
            customers[name] = (body!.Id, currency, taxes.Select(t => t.Name!).ToArray());
        }

        await AddCustomer("Ontario", "CAD", new TaxDefinition("HST", "13", true, null));
        await AddCustomer("Quebec", "CAD", new TaxDefinition("GST", "5", true, null), new TaxDefinition("QST", "9.975", true, null));
        await AddCustomer("Old Quebec", "CAD", new TaxDefinition("GST", "5", true, null), new TaxDefinition("QST", "9.5", true, "GST"));
        await AddCustomer("BC", "CAD", new TaxDefinition("GST", "5", true, null), new TaxDefinition("PST", "7", true, null));
        await AddCustomer("Tokyo", "JPY", new TaxDefinition("CT", "10", true, null));
        await AddCustomer("Manama", "BHD", new TaxDefinition("VAT", "10", true, null), new TaxDefinition("X", "2.5", true, "VAT"), new TaxDefinition("Y", "1.25", true, "X"));

        var cases = Corpus().Concat(Generated(customers, 300)).ToArray();
        var compared = new List<(InvoiceResponse Server, object Input)>();
        foreach (var c in cases)
        {
            var request = c.Request with { CustomerId = customers[c.Customer].Id };
            using var response = await api.PostAsJsonAsync("api/v1/invoices", request, Web);
            if (!response.IsSuccessStatusCode)
            {
                continue; // e.g. a generated discount above the subtotal: refused, nothing to compare
            }

            var server = (await response.Content.ReadFromJsonAsync<InvoiceResponse>(Web))!;
            var digits = server.Currency switch { "JPY" => 0, "BHD" => 3, _ => 2 };
            compared.Add((server, new
            {
                digits,
                lines = request.Lines!.Select(l => new { quantity = l.Quantity, unitPrice = l.UnitPrice, taxes = l.Taxes }).ToArray(),
                taxes = server.Taxes.Select(t => new { name = t.Name, rate = t.Rate, chargedOn = t.ChargedOn }).ToArray(),
                discount = request.Discount is null ? null : new { kind = request.Discount.Kind, value = request.Discount.Value },
            }));
        }

        Assert.True(compared.Count >= 250, $"only {compared.Count} of {cases.Length} invoices were accepted");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var ___ = playwright;
        await using var ____ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(billing.BaseAddress, "login").ToString());
        await page.AddScriptTagAsync(new Microsoft.Playwright.PageAddScriptTagOptions { Url = "/assets/invoice-calculation.js" });
        var results = await page.EvaluateAsync<JsonElement>("inputs => inputs.map(i => window.InvoiceCalculation.compute(i))", compared.Select(c => c.Input).ToArray());
        for (var i = 0; i < compared.Count; i++)
        {
            var (server, input) = compared[i];
            var js = results[i];
            var context = JsonSerializer.Serialize(input, Web);
            Assert.False(js.TryGetProperty("error", out var error), $"JS refused {context}: {error}");
            Assert.Equal(server.Subtotal, js.GetProperty("subtotal").GetString());
            Assert.Equal(server.Discount, js.GetProperty("discount").GetString());
            Assert.Equal(server.Taxes.Select(t => t.Amount), js.GetProperty("taxes").EnumerateArray().Select(t => t.GetProperty("amount").GetString()!));
            Assert.Equal(server.Lines.Select(l => l.DiscountedAmount), js.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("discountedAmount").GetString()!));
            Assert.True(server.Total == js.GetProperty("total").GetString(), $"total {server.Total} on the server, {js.GetProperty("total")} in the browser for {context}");
        }
    }

    private static InvoiceLineRequest L(string quantity, string price, params string[] taxes) => new(null, null, quantity, price, taxes);

    private static Case C(string customer, DiscountRequest? discount, params InvoiceLineRequest[] lines) =>
        new(customer, new InvoiceRequest(null, null, null, null, null, null, null, discount, null, null, lines));

    /// <summary>The hand-checked cases of tests/Billing.Tests/Invoices/InvoiceCalculationTests.cs.</summary>
    private static IEnumerable<Case> Corpus() =>
    [
        C("Ontario", null, L("3", "33.33", "HST")),
        C("BC", null, L("1", "0.10", "GST"), L("1", "0.10", "GST"), L("1", "0.10", "GST")),
        C("BC", null, L("1", "100", "GST", "PST"), L("1", "50", "GST"), L("1", "20")),
        C("Quebec", null, L("1", "123.45", "GST", "QST")),
        C("Old Quebec", null, L("1", "100", "GST", "QST")),
        C("Old Quebec", null, L("1", "100", "GST", "QST"), L("1", "10", "QST"), L("1", "40", "GST")),
        C("Ontario", new DiscountRequest("percent", "15"), L("1", "19.99", "HST"), L("2", "5.55", "HST")),
        C("Ontario", new DiscountRequest("amount", "10.00"), L("1", "10", "HST"), L("1", "10", "HST"), L("1", "10")),
        C("Tokyo", new DiscountRequest("amount", "100"), L("3", "333", "CT"), L("1", "1", "CT")),
        C("Manama", new DiscountRequest("percent", "12.5"), L("1.5", "10.125", "VAT", "X", "Y"), L("2", "0.333", "X", "Y")),
    ];

    private static IEnumerable<Case> Generated(Dictionary<string, (string Id, string Currency, string[] Taxes)> customers, int count)
    {
        var random = new Random(20261125);
        string[] quantities = ["1", "2", "0.5", "3.25", "10", "0", "1.3333", "7", "0.01"];
        var names = customers.Keys.ToArray();
        for (var n = 0; n < count; n++)
        {
            var name = names[random.Next(names.Length)];
            var (_, currency, taxes) = customers[name];
            var digits = currency switch { "JPY" => 0, "BHD" => 3, _ => 2 };
            var scale = (decimal)Math.Pow(10, digits);
            var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
            {
                var price = random.Next(0, 200_000) / scale;
                return L(quantities[random.Next(quantities.Length)], price.ToString("F" + digits, CultureInfo.InvariantCulture),
                    taxes.Where(_ => random.Next(3) > 0).ToArray());
            }).ToArray();
            var roughSubtotal = lines.Sum(l => decimal.Parse(l.Quantity!, CultureInfo.InvariantCulture) * decimal.Parse(l.UnitPrice!, CultureInfo.InvariantCulture));
            DiscountRequest? discount = random.Next(3) switch
            {
                0 => null,
                1 => new DiscountRequest("percent", (random.Next(1, 5000) / 100m).ToString(CultureInfo.InvariantCulture)),
                _ => new DiscountRequest("amount", (decimal.Floor(roughSubtotal * random.Next(0, 60) / 100m * scale) / scale).ToString("F" + digits, CultureInfo.InvariantCulture)),
            };
            yield return C(name, discount, lines);
        }
    }
}
