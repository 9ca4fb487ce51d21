-- Leader mailboxes (领导信箱), each tied to the office that receives its letters first, and the publication (政务公开)
-- of replied requests whose citizens agreed.
CREATE TABLE mailbox (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    code           VARCHAR(32)   NOT NULL,
    name           VARCHAR(50)   NOT NULL,
    description    VARCHAR(500)  NOT NULL DEFAULT '',
    department_id  BIGINT        NOT NULL,
    active         TINYINT(1)    NOT NULL DEFAULT 1,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_mailbox_code (code),
    CONSTRAINT fk_mailbox_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE ticket
    ADD COLUMN mailbox_id    BIGINT       NULL AFTER channel,
    ADD COLUMN publication   VARCHAR(12)  NULL AFTER public_consent,
    ADD COLUMN published_at  DATETIME(3)  NULL AFTER publication,
    ADD KEY idx_ticket_publication (publication, published_at);
