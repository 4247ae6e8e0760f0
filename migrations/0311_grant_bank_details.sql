-- The recipient's bank details (account name, sort code, account number), sealed with
-- AES-256-GCM (src/platform/crypto/field-encryption.ts): never stored or audited in clear.
ALTER TABLE grant_award ADD COLUMN bank_details_sealed text;
ALTER TABLE grant_award ADD COLUMN bank_details_updated_at timestamptz;
