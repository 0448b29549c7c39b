using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Payments;

public abstract class PaymentTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task Partial_then_full_payment_moves_the_invoice_to_partly_paid_then_paid()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var invoice = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00")));
        await api.PayAsync(customer.Id, "40.00", (invoice.Id, "40.00"));
        var partly = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}");
        Assert.Equal((InvoiceStatuses.PartlyPaid, "40.00", "60.00"), (partly.Status, partly.Paid, partly.Owing));
        await api.PayAsync(customer.Id, "60.00", (invoice.Id, "60.00"));
        var paid = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}");
        Assert.Equal((InvoiceStatuses.Paid, "0.00"), (paid.Status, paid.Owing));
    }

    [Fact]
    public async Task Paying_a_quote_is_refused_saying_quotes_take_no_payments_and_to_convert_it_first()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var quote = await api.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id));
        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/quotes/{quote.Id}/mark-sent");
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "10.00", null, PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument(quote.Id, "10.00")]));
        var message = Assert.Single(Assert.Single(problem.Errors!, e => e.Key == "applications[0].invoiceId").Value);
        Assert.Equal($"'{quote.Id}' is quote {quote.Number}, not an invoice; a quote takes no payments: convert it to an invoice first (POST /api/v1/quotes/{quote.Id}/convert), then apply the payment to that invoice", message);
        Assert.Empty((await api.OkAsync<PaymentList>(HttpMethod.Get, "api/v1/payments")).Items);
    }

    [Fact]
    public async Task One_payment_applies_to_several_invoices_of_the_customer()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var a = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "10.00")));
        var b = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "20.00")));
        var payment = await api.OkAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "25.00", null, PaymentMethods.CreditCard, CardBrands.AmericanExpress, null, "Stripe 123",
            [new PaymentApplicationDocument(a.Id, "10.00"), new PaymentApplicationDocument(b.Id, "15.00")]));
        Assert.Equal(CardBrands.AmericanExpress, payment.CardBrand);
        var report = await api.OkAsync<PaymentReport>(HttpMethod.Get, "api/v1/reports/payments");
        Assert.Equal(2, Assert.Single(report.Rows).Applications.Count);
        var invoices = await api.OkAsync<InvoiceReport>(HttpMethod.Get, "api/v1/reports/invoices");
        Assert.Equal(["paid", "partly_paid"], invoices.Rows.OrderBy(r => r.Number, StringComparer.Ordinal).Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task More_than_is_owing_is_refused_and_nothing_is_written()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var a = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "10.00")));
        var b = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "10.00")));
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "15.01", null, PaymentMethods.Cash, null, null, null,
            [new PaymentApplicationDocument(a.Id, "5.00"), new PaymentApplicationDocument(b.Id, "10.01")]));
        Assert.Contains("applications[1].amount", problem.Errors!.Keys);
        var untouched = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{a.Id}");
        Assert.Equal("0.00", untouched.Paid);
        Assert.Empty((await api.OkAsync<PaymentList>(HttpMethod.Get, "api/v1/payments")).Items);
    }

    [Fact]
    public async Task Drafts_void_invoices_and_other_customers_invoices_take_no_payment()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var other = await api.CustomerAsync(taxes: []);
        var draft = await api.DraftAsync(Api.Invoice(customer.Id));
        var voided = await api.SentAsync(Api.Invoice(customer.Id));
        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{voided.Id}/void");
        var others = await api.SentAsync(Api.Invoice(other.Id));
        var dollars = await api.SentAsync(Api.Invoice(customer.Id) with { Currency = "USD" });
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "4.00", "CAD", PaymentMethods.Cash, null, null, null,
            [
                new PaymentApplicationDocument(draft.Id, "1.00"), new PaymentApplicationDocument(voided.Id, "1.00"),
                new PaymentApplicationDocument(others.Id, "1.00"), new PaymentApplicationDocument(dollars.Id, "1.00"),
            ]));
        Assert.Equal(["applications[0].invoiceId", "applications[1].invoiceId", "applications[2].invoiceId", "applications[3].invoiceId"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Method_details_are_checked()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var invoice = await api.SentAsync(Api.Invoice(customer.Id));
        var cheque = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "1.00", null, PaymentMethods.Cheque, null, null, null, [new PaymentApplicationDocument(invoice.Id, "1.00")]));
        Assert.Contains("chequeNumber", cheque.Errors!.Keys);
        var card = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "0", null, PaymentMethods.CreditCard, "bitcoin", null, null, [new PaymentApplicationDocument(invoice.Id, "1.00")]));
        Assert.Contains("cardBrand", card.Errors!.Keys);
        Assert.Contains("amount", card.Errors!.Keys);
        var method = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "1.00", null, "barter", null, null, null, [new PaymentApplicationDocument(invoice.Id, "1.00")]));
        Assert.Contains("method", method.Errors!.Keys);
    }

    [Fact]
    public async Task Deleting_a_payment_reopens_the_invoice_and_leaves_a_tombstone()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var invoice = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "50.00")));
        var payment = await api.PayAsync(customer.Id, "50.00", (invoice.Id, "50.00"));
        await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Delete, $"api/v1/invoices/{invoice.Id}");
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"api/v1/payments/{payment.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var reopened = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}");
        Assert.Equal((InvoiceStatuses.Sent, "50.00"), (reopened.Status, reopened.Owing));
        var feed = await api.FeedAsync();
        var tombstone = Assert.Single(feed, c => c.Kind == ChangeKinds.Payment);
        Assert.True(tombstone.Deleted);
        Assert.Equal("50.00", tombstone.Payment!.Amount);
        Assert.Equal("50.00", Assert.Single(feed, c => c.Kind == ChangeKinds.Invoice).Invoice!.Owing);
    }

    [Fact]
    public async Task Editing_a_payment_moves_its_applications()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var a = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "50.00")));
        var b = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "50.00")));
        var payment = await api.PayAsync(customer.Id, "50.00", (a.Id, "50.00"));
        await api.OkAsync<PaymentDocument>(HttpMethod.Put, $"api/v1/payments/{payment.Id}", new PaymentRequest(
            customer.Id, null, "30.00", null, PaymentMethods.Cheque, null, "000123", null, [new PaymentApplicationDocument(b.Id, "30.00")]));
        Assert.Equal("0.00", (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{a.Id}")).Paid);
        Assert.Equal("30.00", (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{b.Id}")).Paid);
        var change = Assert.Single(await api.FeedAsync(), c => c.Kind == ChangeKinds.Payment);
        Assert.Equal(2, change.Version);
        Assert.Equal("000123", change.Payment!.ChequeNumber);
    }

    [Fact]
    public async Task A_payment_dated_before_an_invoice_it_pays_is_refused_with_the_date_to_use()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var early = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "10.00")) with { Date = new DateOnly(2026, 3, 1) });
        var late = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "10.00")) with { Date = new DateOnly(2026, 3, 5) });
        PaymentRequest Paying(DateOnly date) => new(customer.Id, date, "20.00", null, PaymentMethods.Cash, null, null, null,
            [new PaymentApplicationDocument(early.Id, "10.00"), new PaymentApplicationDocument(late.Id, "10.00")]);

        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", Paying(new DateOnly(2026, 3, 4)));
        var message = Assert.Single(problem.Errors!["date"]);
        Assert.Contains($"invoice {late.Number} is dated 2026-03-05", message, StringComparison.Ordinal);
        Assert.Contains("date it 2026-03-05 or later", message, StringComparison.Ordinal);
        Assert.Empty((await api.OkAsync<PaymentList>(HttpMethod.Get, "api/v1/payments")).Items);
        Assert.Equal("0.00", (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{early.Id}")).Paid);

        var payment = await api.OkAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", Paying(new DateOnly(2026, 3, 5)));
        var moved = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"api/v1/payments/{payment.Id}", Paying(new DateOnly(2026, 2, 28)));
        Assert.Equal(2, moved.Errors!["date"].Length);
        Assert.Equal(new DateOnly(2026, 3, 5), (await api.OkAsync<PaymentDocument>(HttpMethod.Get, $"api/v1/payments/{payment.Id}")).Date);
        Assert.Equal("10.00", (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{late.Id}")).Paid);
    }

    [Fact]
    public async Task A_paid_invoice_cannot_be_dated_after_its_earliest_payment()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var request = Api.Invoice(customer.Id, Api.Line("1", "30.00")) with { Date = new DateOnly(2026, 3, 1), DueDate = new DateOnly(2026, 3, 31) };
        var invoice = await api.SentAsync(request);
        foreach (var (date, amount) in new[] { (new DateOnly(2026, 3, 12), "10.00"), (new DateOnly(2026, 3, 10), "10.00") })
        {
            await api.OkAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", new PaymentRequest(
                customer.Id, date, amount, null, PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument(invoice.Id, amount)]));
        }

        var refused = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"api/v1/invoices/{invoice.Id}", request with { Date = new DateOnly(2026, 3, 11) });
        Assert.Contains("A payment dated 2026-03-10", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("date it 2026-03-10 or earlier", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 1), (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}")).Date);

        var moved = await api.OkAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{invoice.Id}", request with { Date = new DateOnly(2026, 3, 10) });
        Assert.Equal((new DateOnly(2026, 3, 10), "20.00"), (moved.Date, moved.Paid));
    }
}

public sealed class SqlitePaymentTests(SqliteBilling fixture) : PaymentTests<SqliteBilling>(fixture);

public sealed class PostgresPaymentTests(PostgresBilling fixture) : PaymentTests<PostgresBilling>(fixture);
