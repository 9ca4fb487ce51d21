-- Trained classifier models with their evaluation reports; one active model per target (type, category).
CREATE TABLE classifier_model (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    target        VARCHAR(16)   NOT NULL,
    version       VARCHAR(80)   NOT NULL,
    model         LONGBLOB      NOT NULL,
    settings      VARCHAR(100)  NOT NULL,
    examples      INT           NOT NULL,
    evaluation    LONGTEXT      NOT NULL CHECK (JSON_VALID(evaluation)),
    active        TINYINT(1)    NOT NULL DEFAULT 0,
    created_at    DATETIME(3)   NOT NULL,
    activated_at  DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_classifier_model_version (version),
    KEY idx_classifier_model_target_active (target, active, activated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Agents' corrections of a ticket's type or category: labelled examples for retraining.
CREATE TABLE classification_correction (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id          BIGINT       NOT NULL,
    text               MEDIUMTEXT   NOT NULL,
    request_type       VARCHAR(16)  NOT NULL,
    category           VARCHAR(64)  NOT NULL,
    previous_type      VARCHAR(16)  NULL,
    previous_category  VARCHAR(64)  NULL,
    corrected_by       VARCHAR(64)  NOT NULL,
    created_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_classification_correction_created (created_at),
    CONSTRAINT fk_classification_correction_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
