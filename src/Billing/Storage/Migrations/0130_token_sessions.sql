-- Sessions: a signed-in browser renews its API token while it is used (up to a limit counted from sign-in), so a
-- token belongs to a session (a random id shared by the tokens renewed from one sign-in) that keeps its start, and
-- signing out ends every token of the session. Tokens from before count as sessions of their own, started an
-- hour (the default token lifetime) before they expire.
ALTER TABLE tokens ADD COLUMN session_id BIGINT;
ALTER TABLE tokens ADD COLUMN session_started_at BIGINT;
UPDATE tokens SET session_id = id, session_started_at = expires_at - 3600;
CREATE INDEX tokens_session ON tokens(account_id, session_id);
