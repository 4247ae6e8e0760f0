-- A party's home, chosen by address search (issue 13 item 2), so letters and repeat checks can use the
-- organisation's own address record rather than typed text. Optional: not every party is a tenant.
ALTER TABLE safety_party ADD COLUMN home_id uuid;
ALTER TABLE safety_party ADD FOREIGN KEY (organisation_id, home_id) REFERENCES home (organisation_id, id);
