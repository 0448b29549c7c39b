using System.Net;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Invoices;

public abstract class InvoiceApiTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task Quebec_invoice_with_a_percent_discount_to_the_cent()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var invoice = await api.DraftAsync(Api.Invoice(customer.Id, Api.Line("3", "33.33"), Api.Line("1", "19.99", "GST")) with
        {
            Discount = new DiscountRequest("percent", "10"),
        });
        // lines 99.99 and 19.99; discounts 10.00 and 2.00 -> 89.99 + 17.99 = 107.98
        // GST 5% x 107.98 = 5.399 -> 5.40; QST 9.975% x 89.99 = 8.9765 -> 8.98; total 122.36
        Assert.Equal("119.98", invoice.Subtotal);
        Assert.Equal("12.00", invoice.Discount);
        Assert.Equal(["5.40", "8.98"], invoice.Taxes.Select(t => t.Amount).ToArray());
        Assert.Equal("122.36", invoice.Total);
        Assert.Equal("122.36", invoice.Owing);
        Assert.Equal(InvoiceStatuses.Draft, invoice.Status);
    }

    [Fact]
    public async Task Compound_tax_and_an_amount_discount_over_http()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: [new TaxDefinition("GST", "5", true, null), new TaxDefinition("PST", "10", true, "GST")]);
        var invoice = await api.DraftAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00"), Api.Line("1", "50.00", "GST")) with
        {
            Discount = new DiscountRequest("amount", "15.00"),
        });
        // discount 10.00 + 5.00 -> 90.00 and 45.00; GST 6.75; PST 10% x (90 + 4.50) = 9.45; total 135 + 16.20
        Assert.Equal(["90.00", "45.00"], invoice.Lines.Select(l => l.DiscountedAmount).ToArray());
        Assert.Equal(["6.75", "9.45"], invoice.Taxes.Select(t => t.Amount).ToArray());
        Assert.Equal("151.20", invoice.Total);
    }

    [Fact]
    public async Task Taxes_are_copied_onto_the_invoice_and_later_profile_changes_do_not_touch_it()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var invoice = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00")));
        await api.OkAsync<ProfileDocument>(HttpMethod.Post, "api/v1/profile/taxes/preset", new TaxPresetRequest("ON"));
        var again = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{invoice.Id}");
        Assert.Equal([("GST", "5", "5.00"), ("QST", "9.975", "9.98")], again.Taxes.Select(t => (t.Name, t.Rate, t.Amount)).ToArray());
        var edited = await api.OkAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{invoice.Id}", Api.Invoice(customer.Id, Api.Line("2", "100.00")));
        Assert.Equal(["GST", "QST"], edited.Taxes.Select(t => t.Name).ToArray());
        var next = await api.DraftAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00")));
        Assert.Equal([("HST", "13.00")], next.Taxes.Select(t => (t.Name, t.Amount)).ToArray());
    }

    [Fact]
    public async Task Yen_invoice_has_no_decimals()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(currency: "JPY", taxes: []);
        var invoice = await api.DraftAsync(Api.Invoice(customer.Id, Api.Line("3", "333")));
        Assert.Equal("999", invoice.Total);
        Assert.Empty(invoice.Taxes);
    }

    [Fact]
    public async Task Numbers_continue_from_the_last_skip_taken_ones_and_quotes_count_apart()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        Assert.Equal("1", (await api.DraftAsync(Api.Invoice(customer.Id))).Number);
        Assert.Equal("INV-A", (await api.DraftAsync(Api.Invoice(customer.Id) with { Number = "INV-A" })).Number);
        Assert.Equal("7", (await api.DraftAsync(Api.Invoice(customer.Id) with { Number = "7" })).Number);
        Assert.Equal("8", (await api.DraftAsync(Api.Invoice(customer.Id))).Number);
        var taken = await api.ProblemAsync(HttpStatusCode.Conflict, HttpMethod.Post, "api/v1/invoices", Api.Invoice(customer.Id) with { Number = "inv-a" });
        Assert.Contains("number", taken.Errors!.Keys);
        var quote = await api.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id));
        Assert.Equal("1", quote.Number);
        Assert.Equal(InvoiceStatuses.QuoteDraft, quote.Status);
    }

    [Fact]
    public async Task A_draft_cannot_be_sent_without_a_complete_profile()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var customer = await api.CustomerAsync();
        var draft = await api.DraftAsync(Api.Invoice(customer.Id));
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"api/v1/invoices/{draft.Id}/mark-sent");
        Assert.Contains("address.line1", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_total_cannot_be_sent()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var draft = await api.DraftAsync(Api.Invoice(customer.Id, Api.Line("0", "10.00")));
        await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"api/v1/invoices/{draft.Id}/mark-sent");
    }

    [Fact]
    public async Task Editing_a_sent_invoice_keeps_the_old_version_and_marks_it_changed()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var sent = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00")));
        var edited = await api.OkAsync<InvoiceResponse>(HttpMethod.Put, $"api/v1/invoices/{sent.Id}", Api.Invoice(customer.Id, Api.Line("2", "100.00")));
        Assert.Equal(InvoiceStatuses.Changed, edited.Status);
        Assert.Equal(2, edited.Revision);
        var versions = await api.OkAsync<InvoiceVersions>(HttpMethod.Get, $"api/v1/invoices/{sent.Id}/versions");
        Assert.Equal(sent.Total, Assert.Single(versions.Items).Total);
    }

    [Fact]
    public async Task An_edit_that_would_make_owing_negative_is_refused()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync(taxes: []);
        var sent = await api.SentAsync(Api.Invoice(customer.Id, Api.Line("1", "100.00")));
        await api.PayAsync(customer.Id, "80.00", (sent.Id, "80.00"));
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"api/v1/invoices/{sent.Id}", Api.Invoice(customer.Id, Api.Line("1", "50.00")));
        Assert.Contains("negative", problem.Detail, StringComparison.Ordinal);
        var unchanged = await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{sent.Id}");
        Assert.Equal("100.00", unchanged.Total);
        Assert.Equal(InvoiceStatuses.PartlyPaid, unchanged.Status);
    }

    [Fact]
    public async Task Past_due_lists_sent_invoices_due_today_or_before()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var late = await api.SentAsync(Api.Invoice(customer.Id) with { Date = today.AddDays(-40), DueDate = today.AddDays(-10) });
        await api.SentAsync(Api.Invoice(customer.Id) with { Date = today.AddDays(-1), DueDate = today.AddDays(30) });
        await api.DraftAsync(Api.Invoice(customer.Id) with { Date = today.AddDays(-40), DueDate = today.AddDays(-10) });
        var pastDue = await api.OkAsync<InvoiceList>(HttpMethod.Get, "api/v1/invoices?pastDue=true");
        Assert.Equal([late.Id], pastDue.Items.Select(i => i.Id).ToArray());
        Assert.True(pastDue.Items[0].PastDue);
    }

    [Fact]
    public async Task A_quote_converts_to_a_draft_invoice_once()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var quote = await api.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id, Api.Line("2", "10.00")));
        var sent = await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/quotes/{quote.Id}/mark-sent");
        Assert.Equal(InvoiceStatuses.QuoteSent, sent.Status);
        var invoice = await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/quotes/{quote.Id}/convert");
        Assert.Equal(InvoiceStatuses.Draft, invoice.Status);
        Assert.Equal(quote.Total, invoice.Total);
        await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"api/v1/quotes/{quote.Id}/convert");
        await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/payments", new PaymentRequest(
            customer.Id, null, "1.00", null, PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument(quote.Id, "1.00")]));
        Assert.Empty(await api.FeedAsync() is var feed ? feed.Where(c => c.Kind == ChangeKinds.Invoice) : []);
    }

    [Fact]
    public async Task Void_and_delete_reach_the_feed()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var voided = await api.SentAsync(Api.Invoice(customer.Id));
        var deleted = await api.SentAsync(Api.Invoice(customer.Id));
        await api.OkAsync<InvoiceResponse>(HttpMethod.Post, $"api/v1/invoices/{voided.Id}/void");
        using (var response = await api.SendAsync(HttpMethod.Delete, $"api/v1/invoices/{deleted.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var invoices = (await api.FeedAsync()).Where(c => c.Kind == ChangeKinds.Invoice).ToDictionary(c => c.Id);
        Assert.Equal(InvoiceStatuses.Void, invoices[voided.Id].Invoice!.Status);
        Assert.False(invoices[voided.Id].Deleted);
        Assert.True(invoices[deleted.Id].Deleted);
        Assert.Equal(2, invoices[deleted.Id].Version);

        // A void invoice owes nothing: not in the invoice, the list, the report (its CSV), nor the feed.
        Assert.Equal("0.00", invoices[voided.Id].Invoice!.Owing);
        Assert.Equal("0.00", (await api.OkAsync<InvoiceResponse>(HttpMethod.Get, $"api/v1/invoices/{voided.Id}")).Owing);
        Assert.Equal("0.00", Assert.Single((await api.OkAsync<InvoiceReport>(HttpMethod.Get, "api/v1/reports/invoices?status=void")).Rows).Owing);
    }
}

