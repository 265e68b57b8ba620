-- Group sessions with seats (issue 16). A booking takes one seat of one occurrence: bookings of a
-- group session type at one start share an occurrence key ("<session type>@<start>"); any other
-- booking is its own occurrence (NULL here: its id). Confirmed bookings of one mentor may overlap
-- only when they are seats of the same occurrence, and no occurrence holds more seats than its
-- capacity: one row per seat number, every seat number within the capacity.
ALTER TABLE bookings ADD COLUMN occurrence text;
ALTER TABLE bookings ADD COLUMN seat integer NOT NULL DEFAULT 1;
ALTER TABLE bookings ADD COLUMN capacity integer NOT NULL DEFAULT 1;
ALTER TABLE bookings ADD CONSTRAINT bookings_seat_in_capacity CHECK (seat BETWEEN 1 AND capacity);
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (mentor_id WITH =, (coalesce(occurrence, id)) WITH <>, blocked WITH &&) WHERE (status = 'confirmed');
CREATE UNIQUE INDEX bookings_one_per_seat ON bookings (mentor_id, occurrence, seat) WHERE status = 'confirmed' AND occurrence IS NOT NULL;
CREATE INDEX bookings_mentor_start ON bookings (mentor_id, start_at) WHERE status = 'confirmed'
