-- Citizens, their identities per channel, tickets (工单) and the append-only ticket event log.
-- Times are UTC; text is utf8mb4 throughout.

CREATE TABLE citizen (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(50)  NULL,
    phone       VARCHAR(20)  NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_citizen_phone (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE citizen_identity (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    citizen_id  BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    identifier  VARCHAR(128) NOT NULL,
    verified    TINYINT(1)   NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_citizen_identity (kind, identifier),
    KEY idx_citizen_identity_citizen (citizen_id),
    CONSTRAINT fk_citizen_identity_citizen FOREIGN KEY (citizen_id) REFERENCES citizen (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    ticket_no           VARCHAR(20)   NOT NULL,
    channel             VARCHAR(16)   NOT NULL,
    external_id         VARCHAR(128)  NULL,
    idempotency_key     VARCHAR(128)  NULL,
    citizen_id          BIGINT        NULL,
    citizen_name        VARCHAR(50)   NULL,
    citizen_phone       VARCHAR(20)   NULL,
    title               VARCHAR(100)  NOT NULL,
    content             MEDIUMTEXT    NOT NULL,
    request_type        VARCHAR(16)   NULL,
    category            VARCHAR(64)   NULL,
    urgency             VARCHAR(8)    NOT NULL DEFAULT 'NORMAL',
    address             VARCHAR(200)  NULL,
    area                VARCHAR(50)   NULL,
    status              VARCHAR(24)   NOT NULL,
    lead_department_id  BIGINT        NULL,
    accept_due_at       DATETIME(3)   NULL,
    reply_due_at        DATETIME(3)   NULL,
    follow_up_due_at    DATETIME(3)   NULL,
    public_consent      TINYINT(1)    NOT NULL DEFAULT 0,
    event_seq           INT           NOT NULL,
    received_at         DATETIME(3)   NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ticket_no (ticket_no),
    UNIQUE KEY uk_ticket_channel_external (channel, external_id),
    UNIQUE KEY uk_ticket_idempotency_key (idempotency_key),
    KEY idx_ticket_status_created (status, created_at),
    KEY idx_ticket_citizen (citizen_id),
    KEY idx_ticket_phone (citizen_phone),
    CONSTRAINT fk_ticket_citizen FOREIGN KEY (citizen_id) REFERENCES citizen (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_co_department (
    ticket_id      BIGINT NOT NULL,
    department_id  BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, department_id),
    CONSTRAINT fk_ticket_co_department_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id    BIGINT       NOT NULL,
    seq          INT          NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(32)  NOT NULL,
    from_status  VARCHAR(24)  NULL,
    to_status    VARCHAR(24)  NOT NULL,
    occurred_at  DATETIME(3)  NOT NULL,
    payload      LONGTEXT     NOT NULL CHECK (JSON_VALID(payload)),
    PRIMARY KEY (id),
    UNIQUE KEY uk_ticket_event_seq (ticket_id, seq),
    CONSTRAINT fk_ticket_event_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER ticket_event_is_append_only_update BEFORE UPDATE ON ticket_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket_event is append-only';

CREATE TRIGGER ticket_event_is_append_only_delete BEFORE DELETE ON ticket_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket_event is append-only';

-- Blocks of ticket numbers handed out per Asia/Shanghai calendar day, so numbers stay unique across hub instances.
CREATE TABLE ticket_no_block (
    day         DATE NOT NULL,
    next_value  INT  NOT NULL,
    PRIMARY KEY (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
