-- The rest of the ticket workflow: each dispatch to a unit (for the response-rate KPIs), replies and sub-replies with
-- their review, follow-ups with satisfaction, merged tickets, the notification outbox, and who may see unmasked
-- citizen data.

ALTER TABLE ticket
    ADD COLUMN master_ticket_id  BIGINT       NULL AFTER citizen_phone,
    ADD COLUMN replied_at        DATETIME(3)  NULL AFTER accepted_at,
    ADD COLUMN approved_at       DATETIME(3)  NULL AFTER replied_at,
    ADD COLUMN closed_at         DATETIME(3)  NULL AFTER approved_at,
    ADD COLUMN resolved          TINYINT(1)   NULL AFTER closed_at,
    ADD COLUMN satisfaction      VARCHAR(24)  NULL AFTER resolved,
    ADD COLUMN reopen_count      INT          NOT NULL DEFAULT 0 AFTER satisfaction,
    ADD KEY idx_ticket_master (master_ticket_id),
    ADD KEY idx_ticket_created (created_at),
    ADD KEY idx_ticket_closed (closed_at);

CREATE TABLE ticket_dispatch (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id       BIGINT       NOT NULL,
    department_id   BIGINT       NOT NULL,
    dispatched_at   DATETIME(3)  NOT NULL,
    accept_due_at   DATETIME(3)  NULL,
    accepted_at     DATETIME(3)  NULL,
    ended_at        DATETIME(3)  NULL,
    outcome         VARCHAR(16)  NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_dispatch_ticket (ticket_id, ended_at),
    KEY idx_ticket_dispatch_department (department_id, dispatched_at),
    KEY idx_ticket_dispatch_time (dispatched_at),
    CONSTRAINT fk_ticket_dispatch_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_reply (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id      BIGINT       NOT NULL,
    department_id  BIGINT       NULL,
    kind           VARCHAR(8)   NOT NULL,
    content        MEDIUMTEXT   NOT NULL,
    author         VARCHAR(64)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    review         VARCHAR(12)  NULL,
    reviewed_by    VARCHAR(64)  NULL,
    reviewed_at    DATETIME(3)  NULL,
    review_note    VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_reply_ticket (ticket_id, kind),
    CONSTRAINT fk_ticket_reply_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_follow_up (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    ticket_id     BIGINT        NOT NULL,
    contacted_by  VARCHAR(64)   NOT NULL,
    method        VARCHAR(16)   NOT NULL,
    resolved      TINYINT(1)    NOT NULL,
    satisfaction  VARCHAR(24)   NOT NULL,
    comment       VARCHAR(1000) NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_follow_up_ticket (ticket_id),
    KEY idx_ticket_follow_up_time (created_at),
    CONSTRAINT fk_ticket_follow_up_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Notifications written in the same transaction as the state change and delivered by a worker with retries.
CREATE TABLE outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    ticket_id        BIGINT        NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    recipient        VARCHAR(128)  NULL,
    kind             VARCHAR(24)   NOT NULL,
    text             VARCHAR(2000) NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    last_error       VARCHAR(500)  NULL,
    delivered_via    VARCHAR(16)   NULL,
    created_at       DATETIME(3)   NOT NULL,
    sent_at          DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY idx_outbox_due (status, next_attempt_at),
    KEY idx_outbox_ticket (ticket_id),
    CONSTRAINT fk_outbox_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE ticket_event
    ADD KEY idx_ticket_event_action_time (action, occurred_at);

ALTER TABLE ticket_return
    ADD KEY idx_ticket_return_time (requested_at);

ALTER TABLE ticket_extension
    ADD KEY idx_ticket_extension_decided (decided_at);

ALTER TABLE staff_user
    ADD COLUMN can_unmask TINYINT(1) NOT NULL DEFAULT 0 AFTER department_id;

INSERT INTO ticket_dispatch (ticket_id, department_id, dispatched_at, accept_due_at, accepted_at)
SELECT id, lead_department_id, dispatched_at, accept_due_at, accepted_at FROM ticket
WHERE lead_department_id IS NOT NULL AND dispatched_at IS NOT NULL;
