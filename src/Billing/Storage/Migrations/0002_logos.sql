-- The profile's logo (SPEC 1.1: at most 1 MB); $blob$ is the dialect's binary type.
CREATE TABLE logos (
  account_id BIGINT PRIMARY KEY REFERENCES accounts(id),
  content_type TEXT NOT NULL,
  image $blob$ NOT NULL
);
