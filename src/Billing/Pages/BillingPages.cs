using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Email;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BillingBooks.Billing.Pages;

/// <summary>
/// The invoicing web app: server-rendered Razor Pages signed in with a cookie (a separate scheme; the API stays
/// bearer-only). Pages never touch the stores directly for the books: they call the same /api/v1 endpoints on the
/// loopback address (see <see cref="BooksApi"/>), so every rule, check and transaction is the API's own.
/// </summary>
public static class BillingPages
{
    public const string CookieScheme = "BillingCookie";
    public const string Policy = "pages";

    public static void AddBillingPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", Policy);
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/Signup");
            options.Conventions.AllowAnonymousToPage("/View/Invoice");
            // Sign-in, sign-up and password pages count against the browser's address like the API's own endpoints
            // (their calls to the API are not counted again: see PageCalls).
            foreach (var page in new[] { "/Account/Login", "/Account/Signup", "/Account/Password" })
            {
                options.Conventions.AddPageApplicationModelConvention(page, model =>
                    model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AccountEndpoints.AuthRateLimit)));
            }
        });
        builder.Services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "billing.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/login";
            // The session lives as long as the API token it carries, renewed with it while in use (see PageSession).
            cookie.SlidingExpiration = false;
            cookie.Events.OnValidatePrincipal = PageSession.RenewAsync;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy =>
            policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "billing.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient(BooksApi.ClientName);
        builder.Services.AddScoped<BooksApi>();
        builder.Services.AddSingleton<PageCalls>();
        builder.Services.AddSingleton(MailOptions.Read(builder.Configuration));
        builder.Services.AddSingleton<Mailer>();
    }

    public static void MapBillingPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.InvokeAsync);
        app.Services.GetRequiredService<Mailer>().AnnounceWhereMailGoes();
        app.MapGet("/assets/{name}", Assets.Serve).AllowAnonymous().ExcludeFromDescription();
        // Pages name their icon (<link rel="icon">); a browser asks for /favicon.ico on its own where none is named
        // (a PDF, a plain error): the same icon, rather than a 404 in its console.
        app.MapGet("/favicon.ico", () => Assets.Serve("favicon.svg")).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
    }
}
