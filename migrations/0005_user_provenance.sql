-- Who added each user: an organisation's administrators see users that someone outside the
-- organisation (the exchange) added, and can remove them. Existing users have no record (NULL).
ALTER TABLE users ADD COLUMN added_by_org_id uuid REFERENCES organisations(id);
ALTER TABLE users ADD COLUMN added_by_user_id uuid REFERENCES users(id);
