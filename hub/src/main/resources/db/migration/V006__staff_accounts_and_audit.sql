-- Staff accounts (坐席、派单员、承办人、单位管理员、督办、系统管理员) and the audit log of who saw or changed what.
CREATE TABLE staff_user (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    username       VARCHAR(64)   NOT NULL,
    display_name   VARCHAR(64)   NOT NULL,
    password_hash  VARCHAR(100)  NOT NULL,
    role           VARCHAR(24)   NOT NULL,
    department_id  BIGINT        NULL,
    active         TINYINT(1)    NOT NULL DEFAULT 1,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_user_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(48)   NOT NULL,
    target_type  VARCHAR(32)   NOT NULL,
    target_id    VARCHAR(64)   NOT NULL,
    detail       LONGTEXT      NOT NULL CHECK (JSON_VALID(detail)),
    occurred_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_audit_log_actor (actor, occurred_at),
    KEY idx_audit_log_target (target_type, target_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
