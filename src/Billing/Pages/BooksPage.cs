using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillingBooks.Billing.Pages;

/// <summary>
/// What every signed-in page has: the API, the form's values (what was typed survives a failed save) and the
/// API's field errors keyed by the same names as the inputs ("address.city", "lines[2].quantity").
/// </summary>
public abstract class BooksPage : PageModel
{
    private BooksApi? _api;

    protected BooksApi Api => _api ??= HttpContext.RequestServices.GetRequiredService<BooksApi>();

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>A problem that belongs to no field (shown at the top of the form).</summary>
    public string? Message { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>True when a bookkeeper looks at a client's books: no edit controls are shown.</summary>
    public bool ReadOnly => PageSession.Dataset(HttpContext) is not null;

    public PageSession? Session => PageSession.From(User);

    /// <summary>Where to go after signing in (e.g. an invitation link): only a path on this site, never another one.</summary>
    public string? ReturnUrl => Request.Query["ReturnUrl"].ToString() is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : null;

    /// <summary>The sign-in or sign-up page that comes back to <see cref="ReturnUrl"/>.</summary>
    public string Keeping(string page) => ReturnUrl is { } url ? page + "?ReturnUrl=" + Uri.EscapeDataString(url) : page;

    public string Value(string name) => Values.TryGetValue(name, out var v) ? v ?? "" : "";

    public bool Checked(string name) => Values.TryGetValue(name, out var v) && v is "true" or "on";

    /// <summary>Keeps every posted field (all values of a repeated one joined by '\n').</summary>
    protected void KeepPostedValues()
    {
        foreach (var (key, value) in Request.Form)
        {
            if (!key.StartsWith("__", StringComparison.Ordinal))
            {
                Values[key] = string.Join('\n', value.Select(v => v ?? ""));
            }
        }
    }

    /// <summary>
    /// A date field as the API takes it (YYYY-MM-DD, what a date picker posts), else null; <paramref name="bad"/> is set
    /// when something else was typed (e.g. 12/03/2026, which one reader takes for March and another for December), so
    /// the page refuses it instead of guessing or silently using the default.
    /// </summary>
    protected DateOnly? PostedDate(string name, ref bool bad)
    {
        if (Posted(name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        bad = true;
        Errors = new Dictionary<string, string[]>(Errors, StringComparer.Ordinal) { [name] = [$"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"] };
        Message = "Please correct the fields marked below.";
        return null;
    }

    protected string? Posted(string name)
    {
        var v = Values.TryGetValue(name, out var s) ? s?.Trim() : null;
        return string.IsNullOrEmpty(v) ? null : v;
    }

    /// <summary>Shows the API's problem on the page, or answers with its status when it is not about the form.</summary>
    protected IActionResult Show(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        switch (problem.Status)
        {
            case 401:
                return RedirectToPage("/Account/Login");
            case 403 when ReadOnly && HttpMethods.IsGet(Request.Method):
                // The client ended the contract: access ended at once; back to the client list.
                PageSession.ChooseDataset(HttpContext, null);
                Notice = problem.Detail;
                return LocalRedirect("/clients");
            case 403:
                return StatusCode(403, problem.Detail ?? "Forbidden");
            case 404:
                return NotFound();
        }

        return OnForm(problem);
    }

    /// <summary>
    /// Where the API's errors go on this page's form (see <see cref="ErrorPlaces"/>): by default each path that is an
    /// input of the form stays on it. A page whose form is laid out otherwise (rows, one box for a list) says how.
    /// </summary>
    protected virtual ErrorPlaces Places => ErrorPlaces.AsNamed;

    /// <summary>Shows the problem on the form: each field's error next to it in the page's words, the rest at the top.</summary>
    protected IActionResult OnForm(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var placed = Places.Place(problem.Errors, Values.ContainsKey);
        Errors = placed.OnFields;
        var elsewhere = string.Join(" ", placed.Elsewhere);
        Message = placed.OnFields.Count > 0 ? ("Please correct the fields marked below. " + elsewhere).TrimEnd()
            : elsewhere.Length > 0 ? elsewhere
            : problem.Detail is { } detail ? ErrorPlaces.Say(detail) : null;
        return Page();
    }

    /// <summary>After an action: on success the notice and a redirect to <paramref name="next"/>, else the problem shown on the reloaded page.</summary>
    protected async Task<IActionResult> AfterAsync<T>(ApiResult<T> result, string notice, string next, Func<Task<IActionResult>> reload)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Problem is not null)
        {
            return await ShowAndReloadAsync(result.Problem, reload);
        }

        Notice = notice;
        return LocalRedirect(next);
    }

    /// <summary>After a failed action: the problem on the page, with the page's data loaded again by <paramref name="reload"/>.</summary>
    protected async Task<IActionResult> ShowAndReloadAsync(Problem problem, Func<Task<IActionResult>> reload)
    {
        ArgumentNullException.ThrowIfNull(reload);
        var shown = Show(problem);
        return shown is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await reload() : shown;
    }

    /// <summary>For pages that only read: an API problem becomes the matching status page.</summary>
    protected IActionResult? Failed<T>(ApiResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Problem is null ? null : Show(result.Problem);
    }
}
