-- The policy Q&A knowledge base (政策问答库): entries with their version history, policy documents split into
-- passages, the change log every hub follows to keep its search index current, the synonym dictionary, and the log of
-- questions asked (for the gap report and citizens' feedback).

CREATE TABLE kb_document (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    title         VARCHAR(300)  NOT NULL,
    doc_no        VARCHAR(100)  NULL,
    issuer        VARCHAR(200)  NULL,
    published_on  DATE          NULL,
    index_no      VARCHAR(100)  NULL,
    link          VARCHAR(500)  NULL,
    status        VARCHAR(12)   NOT NULL,
    content       MEDIUMTEXT    NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    updated_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kb_passage (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    document_id  BIGINT        NOT NULL,
    label        VARCHAR(100)  NOT NULL,
    content      TEXT          NOT NULL,
    PRIMARY KEY (id),
    KEY idx_kb_passage_document (document_id),
    CONSTRAINT fk_kb_passage_document FOREIGN KEY (document_id) REFERENCES kb_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kb_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    question     VARCHAR(500)  NOT NULL,
    similar      LONGTEXT      NOT NULL CHECK (JSON_VALID(similar)),
    answer       MEDIUMTEXT    NOT NULL,
    category     VARCHAR(100)  NULL,
    department   VARCHAR(100)  NULL,
    source       LONGTEXT      NULL CHECK (source IS NULL OR JSON_VALID(source)),
    document_id  BIGINT        NULL,
    valid_from   DATE          NULL,
    valid_to     DATE          NULL,
    status       VARCHAR(16)   NOT NULL,
    version      INT           NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    updated_by   VARCHAR(64)   NOT NULL,
    created_at   DATETIME(3)   NOT NULL,
    updated_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_kb_entry_status (status),
    KEY idx_kb_entry_document (document_id),
    CONSTRAINT fk_kb_entry_document FOREIGN KEY (document_id) REFERENCES kb_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kb_entry_version (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    entry_id    BIGINT        NOT NULL,
    version     INT           NOT NULL,
    action      VARCHAR(24)   NOT NULL,
    snapshot    LONGTEXT      NOT NULL CHECK (JSON_VALID(snapshot)),
    actor       VARCHAR(64)   NOT NULL,
    note        VARCHAR(1000) NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_kb_entry_version_entry (entry_id, version),
    CONSTRAINT fk_kb_entry_version_entry FOREIGN KEY (entry_id) REFERENCES kb_entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kb_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(12)  NOT NULL,
    ref_id      BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kb_synonyms (
    id          TINYINT      NOT NULL,
    content     MEDIUMTEXT   NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kb_query (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    question    VARCHAR(500)  NOT NULL,
    answered    TINYINT(1)    NOT NULL,
    confidence  DECIMAL(5, 3) NOT NULL,
    entry_id    BIGINT        NULL,
    channel     VARCHAR(16)   NULL,
    helpful     TINYINT(1)    NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_kb_query_time (created_at),
    KEY idx_kb_query_entry (entry_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
