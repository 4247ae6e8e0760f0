-- Attendance carries its session's date, so a year's figures read only that year's attendance rows
-- (through attendance_held_on) instead of joining the year's sessions to every attendance row ever.
ALTER TABLE attendance ADD COLUMN held_on date;
UPDATE attendance a SET held_on = s.held_on
  FROM activity_session s
  WHERE s.organisation_id = a.organisation_id AND s.id = a.session_id;
ALTER TABLE attendance ALTER COLUMN held_on SET NOT NULL;

-- The copy can never disagree with the session: the foreign key now includes the date, so an
-- attendance row with another date is refused, and changing a session's date moves its attendance
-- rows in the same statement (ON UPDATE CASCADE). It replaces the two-column key to the session.
ALTER TABLE activity_session ADD CONSTRAINT activity_session_dated UNIQUE (organisation_id, id, held_on);
ALTER TABLE attendance ADD CONSTRAINT attendance_session_dated
  FOREIGN KEY (organisation_id, session_id, held_on) REFERENCES activity_session (organisation_id, id, held_on)
  ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE attendance DROP CONSTRAINT attendance_organisation_id_session_id_fkey;

CREATE INDEX attendance_held_on ON attendance (organisation_id, held_on);
