-- The customer's secret links (only the SHA-256 of each token is kept) and the profile's logo (base64 text so
-- both dialects store it the same way; at most 1 MB of PNG or JPEG before encoding).
CREATE TABLE invoice_links (
  token_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  created_at TEXT NOT NULL
);
CREATE INDEX invoice_links_invoice ON invoice_links(account_id, invoice_id);

CREATE TABLE account_logos (
  account_id BIGINT PRIMARY KEY REFERENCES accounts(id),
  content_type TEXT NOT NULL,
  data TEXT NOT NULL
);
