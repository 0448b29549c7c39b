namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>One run of `books`: what it printed and how it exited.</summary>
public sealed record CliRun(string CommandLine, int ExitCode, string Stdout, string Stderr);
