-- The secret of the link mailed with a bookkeeper invitation (only its SHA-256) and until when it works (unix
-- seconds). Both are cleared when the invitation leaves 'pending', so a link works once. Invitations pending
-- from before have no link: the client withdraws them and invites again.
ALTER TABLE invitations ADD COLUMN token_hash TEXT;
ALTER TABLE invitations ADD COLUMN token_expires_at BIGINT;
CREATE UNIQUE INDEX invitations_token ON invitations(token_hash);
