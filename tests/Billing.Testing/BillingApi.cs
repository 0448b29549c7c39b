using System.Net.Http.Headers;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Testing;

/// <summary>Small conveniences over a running Billing: sign up and get a signed-in client.</summary>
public static class BillingApi
{
    /// <summary>Signs up <paramref name="email"/> and returns a client carrying its bearer token, and its account id.</summary>
    public static async Task<(HttpClient Client, string AccountId)> SignUpAsync(Uri baseAddress, string email, string password = "correct horse battery", string? company = null)
    {
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        using (var signup = await anonymous.PostAsJsonAsync(new Uri("api/v1/signup", UriKind.Relative), new SignupRequest(email, password, company)).ConfigureAwait(false))
        {
            if (!signup.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"signup {email}: {(int)signup.StatusCode} {await signup.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }
        }

        var (client, token) = await SignInAsync(baseAddress, email, password).ConfigureAwait(false);
        return (client, token.AccountId);
    }

    public static async Task<(HttpClient Client, TokenResponse Token)> SignInAsync(Uri baseAddress, string email, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        using var response = await anonymous.PostAsJsonAsync(new Uri("api/v1/tokens", UriKind.Relative), new TokenRequest(email, password)).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign in {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }

        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>().ConfigureAwait(false))!;
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return (client, token);
    }
}
