-- Running totals of the imported invoices for the end-of-run reconciliation (SPEC 3.5), so a sync compares
-- a few rows instead of aggregating every imported invoice. They are kept by triggers, in the same transaction
-- as whatever changes an invoice, its taxes or its source reference - the sync, the engine (receipts change
-- owing, reversals), or anything else that writes the file - so they always equal what the tables add up to:
--   imported invoice = an invoice not reversed whose entry is the books_id of an 'invoice' row of sync_source.
-- sync_customer_total.changed marks the customers whose figures moved since the last reconciliation.

CREATE TABLE sync_customer_total (
    customer_id INTEGER NOT NULL,
    currency    TEXT    NOT NULL,
    invoiced    INTEGER NOT NULL,
    owing       INTEGER NOT NULL,
    changed     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (customer_id, currency)
) WITHOUT ROWID;
CREATE INDEX sync_customer_total_changed ON sync_customer_total (customer_id) WHERE changed = 1;

CREATE TABLE sync_currency_total (
    currency    TEXT    NOT NULL PRIMARY KEY,
    invoiced    INTEGER NOT NULL,
    owing       INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_tax_total (
    currency    TEXT    NOT NULL,
    tax_id      INTEGER NOT NULL,
    amount      INTEGER NOT NULL,
    PRIMARY KEY (currency, tax_id)
) WITHOUT ROWID;

-- The Billing customers (ids) that differed at the last reconciliation: compared again at every run until
-- they agree. reconciled_through: Billing's cursor at the last reconciliation (NULL: compare everything).
CREATE TABLE sync_difference (
    customer    TEXT    NOT NULL PRIMARY KEY
) WITHOUT ROWID;
ALTER TABLE sync_settings ADD COLUMN reconciled_through TEXT;

-- The conflicts that explain a difference are looked up by customer and currency.
CREATE INDEX sync_conflict_customer ON sync_conflict (customer_id, seq);
CREATE INDEX sync_conflict_currency ON sync_conflict (currency, seq);

-- Existing files: the totals of what is imported already.
INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
    SELECT customer_id, currency, SUM(total), SUM(owing), 1 FROM invoice i
    WHERE reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = i.entry_id AND s.kind = 'invoice') GROUP BY customer_id, currency;
INSERT INTO sync_currency_total (currency, invoiced, owing)
    SELECT currency, SUM(total), SUM(owing) FROM invoice i
    WHERE reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = i.entry_id AND s.kind = 'invoice') GROUP BY currency;
INSERT INTO sync_tax_total (currency, tax_id, amount)
    SELECT i.currency, it.tax_id, SUM(it.amount) FROM invoice_tax it JOIN invoice i ON i.entry_id = it.entry_id
    WHERE i.reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = i.entry_id AND s.kind = 'invoice') GROUP BY i.currency, it.tax_id;

-- An invoice row: inserted (with any tax rows already written), changed (owing moves with every receipt; reversed), deleted.
CREATE TRIGGER sync_total_invoice_insert AFTER INSERT ON invoice
WHEN NEW.reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = NEW.entry_id AND s.kind = 'invoice')
BEGIN
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT NEW.customer_id, NEW.currency, NEW.total, NEW.owing, 1 WHERE 1
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT NEW.currency, NEW.total, NEW.owing WHERE 1
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT NEW.currency, tax_id, amount FROM invoice_tax WHERE entry_id = NEW.entry_id
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sync_total_invoice_update AFTER UPDATE OF customer_id, currency, total, owing, reversed ON invoice
WHEN EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = NEW.entry_id AND s.kind = 'invoice')
BEGIN
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT OLD.customer_id, OLD.currency, -OLD.total, -OLD.owing, 1 WHERE OLD.reversed = 0
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT OLD.currency, -OLD.total, -OLD.owing WHERE OLD.reversed = 0
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT NEW.customer_id, NEW.currency, NEW.total, NEW.owing, 1 WHERE NEW.reversed = 0
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT NEW.currency, NEW.total, NEW.owing WHERE NEW.reversed = 0
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
END;

