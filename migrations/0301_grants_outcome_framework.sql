-- Grants link to the community investment module: a grant may pay for an investment project.
-- (Programme outcomes picked from the outcome framework carry the framework outcome's id
-- inside grant_programme.outcomes, so that column needs no change.)
ALTER TABLE grant_award ADD COLUMN investment_project_id uuid;
