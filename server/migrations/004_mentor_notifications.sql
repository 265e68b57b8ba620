-- Mentor notifications: the transactional outbox (webhooks and mail), webhook endpoints,
-- calendar feed tokens and the mentors' busy calendars.

-- One row per event, written in the same transaction as the change it reports. Its id is the
-- webhook-id receivers dedupe on.
CREATE TABLE outbox_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  url text NOT NULL,
  secret text NOT NULL,
  -- After a rotation the old secret signs too for a day, so receivers can switch over.
  previous_secret text,
  previous_secret_until timestamptz,
  event_types text[] NOT NULL DEFAULT '{}',
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One delivery of one event to one target: a webhook endpoint, or a mail recipient role.
-- A worker claims due rows with FOR UPDATE SKIP LOCKED and pushes next_attempt_at past a lease,
-- so a process that dies mid-delivery leaves the row to be claimed again when the lease ends.
CREATE TABLE outbox_jobs (
  id bigserial PRIMARY KEY,
  event_id text NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('webhook', 'mail')),
  target text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_jobs_due ON outbox_jobs (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_jobs_target ON outbox_jobs (channel, target, id);

-- The secret of each mentor's calendar subscription URL, hashed; a new one replaces the old.
CREATE TABLE mentor_feed_tokens (
  mentor_id text PRIMARY KEY,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The last good copy of each mentor's busy calendar and how fetching it went.
CREATE TABLE busy_calendars (
  mentor_id text PRIMARY KEY,
  url text NOT NULL,
  body text,
  etag text,
  last_modified text,
  fetched_at timestamptz,
  checked_at timestamptz,
  next_fetch_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  last_error_at timestamptz
);
