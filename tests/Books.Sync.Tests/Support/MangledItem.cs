using System.Text.Json.Nodes;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>
/// A <see cref="FaultProxy.Rewrite"/> that changes the first feed item of a kind found on a page after the first, and
/// that same item each time its page is fetched again (as a faulty Billing would send it every time).
/// </summary>
public sealed class MangledItem(string kind, Action<JsonObject> mangle)
{
    public string? Id { get; private set; }

    public int Version { get; private set; }

    /// <summary>The cursor the page holding the mangled item was asked after.</summary>
    public string? After { get; private set; }

    public byte[] From(string pathAndQuery, byte[] body)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://billing/"), pathAndQuery).Query);
        if (!pathAndQuery.Contains("/changes", StringComparison.Ordinal) || query["after"] is not { } after) return body;
        var page = JsonNode.Parse(body)!;
        foreach (var item in page["items"]!.AsArray())
        {
            if ((string?)item!["kind"] != kind || (Id is not null && (string?)item["id"] != Id)) continue;
            Id = (string)item["id"]!;
            Version = (int)item["version"]!;
            After = after;
            mangle(item.AsObject());
            return System.Text.Encoding.UTF8.GetBytes(page.ToJsonString());
        }
        return body;
    }

    /// <summary>
    /// Sets the value at <paramref name="path"/> ("invoice.lines[0].taxes[1]", relative to the item) to the JSON
    /// <paramref name="json"/>, or removes the property when <paramref name="json"/> is null.
    /// </summary>
    public static Action<JsonObject> Set(string path, string? json) => item =>
    {
        var steps = Steps(path);
        JsonNode parent = item;
        foreach (var step in steps[..^1]) parent = (step is int index ? parent[index] : parent[(string)step])!;
        var value = json is null ? null : JsonNode.Parse(json);
        switch (steps[^1])
        {
            case int index:
                parent[index] = value;
                break;
            case string name when json is null:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent[name] = value;
                break;
        }
    };

    /// <summary>"lines[0].taxes" as "lines", 0, "taxes".</summary>
    public static object[] Steps(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            for (var at = bracket; at >= 0; at = part.IndexOf('[', at + 1))
                steps.Add(int.Parse(part[(at + 1)..part.IndexOf(']', at)], System.Globalization.CultureInfo.InvariantCulture));
        }
        return [.. steps];
    }
}
