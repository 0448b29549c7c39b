-- The customer's secret links to emailed invoices: only the SHA-256 of each token is kept.
CREATE TABLE invoice_links (
  token_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  created_at TEXT NOT NULL
);
CREATE INDEX invoice_links_invoice ON invoice_links(account_id, invoice_id);
