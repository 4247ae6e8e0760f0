-- Grant owner and accountable officer chosen from the organisation's staff (issue 13 item 7).
-- The existing grant_owner and accountable_officer text columns stay: they hold the name as it
-- was when the grant was made, so older free-text values stay readable. The user ids are new
-- and empty on older grants.

ALTER TABLE grant_award ADD COLUMN grant_owner_user_id uuid;
ALTER TABLE grant_award ADD COLUMN accountable_officer_user_id uuid;
ALTER TABLE grant_award ADD CONSTRAINT grant_award_owner_user
  FOREIGN KEY (organisation_id, grant_owner_user_id) REFERENCES app_user (organisation_id, id);
ALTER TABLE grant_award ADD CONSTRAINT grant_award_accountable_user
  FOREIGN KEY (organisation_id, accountable_officer_user_id) REFERENCES app_user (organisation_id, id);
