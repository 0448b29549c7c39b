using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Accounts;

public abstract class AccountTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task Email_is_the_login_whatever_its_case()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var email = $"Mixed.Case-{Guid.NewGuid():N}@Example.COM";
        using var api = await Api.SignUpAsync(billing, email);
        var (client, token) = await BillingApi.SignInAsync(billing.BaseAddress, email.ToLowerInvariant(), "correct horse battery");
        client.Dispose();
        Assert.Equal(api.AccountId, token.AccountId);
        Assert.Equal(await billing.Clock.NowAsync() + TimeSpan.FromHours(1), token.ExpiresAt);
        var again = await api.ProblemAsync(HttpStatusCode.Conflict, HttpMethod.Post, "api/v1/signup", new SignupRequest(email.ToUpperInvariant(), "0123456789", null));
        Assert.Contains("email", again.Errors!.Keys);
    }

    [Fact]
    public async Task Short_password_and_bad_email_are_refused_together()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/signup", new SignupRequest("not-an-email", "short", null));
        Assert.Equal(["email", "password"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_password_over_128_characters_is_refused_at_sign_up_and_change_naming_the_limit_and_at_sign_in_is_just_wrong()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        var longest = new string('p', 128);
        var (client, _) = await BillingApi.SignUpAsync(billing.BaseAddress, $"longest-{Guid.NewGuid():N}@example.com", longest);
        client.Dispose();
        using var api = await Api.SignUpAsync(billing);
        foreach (var tooLong in new[] { new string('p', 129), new string('p', 5000) })
        {
            var signup = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/signup",
                new SignupRequest($"long-{Guid.NewGuid():N}@example.com", tooLong, null));
            Assert.Equal(["password"], signup.Errors!.Keys.ToArray());
            Assert.Contains("at most 128 characters", Assert.Single(signup.Errors["password"]), StringComparison.Ordinal);
            var change = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, "api/v1/password", new PasswordChange("correct horse battery", tooLong));
            Assert.Equal(["newPassword"], change.Errors!.Keys.ToArray());
            Assert.Contains("at most 128 characters", Assert.Single(change.Errors["newPassword"]), StringComparison.Ordinal);
        }

        // Signing in with one is a wrong password like any other: the same answer, for a known email as for an unknown one.
        using var anonymous = new HttpClient { BaseAddress = billing.BaseAddress };
        var answers = new List<string>();
        foreach (var (email, password) in new[] { (api.Email, "wrong password"), (api.Email, new string('p', 5000)), ($"nobody-{Guid.NewGuid():N}@example.com", new string('p', 5000)) })
        {
            using var response = await anonymous.PostAsJsonAsync(new Uri("api/v1/tokens", UriKind.Relative), new TokenRequest(email, password));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        var (signedIn, _) = await BillingApi.SignInAsync(billing.BaseAddress, api.Email, "correct horse battery");
        signedIn.Dispose();
    }

    [Fact]
    public async Task A_revoked_token_is_refused_saying_it_was_revoked()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        await api.OkAsync<ProfileDocument>(HttpMethod.Get, "api/v1/profile");
        using (var revoke = await api.SendAsync(HttpMethod.Delete, "api/v1/tokens/current"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        var revoked = await api.ProblemAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v1/profile");
        Assert.StartsWith("This token was revoked", revoked.Detail, StringComparison.Ordinal);

        api.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "made-up");
        var unknown = await api.ProblemAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v1/profile");
        Assert.StartsWith("This token is unknown", unknown.Detail, StringComparison.Ordinal);
        api.Client.DefaultRequestHeaders.Authorization = null;
        var none = await api.ProblemAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v1/profile");
        Assert.StartsWith("Send Authorization: Bearer TOKEN", none.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewed_token_works_in_the_same_session_and_signing_out_ends_every_token_of_that_session_only()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var renewed = await api.OkAsync<TokenResponse>(HttpMethod.Post, "api/v1/tokens/current/renewal");
        Assert.Equal((api.AccountId, api.Email), (renewed.AccountId, renewed.Email));
        Assert.Equal(await billing.Clock.NowAsync() + TimeSpan.FromHours(1), renewed.ExpiresAt);
        using var second = new HttpClient { BaseAddress = billing.BaseAddress };
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second, "api/v1/account"));
        await api.OkAsync<ProfileDocument>(HttpMethod.Get, "api/v1/profile"); // requests on their way with the old token still work
        var (otherSignIn, _) = await BillingApi.SignInAsync(billing.BaseAddress, api.Email, "correct horse battery");
        using (otherSignIn)
        {
            using (var signOut = await second.DeleteAsync(new Uri("api/v1/tokens/current", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
            }

            await api.ProblemAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v1/profile");
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(second, "api/v1/account"));
            await api.ProblemAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "api/v1/tokens/current/renewal");
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(otherSignIn, "api/v1/account")); // another sign-in, another session
        }
    }

    [Fact]
    public async Task Renewals_racing_a_sign_out_leave_no_live_token_of_that_session()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        for (var round = 0; round < 5; round++)
        {
            var (client, _) = await BillingApi.SignInAsync(billing.BaseAddress, api.Email, "correct horse battery");
            using (client)
            {
                var renewals = Enumerable.Range(0, 4).Select(_ => client.PostAsync(new Uri("api/v1/tokens/current/renewal", UriKind.Relative), null)).ToList();
                using var signOut = await client.DeleteAsync(new Uri("api/v1/tokens/current", UriKind.Relative));
                Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
                foreach (var renewal in renewals)
                {
                    using var response = await renewal;
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                        continue;
                    }

                    var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Api.Json))!;
                    using var renewed = new HttpClient { BaseAddress = billing.BaseAddress };
                    renewed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
                    Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(renewed, "api/v1/account"));
                }
            }
        }
    }

    [Fact]
    public async Task Of_password_changes_racing_with_the_same_current_password_one_wins_and_no_old_password_sign_in_survives()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var changes = Enumerable.Range(0, 3).Select(i => api.SendAsync(HttpMethod.Put, "api/v1/password", new PasswordChange("correct horse battery", $"new password number {i}"))).ToList();
        using var anonymous = new HttpClient { BaseAddress = billing.BaseAddress };
        var signIns = Enumerable.Range(0, 3).Select(_ => anonymous.PostAsJsonAsync(new Uri("api/v1/tokens", UriKind.Relative), new TokenRequest(api.Email, "correct horse battery"))).ToList();
        var statuses = new List<HttpStatusCode>();
        foreach (var change in changes)
        {
            using var response = await change;
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Unauthorized, s.ToString()));
        foreach (var signIn in signIns)
        {
            using var response = await signIn;
            if (response.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }

            var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Api.Json))!;
            using var old = new HttpClient { BaseAddress = billing.BaseAddress };
            old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(old, "api/v1/account"));
        }
    }

    [Fact]
    public async Task No_token_or_a_made_up_token_is_401()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var anonymous = new HttpClient { BaseAddress = billing.BaseAddress };
        using (var response = await anonymous.GetAsync(new Uri("api/v1/customers", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");
        using (var response = await anonymous.GetAsync(new Uri("api/v1/datasets", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_email_even_for_the_right_password()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        using var anonymous = new HttpClient { BaseAddress = billing.BaseAddress };
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync(new Uri("api/v1/tokens", UriKind.Relative), new TokenRequest(api.Email, "wrong password"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await anonymous.PostAsJsonAsync(new Uri("api/v1/tokens", UriKind.Relative), new TokenRequest(api.Email, "correct horse battery"));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        var until = (await billing.Clock.NowAsync() + TimeSpan.FromMinutes(15)).ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"try again after {until}", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_session_this_one_too_and_answers_with_a_fresh_one()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var (other, _) = await BillingApi.SignInAsync(billing.BaseAddress, api.Email, "correct horse battery");
        using (other)
        {
            var fresh = await api.OkAsync<TokenResponse>(HttpMethod.Put, "api/v1/password", new PasswordChange("correct horse battery", "a new long password"));

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(other, "api/v1/profile"));
            await api.ProblemAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v1/profile"); // a copy of the token it was changed with, too
            await api.ProblemAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "api/v1/tokens/current/renewal");
            using var carryOn = new HttpClient { BaseAddress = billing.BaseAddress };
            carryOn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh.AccessToken);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(carryOn, "api/v1/profile"));
            var (signedIn, _) = await BillingApi.SignInAsync(billing.BaseAddress, api.Email, "a new long password");
            signedIn.Dispose();
        }
    }

    [Fact]
    public async Task Quebec_preset_fills_gst_and_qst_from_the_data_file()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var profile = await api.OkAsync<ProfileDocument>(HttpMethod.Post, "api/v1/profile/taxes/preset", new TaxPresetRequest("qc"));
        Assert.Equal([("GST", "5"), ("QST", "9.975")], profile.Taxes!.Select(t => (t.Name!, t.Rate!)).ToArray());
        var unknown = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/v1/profile/taxes/preset", new TaxPresetRequest("XX"));
        Assert.Contains("province", unknown.Errors!.Keys);
    }

    [Fact]
    public async Task Taxes_charged_on_each_other_are_refused()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        var problem = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, "api/v1/profile", Api.Profile(
            [new TaxDefinition("A", "5", true, "B"), new TaxDefinition("B", "6", true, "A")]));
        Assert.Contains("taxes[0].chargedOn", problem.Errors!.Keys);
        var four = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, "api/v1/profile", Api.Profile(
            [new TaxDefinition("A", "1", true, null), new TaxDefinition("B", "1", true, null), new TaxDefinition("C", "1", true, null), new TaxDefinition("D", "1", true, null)]));
        Assert.Contains("taxes", four.Errors!.Keys);
        var unnamed = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, "api/v1/profile", Api.Profile([new TaxDefinition(null, "0", true, null)]));
        Assert.Contains("taxes[0].name", unnamed.Errors!.Keys);
        Assert.Contains("taxes[0].rate", unnamed.Errors!.Keys);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}

