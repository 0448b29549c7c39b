using BillingBooks.Billing.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace BillingBooks.Billing.Tests.Email;

/// <summary>
/// Without --smtp, mail is written to a folder: messages sent within the same second (always, on a clock that holds
/// still) are named in the order they were sent, as the file system's write times may be equal for them.
/// </summary>
public sealed class MailFolderTests
{
    [Fact]
    public async Task Messages_sent_in_the_same_second_are_named_in_the_order_they_were_sent()
    {
        var folder = Directory.CreateTempSubdirectory("billing-mail-order-");
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
            var mailer = new Mailer(new MailOptions(null, 25, null, null, folder.FullName, "billing@example.test"), NullLogger<Mailer>.Instance, clock);
            for (var i = 0; i < 12; i++)
            {
                using var message = new MimeMessage([MailboxAddress.Parse("billing@example.test")], [MailboxAddress.Parse("ann@example.com")], $"Message {i}", new TextPart("plain") { Text = "Hello" });
                Assert.Null(await mailer.SendAsync(message, CancellationToken.None));
            }

            var subjects = new List<string>();
            foreach (var file in Directory.GetFiles(folder.FullName, "*.eml").Order(StringComparer.Ordinal))
            {
                subjects.Add((await MimeMessage.LoadAsync(file)).Subject ?? "");
            }

            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Message {i}"), subjects);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
