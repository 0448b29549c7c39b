using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Changes;

/// <summary>
/// Writes a <see cref="ChangePage"/> by splicing each stored document in as raw JSON: the feed's documents
/// were serialized once when written and are never parsed again on the read path.
/// </summary>
public static class ChangePageWriter
{
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText CursorName = JsonEncodedText.Encode("cursor");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText DeletedName = JsonEncodedText.Encode("deleted");
    private static readonly JsonEncodedText CustomerName = JsonEncodedText.Encode("customer");
    private static readonly JsonEncodedText InvoiceName = JsonEncodedText.Encode("invoice");
    private static readonly JsonEncodedText PaymentName = JsonEncodedText.Encode("payment");
    private static readonly JsonEncodedText NextName = JsonEncodedText.Encode("next");
    private static readonly JsonEncodedText HasMoreName = JsonEncodedText.Encode("hasMore");

    public static async Task WriteAsync(PipeWriter output, IReadOnlyList<FeedRow> rows, string next, bool hasMore, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        using (var json = new Utf8JsonWriter((IBufferWriter<byte>)output, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray(Items);
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString(CursorName, Feed.Cursor(row.Seq));
                json.WriteString(KindName, row.Kind);
                json.WriteString(IdName, row.RecordId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteNumber(VersionName, row.Version);
                json.WriteBoolean(DeletedName, row.Deleted != 0);
                WriteDocument(json, CustomerName, row, ChangeKinds.Customer);
                WriteDocument(json, InvoiceName, row, ChangeKinds.Invoice);
                WriteDocument(json, PaymentName, row, ChangeKinds.Payment);
                json.WriteEndObject();
                if (json.BytesPending > 32 * 1024)
                {
                    await json.FlushAsync(cancel).ConfigureAwait(false);
                    await output.FlushAsync(cancel).ConfigureAwait(false);
                }
            }

            json.WriteEndArray();
            json.WriteString(NextName, next);
            json.WriteBoolean(HasMoreName, hasMore);
            json.WriteEndObject();
        }

        await output.FlushAsync(cancel).ConfigureAwait(false);
    }

    private static void WriteDocument(Utf8JsonWriter json, JsonEncodedText name, FeedRow row, string kind)
    {
        json.WritePropertyName(name);
        if (row.Kind == kind)
        {
            json.WriteRawValue(row.Doc, skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
