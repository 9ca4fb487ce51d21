-- The classifier's decision on each ticket: type and category with their confidences and the models' versions.
-- Tickets below the configured category confidence wait in the 待分类 (triage) queue.
ALTER TABLE ticket
    ADD COLUMN type_confidence      DECIMAL(5, 4) NULL AFTER category,
    ADD COLUMN category_confidence  DECIMAL(5, 4) NULL AFTER type_confidence,
    ADD COLUMN classifier_version   VARCHAR(120)  NULL AFTER category_confidence,
    ADD COLUMN triage               TINYINT(1)    NOT NULL DEFAULT 0 AFTER classifier_version,
    ADD KEY idx_ticket_triage (triage, created_at);
