-- The feed item of each imported version moves out of sync_source into its own table. In sync_source (WITHOUT
-- ROWID, keyed by dataset, kind and record id) a kilobyte of JSON per row left three rows to a page: the source
-- references of a 1,000,000-record import took most of the file and every insert rewrote big pages. Appended to a
-- rowid table the payloads fill their pages, and sync_source stays a small index of what was imported.
CREATE TABLE sync_payload (
    id      INTEGER PRIMARY KEY,
    payload TEXT    NOT NULL
);
ALTER TABLE sync_source ADD COLUMN payload_id INTEGER REFERENCES sync_payload (id);
INSERT INTO sync_payload (id, payload)
    SELECT row_number() OVER (ORDER BY dataset, kind, record_id, version), payload FROM sync_source;
UPDATE sync_source SET payload_id = n.id
FROM (SELECT dataset, kind, record_id, version, row_number() OVER (ORDER BY dataset, kind, record_id, version) AS id FROM sync_source) AS n
WHERE n.dataset = sync_source.dataset AND n.kind = sync_source.kind AND n.record_id = sync_source.record_id AND n.version = sync_source.version;
ALTER TABLE sync_source DROP COLUMN payload;
