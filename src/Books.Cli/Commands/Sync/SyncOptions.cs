using System.CommandLine;
using BillingBooks.Books.Sync;
using BillingBooks.Books.Sync.Storage;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>The Synchronization Setup flags, shared by `sync` and `settings billing-sync`.</summary>
internal sealed class SyncOptions
{
    public Option<string?> Server { get; } = new("--server") { Description = "Billing's base address, http:// or https://, e.g. https://billing.example (default http://127.0.0.1:5080).", HelpName = "URL" };

    public Option<string?> Email { get; } = new("--email") { Description = "The Billing login (your own, or in bookkeeper mode the bookkeeper's). Locked after the first successful sync.", HelpName = "EMAIL" };

    public Option<string?> ClientEmail { get; } = new("--client-email") { Description = "I'm a bookkeeper: the email of the client whose books to import (needs an active bookkeeper contract).", HelpName = "EMAIL" };

    public Option<bool> MyAccount { get; } = new("--my-account") { Description = "Import the login's own account (not a client's)." };

    public Option<int?> TrackSales { get; } = new("--track-sales") { Description = "Revenue account for customers without a default revenue account (shown, not changeable, when Default Revenue is linked).", HelpName = "ACCOUNT" };

    public Option<int?> TrackPayments { get; } = new("--track-payments") { Description = "Asset account for payments in cash or by cheque (e.g. 1060).", HelpName = "ACCOUNT" };

    public Option<int?> PayPalAccount { get; } = new("--paypal-account") { Description = "Asset account for PayPal payments.", HelpName = "ACCOUNT" };

    public Option<int?> OtherPaymentsAccount { get; } = new("--other-payments-account") { Description = "Asset account for payments by other methods.", HelpName = "ACCOUNT" };

    public static Option<string> Format() => new("--format")
    {
        Description = "table (default) or json.",
        HelpName = "table|json",
        DefaultValueFactory = _ => "table",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value.ToLowerInvariant();
            if (text is "table" or "json") return text;
            result.AddError($"--format: '{text}' is not a format here; use table or json");
            return "table";
        },
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Server, Email, ClientEmail, MyAccount, TrackSales, TrackPayments, PayPalAccount, OtherPaymentsAccount })
            command.Options.Add(option);
    }

    public SetupAnswers Answers(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var client = parsed.GetValue(ClientEmail);
        SyncMode? mode = parsed.GetValue(MyAccount) ? SyncMode.Own : client is not null ? SyncMode.Client : null;
        return new SetupAnswers(parsed.GetValue(Server), parsed.GetValue(Email), mode, client, parsed.GetValue(TrackSales),
            parsed.GetValue(TrackPayments), parsed.GetValue(PayPalAccount), parsed.GetValue(OtherPaymentsAccount));
    }
}