CREATE TRIGGER sync_total_invoice_taxes AFTER UPDATE OF currency, reversed ON invoice
WHEN (OLD.currency IS NOT NEW.currency OR OLD.reversed IS NOT NEW.reversed) AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = NEW.entry_id AND s.kind = 'invoice')
BEGIN
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT OLD.currency, tax_id, -amount FROM invoice_tax WHERE entry_id = OLD.entry_id AND OLD.reversed = 0
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT NEW.currency, tax_id, amount FROM invoice_tax WHERE entry_id = NEW.entry_id AND NEW.reversed = 0
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sync_total_invoice_delete AFTER DELETE ON invoice
WHEN OLD.reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = OLD.entry_id AND s.kind = 'invoice')
BEGIN
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT OLD.customer_id, OLD.currency, -OLD.total, -OLD.owing, 1 WHERE 1
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT OLD.currency, -OLD.total, -OLD.owing WHERE 1
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT OLD.currency, tax_id, -amount FROM invoice_tax WHERE entry_id = OLD.entry_id AND 1
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

-- A tax row of an invoice.
CREATE TRIGGER sync_total_tax_insert AFTER INSERT ON invoice_tax
BEGIN
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT currency, NEW.tax_id, NEW.amount FROM invoice WHERE entry_id = NEW.entry_id AND reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = NEW.entry_id AND s.kind = 'invoice')
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sync_total_tax_update AFTER UPDATE OF entry_id, tax_id, amount ON invoice_tax
BEGIN
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT currency, OLD.tax_id, -OLD.amount FROM invoice WHERE entry_id = OLD.entry_id AND reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = OLD.entry_id AND s.kind = 'invoice')
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT currency, NEW.tax_id, NEW.amount FROM invoice WHERE entry_id = NEW.entry_id AND reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = NEW.entry_id AND s.kind = 'invoice')
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sync_total_tax_delete AFTER DELETE ON invoice_tax
BEGIN
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT currency, OLD.tax_id, -OLD.amount FROM invoice WHERE entry_id = OLD.entry_id AND reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.books_id = OLD.entry_id AND s.kind = 'invoice')
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

-- A source reference: an entry becomes an imported invoice with its first 'invoice' row, and stops being one
-- with its last.
CREATE TRIGGER sync_total_source_insert AFTER INSERT ON sync_source
WHEN NEW.kind = 'invoice' AND NEW.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = NEW.books_id AND o.kind = 'invoice' AND NOT (o.dataset = NEW.dataset AND o.record_id = NEW.record_id AND o.version = NEW.version))
BEGIN
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT customer_id, currency, total, owing, 1 FROM invoice WHERE entry_id = NEW.books_id AND reversed = 0 AND 1
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT currency, total, owing FROM invoice WHERE entry_id = NEW.books_id AND reversed = 0 AND 1
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT i.currency, it.tax_id, it.amount FROM invoice_tax it JOIN invoice i ON i.entry_id = it.entry_id WHERE it.entry_id = NEW.books_id AND i.reversed = 0 AND 1
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sync_total_source_delete AFTER DELETE ON sync_source
WHEN OLD.kind = 'invoice' AND OLD.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = OLD.books_id AND o.kind = 'invoice')
BEGIN
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT customer_id, currency, -total, -owing, 1 FROM invoice WHERE entry_id = OLD.books_id AND reversed = 0 AND 1
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT currency, -total, -owing FROM invoice WHERE entry_id = OLD.books_id AND reversed = 0 AND 1
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT i.currency, it.tax_id, -it.amount FROM invoice_tax it JOIN invoice i ON i.entry_id = it.entry_id WHERE it.entry_id = OLD.books_id AND i.reversed = 0 AND 1
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER sync_total_source_update AFTER UPDATE OF books_id, kind ON sync_source
WHEN OLD.books_id IS NOT NEW.books_id OR OLD.kind IS NOT NEW.kind
BEGIN
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT customer_id, currency, -total, -owing, 1 FROM invoice WHERE entry_id = OLD.books_id AND reversed = 0 AND OLD.kind = 'invoice' AND OLD.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = OLD.books_id AND o.kind = 'invoice')
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT currency, -total, -owing FROM invoice WHERE entry_id = OLD.books_id AND reversed = 0 AND OLD.kind = 'invoice' AND OLD.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = OLD.books_id AND o.kind = 'invoice')
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT i.currency, it.tax_id, -it.amount FROM invoice_tax it JOIN invoice i ON i.entry_id = it.entry_id WHERE it.entry_id = OLD.books_id AND i.reversed = 0 AND OLD.kind = 'invoice' AND OLD.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = OLD.books_id AND o.kind = 'invoice')
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
    INSERT INTO sync_customer_total (customer_id, currency, invoiced, owing, changed)
        SELECT customer_id, currency, total, owing, 1 FROM invoice WHERE entry_id = NEW.books_id AND reversed = 0 AND NEW.kind = 'invoice' AND NEW.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = NEW.books_id AND o.kind = 'invoice' AND NOT (o.dataset = NEW.dataset AND o.record_id = NEW.record_id AND o.version = NEW.version))
        ON CONFLICT (customer_id, currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing, changed = 1;
    INSERT INTO sync_currency_total (currency, invoiced, owing)
        SELECT currency, total, owing FROM invoice WHERE entry_id = NEW.books_id AND reversed = 0 AND NEW.kind = 'invoice' AND NEW.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = NEW.books_id AND o.kind = 'invoice' AND NOT (o.dataset = NEW.dataset AND o.record_id = NEW.record_id AND o.version = NEW.version))
        ON CONFLICT (currency) DO UPDATE SET invoiced = invoiced + excluded.invoiced, owing = owing + excluded.owing;
    INSERT INTO sync_tax_total (currency, tax_id, amount)
        SELECT i.currency, it.tax_id, it.amount FROM invoice_tax it JOIN invoice i ON i.entry_id = it.entry_id WHERE it.entry_id = NEW.books_id AND i.reversed = 0 AND NEW.kind = 'invoice' AND NEW.books_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_source o WHERE o.books_id = NEW.books_id AND o.kind = 'invoice' AND NOT (o.dataset = NEW.dataset AND o.record_id = NEW.record_id AND o.version = NEW.version))
        ON CONFLICT (currency, tax_id) DO UPDATE SET amount = amount + excluded.amount;
