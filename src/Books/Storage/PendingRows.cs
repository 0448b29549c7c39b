using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BillingBooks.Books.Storage;

/// <summary>
/// Rows of one table waiting to be inserted. They are written a thousand at a time as ONE JSON array parameter
/// unpacked by SQLite's json_each: posting many entries then costs a few statements per thousand entries instead of
/// several per entry, and one bound parameter instead of thousands (binding by name is what costs most otherwise).
/// The scope flushes before any query, whenever an extension takes the connection, and before commit, so nothing
/// ever reads around the queued rows.
/// </summary>
internal sealed class PendingRows
{
    private const int RowsPerStatement = 1024;

    private readonly string _sql;
    private readonly int _columns;
    private readonly List<object?> _values = [];
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <param name="insert">"INSERT INTO table (a, b, c)"</param>
    /// <param name="suffix">appended after the SELECT, e.g. an ON CONFLICT clause</param>
    public PendingRows(string insert, int columns, string suffix = "")
    {
        _columns = columns;
        var select = string.Join(", ", Enumerable.Range(0, columns).Select(c => "value ->> " + c.ToString(CultureInfo.InvariantCulture)));
        // "WHERE true" lets an upsert clause follow a SELECT unambiguously (SQLite's documented form).
        _sql = $"{insert} SELECT {select} FROM json_each($rows) WHERE true{suffix}";
    }

    public bool IsEmpty => _values.Count == 0;

    public void Add(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _columns)
        {
            throw new ArgumentException($"Rows have {_columns} values, not {values.Length}.", nameof(values));
        }

        foreach (var value in values)
        {
            _values.Add(value);
        }
    }

    public void Flush(BooksRead scope)
    {
        var rows = _values.Count / _columns;
        var command = scope.Prepared(_sql, "$rows");
        for (var first = 0; first < rows; first += RowsPerStatement)
        {
            command.Parameters[0].Value = Json(first, Math.Min(RowsPerStatement, rows - first));
            command.ExecuteNonQuery();
        }

        _values.Clear();
    }

    private string Json(int first, int count)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartArray();
            for (var row = first; row < first + count; row++)
            {
                json.WriteStartArray();
                for (var column = 0; column < _columns; column++)
                {
                    switch (_values[(row * _columns) + column])
                    {
                        case null:
                            json.WriteNullValue();
                            break;
                        case long number:
                            json.WriteNumberValue(number);
                            break;
                        case int number:
                            json.WriteNumberValue(number);
                            break;
                        case string text:
                            json.WriteStringValue(text);
                            break;
                        case var other:
                            throw new InvalidOperationException($"Bug: {other.GetType().Name} is not a column value here.");
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
