-- Synchronize with Billing (Books.Sync owns scripts 0100-0199).

-- The Synchronization Setup and where the feed stands: one row. The password is never stored.
-- email is locked (it cannot change) once first_synced_at is set.
CREATE TABLE sync_settings (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    server                  TEXT,
    email                   TEXT,
    last_email              TEXT,
    mode                    TEXT    NOT NULL DEFAULT 'own' CHECK (mode IN ('own', 'client')),
    client_email            TEXT,
    track_sales             INTEGER REFERENCES account (number),
    track_payments          INTEGER REFERENCES account (number),
    paypal_account          INTEGER REFERENCES account (number),
    other_payments_account  INTEGER REFERENCES account (number),
    dataset                 TEXT,
    cursor                  TEXT,
    first_synced_at         TEXT,
    last_synced_at          TEXT
);
INSERT INTO sync_settings (id) VALUES (1);

-- One row per imported version of a Billing record: (dataset, kind, record_id, version) is the source
-- reference and is UNIQUE, so no version is ever posted twice. books_id: the Books customer id, or the
-- entry id of the sale/receipt posted for this version (NULL for a tombstone or a void that posted
-- nothing); reversal_id: the entry that reversed it. payload: the feed item as imported (JSON), so a
-- receipt can be re-posted after the invoice it pays is adjusted.
CREATE TABLE sync_source (
    dataset     TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('customer', 'invoice', 'payment')),
    record_id   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    books_id    INTEGER,
    reversal_id INTEGER REFERENCES entry (id),
    deleted     INTEGER NOT NULL DEFAULT 0,
    payload     TEXT    NOT NULL,
    imported_at TEXT    NOT NULL,
    PRIMARY KEY (dataset, kind, record_id, version)
) WITHOUT ROWID;
CREATE INDEX sync_source_entry ON sync_source (books_id);

-- Records that could not be imported yet (SPEC 3.4), with the payload to retry and the fix to show.
-- position: the feed cursor where the record was seen, so conflicts are retried in feed order.
CREATE TABLE sync_conflict (
    dataset     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    record_id   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    label       TEXT    NOT NULL,
    problem     TEXT    NOT NULL,
    fix         TEXT,
    waits_for   TEXT,
    customer_id TEXT,
    currency    TEXT,
    position    TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    payload     TEXT    NOT NULL,
    first_seen  TEXT    NOT NULL,
    last_tried  TEXT    NOT NULL,
    PRIMARY KEY (dataset, kind, record_id)
) WITHOUT ROWID;
CREATE INDEX sync_conflict_seq ON sync_conflict (seq);
CREATE INDEX sync_conflict_waits ON sync_conflict (waits_for) WHERE waits_for IS NOT NULL;

-- What the company's setup looked like when the conflicts were last retried (a hash): when nothing a
-- conflict depends on changed, retrying them all again cannot succeed, so a run skips it.
ALTER TABLE sync_settings ADD COLUMN conflicts_tried_with TEXT;
