using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Web;

/// <summary>One test per bad-input rule: each answers problem+json naming the field.</summary>
public abstract class ValidationTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    private async Task<(Api Api, string CustomerId)> ReadyAsync(BillingBooks.Billing.Testing.BillingProcess billing)
    {
        var api = await Api.ReadyAsync(billing);
        return (api, (await api.CustomerAsync()).Id);
    }

    private static string InvoiceJson(string customerId, string line) =>
        $$"""{"customerId":"{{customerId}}","lines":[{{line}}]}""";

    [Fact]
    public async Task An_unknown_field_is_refused_with_its_name()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var problem = await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "api/v1/invoices",
                InvoiceJson(customer, """{"quantity":"1","unitPrice":"1.00","colour":"red"}"""));
            Assert.Contains("lines[0].colour", problem.Errors!.Keys);
        }
    }

    [Fact]
    public async Task A_wrong_type_names_the_field()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var problem = await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "api/v1/invoices",
                InvoiceJson(customer, """{"quantity":1,"unitPrice":"1.00"}"""));
            Assert.Contains("lines[0].quantity", problem.Errors!.Keys);
        }
    }

    [Fact]
    public async Task Broken_json_is_400_and_a_wrong_content_type_415()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, _) = await ReadyAsync(billing);
        using (api)
        {
            await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "api/v1/customers", """{"name":""");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/customers", UriKind.Relative)) { Content = new StringContent("name=x") };
            using var response = await api.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Query_values_that_do_not_bind_and_unknown_statuses_are_problems_that_say_what_to_send()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, _) = await ReadyAsync(billing);
        using (api)
        {
            var date = await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v1/invoices?from=2026-99-01");
            Assert.Contains("dates are YYYY-MM-DD", date.Detail, StringComparison.Ordinal);
            await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v1/reports/invoices?pastDue=soon");
            var path = await api.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, "api/v1/invoicez");
            Assert.Equal(("https://billingbooks.example/problems/http-404", "Not Found"), (path.Type, path.Title));

            var status = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "api/v1/invoices?status=bogus");
            Assert.Contains("use one of draft, sent, changed, partly_paid, paid, void", Assert.Single(status.Errors!["status"]), StringComparison.Ordinal);
            await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "api/v1/reports/invoices?status=quote_sent");
            await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "api/v1/quotes?status=paid");
            Assert.Empty((await api.OkAsync<InvoiceList>(HttpMethod.Get, "api/v1/quotes?status=quote_sent")).Items);
            Assert.Empty((await api.OkAsync<InvoiceList>(HttpMethod.Get, "api/v1/invoices?status=Paid")).Items); // any case
        }
    }

    [Fact]
    public async Task More_decimals_than_the_currency_has_is_a_field_error()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var cad = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer, Api.Line("1", "1.005")));
            Assert.Contains("lines[0].unitPrice", cad.Errors!.Keys);
            var yen = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer, Api.Line("1", "1.5")) with { Currency = "JPY" });
            Assert.Contains("JPY", yen.Errors!["lines[0].unitPrice"][0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_currency_is_a_field_error()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer) with { Currency = "XYZ" });
            Assert.Contains("currency", problem.Errors!.Keys);
        }
    }

    [Fact]
    public async Task A_due_date_before_the_date_is_refused()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices",
                Api.Invoice(customer) with { Date = new DateOnly(2026, 3, 2), DueDate = new DateOnly(2026, 3, 1) });
            Assert.Contains("dueDate", problem.Errors!.Keys);
        }
    }

    [Fact]
    public async Task A_negative_quantity_is_refused()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer, Api.Line("-1", "1.00")));
            Assert.Contains("lines[0].quantity", problem.Errors!.Keys);
        }
    }

    [Fact]
    public async Task A_line_or_a_total_of_a_million_is_refused()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var line = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer, Api.Line("2", "500000.00")));
            Assert.Contains("lines[0]", line.Errors!.Keys);
            var total = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices",
                Api.Invoice(customer, Api.Line("1", "600000.00"), Api.Line("1", "400000.00")));
            Assert.Contains("lines", total.Errors!.Keys);
        }
    }

    [Fact]
    public async Task Amounts_beyond_any_invoice_are_field_errors_not_a_500()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        const string huge = "79228162514264337593543950335";
        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var line = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer, Api.Line(huge, "2.00")));
            Assert.Equal(["lines[0]"], line.Errors!.Keys.ToArray());
            var discount = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices",
                Api.Invoice(customer, Api.Line("1", "10.00")) with { Discount = new DiscountRequest("amount", huge) });
            Assert.Equal(["discount.value"], discount.Errors!.Keys.ToArray());
            Assert.Contains("more than the subtotal 10.00", Assert.Single(discount.Errors["discount.value"]), StringComparison.Ordinal);
            var invoice = await api.SentAsync(Api.Invoice(customer));
            var payment = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
                customer, null, huge, null, PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument(invoice.Id, huge)]));
            Assert.Equal(["applications[0].amount"], payment.Errors!.Keys.ToArray());
        }
    }

    [Fact]
    public async Task A_nul_character_in_any_text_is_refused_naming_where_it_is_not_a_500()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            // PostgreSQL stores no U+0000 in text: each of these was a 500 there.
            foreach (var (path, body, field) in new[]
            {
                ("api/v1/customers", """{"name":"Nul\u0000Inc"}""", "name"),
                ("api/v1/invoices", $$"""{"customerId":"{{customer}}","number":"A\u00001","lines":[{"quantity":"1","unitPrice":"1.00"}]}""", "number"),
                ("api/v1/signup", """{"email":"a\u0000b@example.com","password":"correct horse battery"}""", "email"),
                ("api/v1/tokens", """{"email":"a\u0000b@example.com","password":"correct horse battery"}""", "email"),
            })
            {
                var problem = await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, path, body);
                Assert.Equal([field], problem.Errors!.Keys.ToArray());
                Assert.Contains("U+0000", problem.Detail, StringComparison.Ordinal);
            }

            foreach (var (query, parameter) in new[] { ("api/v1/customers?search=a%00b", "search"), ("api/v1/invoices?number=%00", "number") })
            {
                var problem = await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Get, query);
                Assert.Equal([parameter], problem.Errors!.Keys.ToArray());
                Assert.Contains("U+0000", problem.Detail, StringComparison.Ordinal);
            }

            Assert.Equal(0, (await api.OkAsync<CustomerList>(HttpMethod.Get, "api/v1/customers?search=Nul")).Total);
        }
    }

    [Fact]
    public async Task A_discount_above_the_subtotal_or_of_an_unknown_kind_is_refused()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var above = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices",
                Api.Invoice(customer, Api.Line("1", "10.00")) with { Discount = new DiscountRequest("amount", "10.01") });
            Assert.Contains("discount.value", above.Errors!.Keys);
            var kind = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices",
                Api.Invoice(customer) with { Discount = new DiscountRequest("free", "1") });
            Assert.Contains("discount.kind", kind.Errors!.Keys);
        }
    }

    [Fact]
    public async Task Every_field_error_comes_at_once()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", new InvoiceRequest(
                customer, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), null, null, null, null, null, null,
                [new InvoiceLineRequest(null, null, "x", "1.001", ["NOPE"]), new InvoiceLineRequest(null, null, "-2", "abc", null)]));
            Assert.Equal(
                ["dueDate", "lines[0].quantity", "lines[0].taxes", "lines[0].unitPrice", "lines[1].quantity", "lines[1].unitPrice"],
                problem.Errors!.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, customer) = await ReadyAsync(billing);
        using (api)
        {
            var huge = new string('x', 300 * 1024);
            await api.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer) with { Description = huge });
        }
    }

    [Fact]
    public async Task A_missing_customer_is_a_field_error()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var (api, _) = await ReadyAsync(billing);
        using (api)
        {
            var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/invoices", Api.Invoice("999999"));
            Assert.Contains("customerId", problem.Errors!.Keys);
        }
    }
}

public sealed class SqliteValidationTests(SqliteBilling fixture) : ValidationTests<SqliteBilling>(fixture);

public sealed class PostgresValidationTests(PostgresBilling fixture) : ValidationTests<PostgresBilling>(fixture);
