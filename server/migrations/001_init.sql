-- mentorship-kit reference server: the whole schema. Runs unchanged on PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bookings (
  id text PRIMARY KEY,
  mentor_id text NOT NULL,
  mentee_id text,
  status text NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
  -- The time the mentor is busy: the session widened by the mentor's buffers.
  blocked tstzrange NOT NULL,
  start_at timestamptz NOT NULL,
  cancel_token_hash text NOT NULL,
  doc jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The database itself forbids double booking: no two confirmed bookings of one mentor overlap.
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (mentor_id WITH =, blocked WITH &&) WHERE (status = 'confirmed')
);
CREATE INDEX bookings_mentee ON bookings (mentee_id, start_at);

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  mentee_id text NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_mentee ON sessions (mentee_id, id);

CREATE TABLE catalog (
  id integer PRIMARY KEY CHECK (id = 1),
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
