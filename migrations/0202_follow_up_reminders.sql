-- Follow-up reminders: the day a follow-up was first reminded, so the daily job reminds each one once.
ALTER TABLE outcome_follow_up ADD COLUMN reminded_on date;
