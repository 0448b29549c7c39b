using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BillingBooks.Billing.Contracts;

namespace BillingBooks.Books.Sync.Client;

/// <summary>
/// How a page of the change feed is read: as <see cref="SyncClient.Json"/>, except that every field the contract does
/// not allow to be null must be there (Billing writes every field, nulls included): a missing "deleted" would read as
/// false, a missing date as 0001-01-01. When a page cannot be read (a field missing, of another type, a date that is
/// none), <see cref="Describe"/> names the item and the field the way <see cref="FeedItems"/> does. Only pages are read
/// so: what the sync stored itself is read as it was written.
/// </summary>
internal static class FeedJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(SyncClient.Json)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequireNonNullable } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void RequireNonNullable(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
        {
            if (!property.IsSetNullable) property.IsRequired = true;
        }
    }

    /// <summary>What a page that failed to deserialize got wrong: the item and the field when it lies in an item.</summary>
    public static string Describe(byte[] body, JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var fallback = "not JSON: " + error.Message;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return fallback; // not JSON at all (cut short, say): the reader's own words
        }

        if (Steps(error.Path) is not { } steps || Walk(root, steps) is not { } found) return fallback;
        var (node, present, type) = found;
        // A field the contract requires that is not there: the reader names the object that lacks it; name the field.
        if (node is JsonObject lacking && type.Kind == JsonTypeInfoKind.Object
            && type.Properties.FirstOrDefault(p => p.IsRequired && !lacking.ContainsKey(p.Name)) is { } required)
        {
            steps.Add(required.Name);
            (node, present) = (null, false);
        }

        var (who, field) = Who(root, steps);
        if (field.Length == 0) return $"{who} is not a feed item";
        return node is null || !present ? $"{who} {FieldProblems.Without(field)}" : $"{who} has an unreadable {field} {Shown(node)}";
    }

    /// <summary>"$.items[3].invoice.lines[0]" as "items", 3, "invoice", "lines", 0; null for a path written otherwise.</summary>
    private static List<object>? Steps(string? path)
    {
        if (path is null || !path.StartsWith('$')) return null;
        var steps = new List<object>();
        for (var at = 1; at < path.Length;)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                if (end < 0) end = path.Length;
                steps.Add(path[(at + 1)..end]);
                at = end;
            }
            else if (path[at] == '[' && path.IndexOf(']', at) is var close and > 0
                && int.TryParse(path[(at + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                steps.Add(index);
                at = close + 1;
            }
            else
            {
                return null; // a quoted name ($['odd name']): no field of the feed is named so
            }
        }
        return steps;
    }

    /// <summary>The node at the steps (null when null or not there) and the contract's type there; null when the steps lead nowhere.</summary>
    private static (JsonNode? Node, bool Present, JsonTypeInfo Type)? Walk(JsonNode? root, List<object> steps)
    {
        var node = root;
        var present = true;
        var type = Options.GetTypeInfo(typeof(ChangePage));
        foreach (var step in steps)
        {
            if (step is int index)
            {
                if (type.ElementType is not { } element) return null;
                type = Options.GetTypeInfo(element);
                present = node is JsonArray list && index < list.Count;
                node = present ? node![index] : null;
            }
            else
            {
                var name = (string)step;
                if (type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is not { } property) return null;
                type = Options.GetTypeInfo(property.PropertyType);
                present = node is JsonObject o && o.TryGetPropertyValue(name, out node);
                if (!present) node = null;
            }
        }
        return (node, present, type);
    }

    /// <summary>
    /// Who the steps lie in ("the change feed's invoice 12 version 2", "item 3 of a page of the change feed", "a page of
    /// the change feed") and the field within it ("lines[0].taxes", record fields named without the record's own name).
    /// </summary>
    private static (string Who, string Field) Who(JsonNode? root, List<object> steps)
    {
        if (steps is not ["items", int index, ..]) return ("a page of the change feed", Field(steps));
        var item = root?["items"] is JsonArray items && index < items.Count ? items[index] as JsonObject : null;
        var (kind, id, version) = (Text(item?["kind"]), Text(item?["id"]), Text(item?["version"]));
        var who = kind is null || id is null ? $"item {index + 1} of a page of the change feed" : $"the change feed's {kind} {id} version {version ?? "(none)"}";
        var within = steps.Skip(2).ToList();
        // "invoice.total" is the invoice's total; "invoice" alone is the record itself.
        if (within is [string record, _, ..] && string.Equals(record, kind, StringComparison.Ordinal)) within.RemoveAt(0);
        return (who, Field(within));
    }

    private static string Field(IEnumerable<object> steps) =>
        string.Concat(steps.Select(s => s is int i ? $"[{i.ToString(CultureInfo.InvariantCulture)}]" : "." + s)).TrimStart('.');

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => FieldProblems.Clip(value.GetValue<string>()),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static string Shown(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? $"'{FieldProblems.Clip(text)}'" : FieldProblems.Clip(node.ToJsonString());
}
