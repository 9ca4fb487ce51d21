-- The department directory, administrative areas, the responsibility list (责任清单) in versions, SLA policies,
-- the clocks that chase deadlines, and the returns (退单) departments make.

CREATE TABLE department (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    code           VARCHAR(32)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    parent_id      BIGINT        NULL,
    contact_name   VARCHAR(50)   NULL,
    contact_phone  VARCHAR(30)   NULL,
    aliases        VARCHAR(500)  NOT NULL DEFAULT '',
    active         TINYINT(1)    NOT NULL DEFAULT 1,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_department_code (code),
    UNIQUE KEY uk_department_name (name),
    CONSTRAINT fk_department_parent FOREIGN KEY (parent_id) REFERENCES department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE area (
    code         VARCHAR(12)   NOT NULL,
    name         VARCHAR(50)   NOT NULL,
    level        VARCHAR(12)   NOT NULL,
    parent_code  VARCHAR(12)   NULL,
    aliases      VARCHAR(1000) NOT NULL DEFAULT '',
    created_at   DATETIME(3)   NOT NULL,
    updated_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (code),
    CONSTRAINT fk_area_parent FOREIGN KEY (parent_code) REFERENCES area (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE responsibility_list (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    version       INT           NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    status        VARCHAR(12)   NOT NULL,
    source        VARCHAR(200)  NOT NULL,
    report        LONGTEXT      NOT NULL CHECK (JSON_VALID(report)),
    created_by    VARCHAR(64)   NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    published_by  VARCHAR(64)   NULL,
    published_at  DATETIME(3)   NULL,
    archived_at   DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_responsibility_list_version (version),
    KEY idx_responsibility_list_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE responsibility_row (
    list_id             BIGINT        NOT NULL,
    row_no              INT           NOT NULL,
    category            VARCHAR(64)   NOT NULL,
    subcategory         VARCHAR(64)   NULL,
    keywords            VARCHAR(500)  NOT NULL DEFAULT '',
    area_code           VARCHAR(12)   NULL,
    request_type        VARCHAR(16)   NULL,
    lead_department_id  BIGINT        NOT NULL,
    co_department_ids   VARCHAR(500)  NOT NULL DEFAULT '',
    basis               VARCHAR(500)  NOT NULL DEFAULT '',
    effective_from      DATE          NULL,
    effective_to        DATE          NULL,
    PRIMARY KEY (list_id, row_no),
    CONSTRAINT fk_responsibility_row_list FOREIGN KEY (list_id) REFERENCES responsibility_list (id),
    CONSTRAINT fk_responsibility_row_lead FOREIGN KEY (lead_department_id) REFERENCES department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Time limits per (type × urgency × category [× area]); empty columns match anything, the most specific row wins.
-- Units: WORKING_DAYS, WORKING_HOURS or HOURS (natural hours, for urgent requests).
CREATE TABLE sla_policy (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    request_type        VARCHAR(16)   NULL,
    urgency             VARCHAR(8)    NULL,
    category            VARCHAR(64)   NULL,
    area_code           VARCHAR(12)   NULL,
    accept_limit        INT           NOT NULL,
    accept_unit         VARCHAR(16)   NOT NULL,
    reply_limit         INT           NOT NULL,
    reply_unit          VARCHAR(16)   NOT NULL,
    follow_up_limit     INT           NOT NULL,
    follow_up_unit      VARCHAR(16)   NOT NULL,
    return_window_days  INT           NOT NULL,
    max_extension_days  INT           NOT NULL,
    warn_share          DECIMAL(4, 3) NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sla_policy_scope (request_type, urgency, category, area_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO sla_policy (request_type, urgency, category, area_code, accept_limit, accept_unit, reply_limit, reply_unit,
    follow_up_limit, follow_up_unit, return_window_days, max_extension_days, warn_share, updated_by, updated_at)
VALUES
    (NULL, NULL, NULL, NULL, 2, 'WORKING_HOURS', 5, 'WORKING_DAYS', 2, 'WORKING_DAYS', 2, 10, 0.800, 'system', UTC_TIMESTAMP(3)),
    (NULL, 'URGENT', NULL, NULL, 1, 'HOURS', 24, 'HOURS', 1, 'WORKING_DAYS', 2, 10, 0.800, 'system', UTC_TIMESTAMP(3)),
    (NULL, 'CRITICAL', NULL, NULL, 30, 'MINUTES', 2, 'HOURS', 1, 'WORKING_DAYS', 2, 10, 0.800, 'system', UTC_TIMESTAMP(3));

ALTER TABLE ticket
    ADD COLUMN subcategory           VARCHAR(64)  NULL AFTER category,
    ADD COLUMN area_code             VARCHAR(12)  NULL AFTER area,
    ADD COLUMN routing_version       INT          NULL AFTER lead_department_id,
    ADD COLUMN routing_row_no        INT          NULL AFTER routing_version,
    ADD COLUMN dispatched_at         DATETIME(3)  NULL AFTER routing_row_no,
    ADD COLUMN accepted_at           DATETIME(3)  NULL AFTER dispatched_at,
    ADD COLUMN return_due_at         DATETIME(3)  NULL AFTER accepted_at,
    ADD COLUMN reply_unit            VARCHAR(16)  NULL AFTER reply_due_at,
    ADD COLUMN paused_at             DATETIME(3)  NULL AFTER follow_up_due_at,
    ADD COLUMN extended_days         INT          NOT NULL DEFAULT 0 AFTER paused_at,
    ADD COLUMN overdue               TINYINT(1)   NOT NULL DEFAULT 0 AFTER extended_days,
    ADD KEY idx_ticket_lead_status (lead_department_id, status),
    ADD KEY idx_ticket_overdue (overdue, reply_due_at);

CREATE TABLE ticket_clock (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id   BIGINT       NOT NULL,
    kind        VARCHAR(12)  NOT NULL,
    stage       VARCHAR(8)   NOT NULL,
    fire_at     DATETIME(3)  NOT NULL,
    fired_at    DATETIME(3)  NULL,
    outcome     VARCHAR(16)  NULL,
    fired_by    VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_clock_due (fired_at, fire_at),
    KEY idx_ticket_clock_ticket (ticket_id, kind),
    CONSTRAINT fk_ticket_clock_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_return (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    ticket_id      BIGINT        NOT NULL,
    department_id  BIGINT        NOT NULL,
    reason_code    VARCHAR(24)   NOT NULL,
    reason_text    VARCHAR(1000) NOT NULL,
    requested_by   VARCHAR(64)   NOT NULL,
    requested_at   DATETIME(3)   NOT NULL,
    decision       VARCHAR(12)   NULL,
    decided_by     VARCHAR(64)   NULL,
    decided_at     DATETIME(3)   NULL,
    decision_note  VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_return_ticket (ticket_id),
    KEY idx_ticket_return_department (department_id, requested_at),
    CONSTRAINT fk_ticket_return_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_extension (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    ticket_id      BIGINT        NOT NULL,
    department_id  BIGINT        NOT NULL,
    days           INT           NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    requested_by   VARCHAR(64)   NOT NULL,
    requested_at   DATETIME(3)   NOT NULL,
    decision       VARCHAR(12)   NULL,
    decided_by     VARCHAR(64)   NULL,
    decided_at     DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_extension_ticket (ticket_id),
    CONSTRAINT fk_ticket_extension_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
