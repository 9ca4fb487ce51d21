-- The request types and category tree (分类体系) as versioned data; one version is active, history is kept.
CREATE TABLE taxonomy_version (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    version     INT           NOT NULL,
    document    LONGTEXT      NOT NULL CHECK (JSON_VALID(document)),
    active      TINYINT(1)    NOT NULL DEFAULT 0,
    created_by  VARCHAR(64)   NOT NULL,
    note        VARCHAR(200)  NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_taxonomy_version (version),
    KEY idx_taxonomy_version_active (active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
