-- Expired tokens are deleted a day after they expire (Accounts/ExpiredTokens.cs): found by their expiry.
CREATE INDEX tokens_expiry ON tokens(expires_at);