public sealed class SqliteInvoiceApiTests(SqliteBilling fixture) : InvoiceApiTests<SqliteBilling>(fixture);

public sealed class PostgresInvoiceApiTests(PostgresBilling fixture) : InvoiceApiTests<PostgresBilling>(fixture);

public abstract class RecurringApiTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task A_recurring_invoice_is_stored_with_its_schedule_and_checked_like_an_invoice()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var created = await api.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id) with { Date = new DateOnly(2030, 1, 31), DueDate = new DateOnly(2030, 2, 14) },
            Frequencies.Monthly, new DateOnly(2030, 1, 31), new DateOnly(2030, 12, 31), ["ap@example.com"]));
        Assert.Equal(new DateOnly(2030, 1, 31), created.NextDate);
        Assert.Equal(["ap@example.com"], created.Recipients);
        var list = await api.OkAsync<RecurringList>(HttpMethod.Get, "api/v1/recurring");
        Assert.Equal(created.Id, Assert.Single(list.Items).Id);

        var bad = await api.ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id, Api.Line("-1", "1.00")), "daily", new DateOnly(2030, 1, 1), new DateOnly(2029, 1, 1), ["nobody"]));
        Assert.Equal(["frequency", "recipients[0]", "stopDate", "template.lines[0].quantity"], bad.Errors!.Keys.Order(StringComparer.Ordinal));

        // The generator mails these unattended: what no mail server takes is refused when saved.
        var addresses = await api.ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id), Frequencies.Monthly, new DateOnly(2030, 1, 1), null, ["bob@", "ap@example.com", "@@@", "two@a.example three@b.example"]));
        Assert.Equal(["recipients[0]", "recipients[2]", "recipients[3]"], addresses.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_schedule_starting_in_the_past_is_refused_since_every_past_invoice_would_be_made_and_mailed_at_once()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.ReadyAsync(billing);
        var customer = await api.CustomerAsync();
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);
        var refused = await api.ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id), Frequencies.Weekly, past, null, ["ap@example.com"]));
        Assert.Contains("would be made and mailed at once; start today or later", Assert.Single(refused.Errors!["startDate"]), StringComparison.Ordinal);
        Assert.Empty((await api.OkAsync<RecurringList>(HttpMethod.Get, "api/v1/recurring")).Items);
        Assert.Empty((await api.OkAsync<InvoiceList>(HttpMethod.Get, "api/v1/invoices")).Items);
    }
}

public sealed class SqliteRecurringApiTests(SqliteBilling fixture) : RecurringApiTests<SqliteBilling>(fixture);

public sealed class PostgresRecurringApiTests(PostgresBilling fixture) : RecurringApiTests<PostgresBilling>(fixture);
