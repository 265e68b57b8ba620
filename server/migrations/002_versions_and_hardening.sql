-- Issue 15: versions against lost updates, a catalog revision every process checks, and
-- idempotency records that hold no secret and expire.

-- Every change of a session bumps its version (ETag / If-Match).
ALTER TABLE sessions ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);

-- Bookings are changed in place too (cancel, reschedule).
ALTER TABLE bookings ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);

-- Each admin change bumps the revision, so every server process sees the change.
ALTER TABLE catalog ADD COLUMN revision bigint NOT NULL DEFAULT 1;

-- The old table held responses with plaintext cancel tokens and one scope for all visitors.
DROP TABLE idempotency_keys;
CREATE TABLE idempotency_keys (
  -- sha256 of the caller (mentee id, or a fingerprint of an anonymous request) and the key
  key_hash text PRIMARY KEY,
  request_hash text NOT NULL,
  status integer NOT NULL,
  -- the response without its cancel token (it is derived again on a replay)
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