public abstract class LogoTests<T>(T fixture) : ApiTestBase<T>(fixture)
    where T : BillingFixture
{
    [Fact]
    public async Task A_logo_up_to_one_megabyte_is_kept_and_served_back()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var api = await Api.SignUpAsync(billing);
        await api.ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, "api/v1/profile/logo");
        var png = new byte[200_000];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        using (var content = new ByteArrayContent(png))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var put = await api.Client.PutAsync(new Uri("api/v1/profile/logo", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        using (var get = await api.Client.GetAsync(new Uri("api/v1/profile/logo", UriKind.Relative)))
        {
            Assert.Equal("image/png", get.Content.Headers.ContentType?.MediaType);
            Assert.Equal(png, await get.Content.ReadAsByteArrayAsync());
        }

        using (var content = new ByteArrayContent(new byte[LogoLimit + 1]))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var tooBig = await api.Client.PutAsync(new Uri("api/v1/profile/logo", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        }

        using (var content = new ByteArrayContent("not an image"u8.ToArray()))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var notImage = await api.Client.PutAsync(new Uri("api/v1/profile/logo", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notImage.StatusCode);
        }
    }

    private const int LogoLimit = 1024 * 1024;
}

public sealed class SqliteLogoTests(SqliteBilling fixture) : LogoTests<SqliteBilling>(fixture);

public sealed class PostgresLogoTests(PostgresBilling fixture) : LogoTests<PostgresBilling>(fixture);

public sealed class SqliteAccountTests(SqliteBilling fixture) : AccountTests<SqliteBilling>(fixture);

public sealed class PostgresAccountTests(PostgresBilling fixture) : AccountTests<PostgresBilling>(fixture);

/// <summary>Per-IP rate limiting on sign-up and sign-in (production settings, own process).</summary>
public class RateLimitTests
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "3"]);
        using var anonymous = new HttpClient { BaseAddress = billing.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await anonymous.PostAsJsonAsync(new Uri("api/v1/tokens", UriKind.Relative), new TokenRequest($"nobody{i}@example.com", "whatever password"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Browsers_signing_in_through_the_pages_are_limited_each_by_their_own_address()
    {
        // A reverse proxy on this host (loopback: trusted by default) says which browser it forwards in
        // X-Forwarded-For: one busy office must not lock every other user out of signing in.
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "3"]);
        using var anonymous = new HttpClient { BaseAddress = billing.BaseAddress };

        async Task<HttpStatusCode> SignInFrom(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tokens") { Content = JsonContent.Create(new TokenRequest("nobody@example.com", "whatever password")) };
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await anonymous.SendAsync(request);
            return response.StatusCode;
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInFrom("203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFrom("203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFrom("198.51.100.20"));
    }

    [Fact]
    public async Task Renewing_a_token_is_rate_limited_like_sign_in()
    {
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "5"]);
        var (client, _) = await BillingApi.SignUpAsync(billing.BaseAddress, $"renew-{Guid.NewGuid():N}@example.com");
        using (client)
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
            {
                using var response = await client.PostAsync(new Uri("api/v1/tokens/current/renewal", UriKind.Relative), null);
                statuses.Add(response.StatusCode);
            }

            Assert.Contains(HttpStatusCode.Created, statuses);
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        }
    }

    [Fact]
    public async Task Guessing_the_current_password_on_password_change_is_rate_limited()
    {
        // A stolen token must not allow unlimited guesses at the password that would take the account over.
        await using var billing = await BillingProcess.StartAsync(extraArguments: ["--Billing:AuthRequestsPerMinute", "5"]);
        var (client, _) = await BillingApi.SignUpAsync(billing.BaseAddress, $"guess-{Guid.NewGuid():N}@example.com");
        using (client)
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
            {
                using var response = await client.PutAsJsonAsync(new Uri("api/v1/password", UriKind.Relative), new PasswordChange($"guess number {i}", "a brand new password"));
                statuses.Add(response.StatusCode);
            }

            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
            Assert.DoesNotContain(HttpStatusCode.NoContent, statuses);
        }
    }
}
