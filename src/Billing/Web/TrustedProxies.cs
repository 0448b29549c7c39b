using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BillingBooks.Billing.Web;

/// <summary>
/// Which callers may say who the client is (X-Forwarded-For), which scheme it used (X-Forwarded-Proto) and which
/// host it asked for (X-Forwarded-Host): <c>--trusted-proxy ADDRESS|NETWORK/PREFIX</c>, repeatable or
/// comma-separated; by default only loopback (a proxy on this host). The client is the right-most address that no
/// trusted proxy vouches for, never the first entry, which the client writes itself.
/// </summary>
public static class TrustedProxies
{
    public const string Option = "--trusted-proxy";

    /// <summary>The options; a value that is no address or network is added to <paramref name="errors"/>.</summary>
    public static ForwardedHeadersOptions Read(IReadOnlyList<string> args, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            // Walk back through every trusted hop, not just one.
            ForwardLimit = null,
        };
        var configured = Values(args).ToList();
        if (configured.Count == 0)
        {
            return options; // ASP.NET Core's defaults: 127.0.0.0/8 and ::1.
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var value in configured)
        {
            if (value.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(value, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(value, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                errors.Add(new CommandLineError(
                    $"{Option} '{value}' is not an IP address or network; write it like {Option} 10.0.0.5 or {Option} 10.0.0.0/24 (repeat the option for more)."));
            }
        }

        return options;
    }

    private static IEnumerable<string> Values(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] == Option && i + 1 < args.Count ? args[++i]
                : args[i].StartsWith(Option + "=", StringComparison.Ordinal) ? args[i][(Option.Length + 1)..]
                : null;
            foreach (var part in value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
            {
                yield return part;
            }
        }
    }
}
