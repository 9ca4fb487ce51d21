-- One citizen across channels: tickets remember the channel address to answer on (an openid), a phone number is a
-- contact detail rather than a key (a number typed into a form proves nothing), and citizens are linked by verified
-- identities (citizen_identity) or by an agent's audited merge and split.
ALTER TABLE ticket
    ADD COLUMN reply_to VARCHAR(128) NULL AFTER citizen_phone;

ALTER TABLE citizen
    DROP INDEX uk_citizen_phone,
    ADD KEY idx_citizen_phone (phone),
    ADD COLUMN merged_into BIGINT NULL AFTER phone;

ALTER TABLE citizen_identity
    ADD COLUMN source VARCHAR(32) NOT NULL DEFAULT 'channel' AFTER verified;
