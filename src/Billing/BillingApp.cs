using System.Data.Common;
using System.Threading.RateLimiting;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Bookkeepers;
using BillingBooks.Billing.Changes;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using BillingBooks.Billing.Email;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Pages;
using BillingBooks.Billing.Payments;
using BillingBooks.Billing.Recurring;
using BillingBooks.Billing.Reports;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BillingBooks.Billing;

/// <summary>Composition of the web service: storage, accounts, the books' endpoints, the feed.</summary>
public static class BillingApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The service; null when a command-line value is bad, each told in <paramref name="errors"/>, before anything started.</summary>
    public static WebApplication? Build(string[] args, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        CommandLine.Check(args, errors);
        if (errors.Count > 0)
        {
            return null; // the values of options nobody reads are not worth checking
        }

        var builder = WebApplication.CreateBuilder(args);
        var forwarded = TrustedProxies.Read(args, errors);
        StorageOptions.Check(builder.Configuration["postgres"], errors);
        MailOptions.Read(builder.Configuration, errors); // only checked here: the pages read the settings for themselves
        var testClock = TestClock.Read(builder.Configuration, errors);
        if (errors.Count == 0)
        {
            CommandLine.CheckDatabases(args, errors);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        if (StorageOptions.OpenAndMigrate(builder.Configuration["sqlite"], builder.Configuration["postgres"], errors) is not { } db)
        {
            return null;
        }

        var keys = KeysFolder.Prepare(builder.Configuration, db.Dialect, errors);
        if (errors.Count > 0)
        {
            db.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter(StartupLog, LogLevel.Information);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Limits.MaxBodyBytes);

        builder.Services.AddSingleton(db);
        builder.Services.AddKeys(keys);
        builder.Services.AddSingleton<TimeProvider>(testClock ?? TimeProvider.System);
        builder.Services.AddSingleton<TokenCache>();
        builder.Services.Configure<AccountOptions>(builder.Configuration.GetSection("Billing"));
        builder.Services.AddSingleton(sp => new PasswordHasher<AccountRow>(Options.Create(new PasswordHasherOptions
        {
            IterationCount = sp.GetRequiredService<IOptions<AccountOptions>>().Value.PasswordHashIterations,
        })));
        builder.Services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = (context, _) => new ValueTask(Problems.WriteAsync(
                context.HttpContext,
                new RateLimited("Too many sign-up or sign-in requests from your address; wait a minute and try again.")));
            limiter.AddPolicy(AccountEndpoints.AuthRateLimit, http =>
            {
                // One attempt counts once: showing a form is no attempt, and a page's own call to the API was
                // counted as the page request.
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                    || http.RequestServices.GetRequiredService<PageCalls>().IsPageCall(http))
                {
                    return RateLimitPartition.GetNoLimiter("not counted");
                }

                var permits = http.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.AuthRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHostedService<RecurringInvoiceGenerator>();
        builder.Services.AddHostedService<ExpiredTokenSweep>();
        if (db.Dialect == Dialect.Sqlite)
        {
            builder.Services.AddHostedService<WalCheckpoints>();
        }

        builder.AddBillingPages();

        var app = builder.Build();
        // First: everything after it (rate limits, cookies' Secure flag, links in email) sees the real client.
        app.UseForwardedHeaders(forwarded);
        app.UseExceptionHandler(error => error.Run(HandleUnexpectedAsync));
        app.UseStatusCodePages(EmptyApiErrorAsync);
        app.Use(NulCharacters.RefuseInQueryAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(TenantResolution.InvokeAsync);
        app.UseRateLimiter();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithTags("Health");
        app.MapOpenApi();
        app.MapAccounts();
        app.MapChanges();
        app.MapBookkeepers();

        // The books' endpoints: the tenant is resolved (and access checked) for every request, failing closed.
        var books = app.MapGroup("/api/v1").RequireAuthorization().WithMetadata(new TenantScoped());
        books.MapProfile();
        books.MapLogo();
        books.MapCustomers();
        books.MapInvoices();
        books.MapPayments();
        books.MapRecurring();
        books.MapReports();
        books.MapInvoiceDelivery();
        app.MapBillingPages();
        if (testClock is not null)
        {
            app.MapTestClock(testClock);
            app.Logger.LogWarning("--{Setting}: the clock holds still at {Now:O} until PUT /test/clock moves it; for tests only", TestClock.Setting, testClock.GetUtcNow());
        }

        // Information though the rest logs warnings only: which database a service runs on is never a guess.
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupLog).LogInformation("Database: {Database}", db.Description);
        return app;
    }

    private const string StartupLog = "BillingBooks.Billing.Startup";

    /// <summary>An exception is a bug, except a unique key lost to a concurrent request, which is a conflict to retry.</summary>
    private static Task HandleUnexpectedAsync(HttpContext http)
    {
        var exception = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is DbException db && IsUniqueViolation(db))
        {
            return Problems.WriteAsync(http, new Conflict("Another request changed the same record at the same time; send yours again.", null));
        }

        return Problems.WriteAsync(http, new Bug());
    }

    /// <summary>
    /// Errors that ASP.NET Core answers itself, before our endpoints run (a query value that does not bind, a body that
    /// is not JSON, an unknown path), get a problem body like every other API error instead of an empty one.
    /// </summary>
    private static Task EmptyApiErrorAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        var detail = http.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest =>
                "A value in the address is not valid: dates are YYYY-MM-DD, pastDue is true or false, offset and limit are whole numbers (see /openapi/v1.json).",
            StatusCodes.Status404NotFound => "There is no such API endpoint; see /openapi/v1.json for the paths.",
            StatusCodes.Status405MethodNotAllowed => "This endpoint does not take that method; see /openapi/v1.json.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
            _ => null,
        };
        if (detail is null)
        {
            return Task.CompletedTask;
        }

        return Problems.WriteAsync(http, new FrameworkStatus(http.Response.StatusCode, detail));
    }

    private static bool IsUniqueViolation(DbException exception) =>
        exception.SqlState == "23505" || (exception is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteExtendedErrorCode == 2067);

    /// <summary>Whose sign-ins a request counts against: the client address <see cref="TrustedProxies"/> established.</summary>
    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
