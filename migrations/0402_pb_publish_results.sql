-- How results reach the public once voting has closed: "automatic" (the daily phase job
-- counts and publishes on the results date) or "officer" (an officer closes and publishes).
ALTER TABLE pb_process
  ADD COLUMN publish_results text NOT NULL DEFAULT 'officer' CHECK (publish_results IN ('automatic', 'officer'));
