-- The waitlist of a full group session (issue 16): one row per visitor in line for one occurrence
-- ("<session type>@<start>", as bookings.occurrence). `seq` is the order of joining (first come,
-- first served); a promoted entry points at the booking it became, whose cancel token is the
-- entry's. One visitor (email) waits at most once per occurrence.
CREATE TABLE waitlist (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  mentor_id text NOT NULL,
  occurrence text NOT NULL,
  mentee_id text,
  email text NOT NULL,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'promoted', 'left')),
  cancel_token_hash text NOT NULL,
  booking_id text,
  doc jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX waitlist_line ON waitlist (mentor_id, occurrence, seq) WHERE status = 'waiting';
CREATE UNIQUE INDEX waitlist_once_per_visitor ON waitlist (mentor_id, occurrence, lower(email)) WHERE status = 'waiting';
CREATE INDEX waitlist_mentee ON waitlist (mentee_id) WHERE mentee_id IS NOT NULL
