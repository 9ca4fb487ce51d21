-- Hotline calls as the switch (FreeSWITCH event socket) reports them, and the agents' extensions (坐席分机号) that
-- tell which staff member answered. A call is stored once per channel UUID however often its events arrive; the
-- ticket an agent registers with the call id is attached whichever comes first.
ALTER TABLE staff_user
    ADD COLUMN extension VARCHAR(32) NULL AFTER department_id,
    ADD UNIQUE KEY uk_staff_user_extension (extension);

CREATE TABLE hotline_call (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    call_uuid         VARCHAR(128)  NOT NULL,
    caller_number     VARCHAR(64)   NULL,
    agent_extension   VARCHAR(32)   NULL,
    answered_at       DATETIME(3)   NULL,
    ended_at          DATETIME(3)   NULL,
    duration_seconds  INT           NULL,
    hangup_cause      VARCHAR(64)   NULL,
    recording_path    VARCHAR(512)  NULL,
    ticket_id         BIGINT        NULL,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_hotline_call_uuid (call_uuid),
    KEY idx_hotline_call_ticket (ticket_id),
    KEY idx_hotline_call_caller (caller_number, answered_at),
    CONSTRAINT fk_hotline_call_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