END;

-- Records waiting for something the feed brings later - a payment for its invoice, an invoice or payment for
-- its customer (a customer changed after its invoices comes after them in the feed) - are marked ready, in the
-- same transaction, when that arrives, so the end of a run retries those, not every conflict (there may be
-- very many; a new customer no longer changes the setup stamp that makes a run retry them all).
ALTER TABLE sync_conflict ADD COLUMN ready INTEGER NOT NULL DEFAULT 0;
UPDATE sync_conflict SET ready = 1 WHERE waits_for IS NOT NULL;
CREATE INDEX sync_conflict_ready ON sync_conflict (seq) WHERE ready = 1;

CREATE TRIGGER sync_waiting_invoice_posted AFTER INSERT ON sync_source
WHEN NEW.kind = 'invoice' AND NEW.books_id IS NOT NULL AND NEW.reversal_id IS NULL AND NEW.deleted = 0
BEGIN
    UPDATE sync_conflict SET ready = 1 WHERE waits_for = NEW.record_id AND dataset = NEW.dataset AND ready = 0;
END;

CREATE TRIGGER sync_waiting_invoice_reposted AFTER UPDATE OF books_id, reversal_id, deleted ON sync_source
WHEN NEW.kind = 'invoice' AND NEW.books_id IS NOT NULL AND NEW.reversal_id IS NULL AND NEW.deleted = 0
BEGIN
    UPDATE sync_conflict SET ready = 1 WHERE waits_for = NEW.record_id AND dataset = NEW.dataset AND ready = 0;
END;

-- How many records are in conflict, kept as they come and go: counting them all at every run would cost as
-- much as the account is large (an upsert that updates a conflict inserts nothing: it is not counted twice).
ALTER TABLE sync_settings ADD COLUMN conflict_count INTEGER NOT NULL DEFAULT 0;
UPDATE sync_settings SET conflict_count = (SELECT COUNT(*) FROM sync_conflict);

CREATE TRIGGER sync_conflict_counted AFTER INSERT ON sync_conflict
BEGIN
    UPDATE sync_settings SET conflict_count = conflict_count + 1 WHERE id = 1;
END;

CREATE TRIGGER sync_conflict_uncounted AFTER DELETE ON sync_conflict
BEGIN
    UPDATE sync_settings SET conflict_count = conflict_count - 1 WHERE id = 1;
END;

CREATE TRIGGER sync_waiting_customer_imported AFTER INSERT ON sync_source
WHEN NEW.kind = 'customer' AND NOT EXISTS (
    SELECT 1 FROM sync_source o WHERE o.dataset = NEW.dataset AND o.kind = 'customer' AND o.record_id = NEW.record_id AND o.version <> NEW.version)
BEGIN
    UPDATE sync_conflict SET ready = 1 WHERE customer_id = NEW.record_id AND dataset = NEW.dataset AND ready = 0;
END;
