-- The legal calendar per year as imported by admins (holidays and 调休 workdays); overrides the shipped years.
CREATE TABLE calendar_year (
    year         INT           NOT NULL,
    document     LONGTEXT      NOT NULL CHECK (JSON_VALID(document)),
    imported_by  VARCHAR(64)   NOT NULL,
    imported_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
