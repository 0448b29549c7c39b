using System.Net;
using System.Text;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Bookkeepers;

/// <summary>
/// Every endpoint in the OpenAPI document, called by an outsider on the owner's records: as another account
/// (404 for the owner's records, 403 for the owner's dataset, never the owner's data) and as a bookkeeper
/// without a contract naming the owner's dataset (403).
/// </summary>
public abstract class TenantIsolationTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    private const string Secret = "SECRET-OWNER-DATA";

    private static readonly string[] Open = ["/health", "/openapi/v1.json", "/api/v1/signup", "/api/v1/tokens"];

    /// <summary>Endpoints about the caller's own sign-in (no tenant data): not part of the isolation check.</summary>
    private static readonly string[] CallerOnly = ["/api/v1/tokens/current", "/api/v1/tokens/current/renewal", "/api/v1/password", "/api/v1/account", "/api/v1/datasets", "/api/v1/bookkeepers", "/api/v1/clients"];

    /// <summary>Endpoints that take the secret token of an invitation link: the owner's real token, sent by another account, is 403.</summary>
    private static readonly string[] InvitationLinkRoutes = ["/api/v1/clients/invitation", "/api/v1/clients/accept", "/api/v1/clients/decline"];

    [Fact]
    public async Task Every_endpoint_refuses_another_accounts_records()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        using var outsider = await Api.ReadyAsync(billing);
        var ids = await OwnerRecordsAsync(owner, outsider);
        ids["token"] = await Mailbox.InvitationTokenAsync(Fixture.MailFolder, ids["invited"]);

        var endpoints = await EndpointsAsync(owner);
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found in the OpenAPI document");
        var checkedCount = 0;
        foreach (var (method, template) in endpoints)
        {
            if (Open.Contains(template) || (CallerOnly.Contains(template) && !template.Contains('{', StringComparison.Ordinal)))
            {
                continue;
            }

            var path = Fill(template, ids);
            var isLinkRoute = InvitationLinkRoutes.Contains(template);
            var body = isLinkRoute ? $"{{\"token\":\"{ids["token"]}\"}}" : method == HttpMethod.Post || method == HttpMethod.Put ? "{}" : null;
            var isDatasetRoute = template.StartsWith("/api/v1/datasets/", StringComparison.Ordinal);
            var isInvitationRoute = template.StartsWith("/api/v1/bookkeepers/", StringComparison.Ordinal) || template.StartsWith("/api/v1/clients/", StringComparison.Ordinal);

            // As another account, on its own books.
            using (var response = await outsider.SendAsync(method, path.TrimStart('/'), body))
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                if (isDatasetRoute)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} as another account: {(int)response.StatusCode} {text}");
                }
                else if (isLinkRoute)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} with the owner's invitation link as another account: {(int)response.StatusCode} {text}");
                }
                else if (template.Contains("{id}", StringComparison.Ordinal))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} as another account: {(int)response.StatusCode} {text}");
                }
            }

            // As a bookkeeper without a contract, naming the owner's dataset.
            if (!isDatasetRoute && !isInvitationRoute)
            {
                using var response = await outsider.SendAsync(method, path.TrimStart('/'), body, dataset: owner.AccountId);
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} as a bookkeeper without contract: {(int)response.StatusCode} {text}");
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 25, $"only {checkedCount} endpoints checked");
        Assert.All(InvitationLinkRoutes, route => Assert.Contains(endpoints, e => e.Template == route));
        var invitations = await owner.OkAsync<InvitationList>(HttpMethod.Get, "api/v1/bookkeepers");
        Assert.Equal(InvitationStatuses.Pending, Assert.Single(invitations.Items).Status);
    }

    private static async Task<Dictionary<string, string>> OwnerRecordsAsync(Api owner, Api outsider)
    {
        var customer = await owner.CustomerAsync(Secret);
        var invoice = await owner.SentAsync(Api.Invoice(customer.Id) with { Reference = Secret });
        var payment = await owner.PayAsync(customer.Id, "1.00", (invoice.Id, "1.00"));
        var quote = await owner.OkAsync<InvoiceResponse>(HttpMethod.Post, "api/v1/quotes", Api.Invoice(customer.Id) with { Reference = Secret });
        var recurring = await owner.OkAsync<RecurringResponse>(HttpMethod.Post, "api/v1/recurring", new RecurringRequest(
            Api.Invoice(customer.Id) with { Reference = Secret }, Frequencies.Monthly, new DateOnly(2030, 1, 31), null, null));
        var invited = $"third-{Guid.NewGuid():N}@example.com";
        var invitation = await owner.OkAsync<Invitation>(HttpMethod.Post, "api/v1/bookkeepers", new InvitationRequest(invited));
        Assert.NotNull(outsider);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customers"] = customer.Id,
            ["invoices"] = invoice.Id,
            ["payments"] = payment.Id,
            ["quotes"] = quote.Id,
            ["bookkeepers"] = invitation.Id,
            ["clients"] = invitation.Id,
            ["datasets"] = owner.AccountId,
            ["recurring"] = recurring.Id,
            ["invited"] = invited,
        };
    }

    private static string Fill(string template, Dictionary<string, string> ids)
    {
        var parts = template.Split('/');
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(parts[i] == "{id}" ? ids[parts[i - 1]] : parts[i]);
        }

        return builder.ToString();
    }

    private static async Task<List<(HttpMethod Method, string Template)>> EndpointsAsync(Api api)
    {
        using var response = await api.SendAsync(HttpMethod.Get, "openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var endpoints = new List<(HttpMethod, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                endpoints.Add((new HttpMethod(operation.Name.ToUpperInvariant()), path.Name));
            }
        }

        return endpoints;
    }
}

public sealed class SqliteTenantIsolationTests(SqliteBilling fixture) : TenantIsolationTests<SqliteBilling>(fixture);

public sealed class PostgresTenantIsolationTests(PostgresBilling fixture) : TenantIsolationTests<PostgresBilling>(fixture);
