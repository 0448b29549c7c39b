namespace BillingBooks.Billing.Web;

/// <summary>Collects every field error of a request so the client sees them all at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
        {
            list = [];
            _errors[path] = list;
        }

        list.Add(message);
    }

    public void MaxLength(string path, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(path, $"at most {max} characters ({value.Length} given)");
        }
    }

    public InvalidInput ToError() => new(_errors.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
}
