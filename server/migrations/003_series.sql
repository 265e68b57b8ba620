-- Recurring series (issue 16): one row per series; its bookings point at it. A visitor's cancel
-- token for the series (its hash here) also cancels each of its bookings.
CREATE TABLE series (
  id text PRIMARY KEY,
  mentor_id text NOT NULL,
  mentee_id text,
  cancel_token_hash text NOT NULL,
  doc jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE bookings ADD COLUMN series_id text REFERENCES series (id);
CREATE INDEX bookings_series ON bookings (series_id, start_at) WHERE series_id IS NOT NULL
