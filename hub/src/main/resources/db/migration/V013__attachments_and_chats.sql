-- Files attached to tickets (a citizen's photos, a chat transcript, a department's documents) and the archive of
-- live chats (在线客服), whose state lives in Redis while they run.
CREATE TABLE ticket_attachment (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    ticket_id     BIGINT        NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    INT           NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    content       LONGBLOB      NOT NULL,
    uploaded_by   VARCHAR(64)   NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ticket_attachment (ticket_id, sha256),
    CONSTRAINT fk_ticket_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_session (
    id           CHAR(32)      NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    citizen_key  VARCHAR(128)  NOT NULL,
    agent        VARCHAR(64)   NULL,
    ticket_id    BIGINT        NULL,
    started_at   DATETIME(3)   NOT NULL,
    ended_at     DATETIME(3)   NOT NULL,
    transcript   LONGTEXT      NOT NULL CHECK (JSON_VALID(transcript)),
    PRIMARY KEY (id),
    KEY idx_chat_session_ticket (ticket_id),
    KEY idx_chat_session_citizen (citizen_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
