package cn.hotline12345.hub.account;

import java.util.Arrays;
import java.util.Optional;

/** What a staff member does in the centre or in a department. */
public enum Role {
    /** 话务员: answers calls, registers tickets, answers 咨询 on the spot. */
    AGENT("话务员"),
    /** 派单员: dispatches tickets to departments, decides returns. */
    DISPATCHER("派单员"),
    /** 承办人: handles and replies to tickets of one department. */
    DEPARTMENT_STAFF("承办人"),
    /** 单位管理员: manages one department's staff and tickets. */
    DEPARTMENT_ADMIN("承办单位管理员"),
    /** 督办/质检: watches deadlines, supervises, reviews. */
    SUPERVISOR("督办员"),
    /** 系统管理员: users, departments, configuration. */
    ADMIN("系统管理员"),
    /** 知识库管理员: reviews and publishes knowledge-base entries, manages policy documents and synonyms. */
    KB_ADMIN("知识库管理员");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name, e.g. 话务员. */
    public String displayName() {
        return displayName;
    }

    /** Whether the role belongs to a department (and so needs one). */
    public boolean inDepartment() {
        return this == DEPARTMENT_STAFF || this == DEPARTMENT_ADMIN;
    }

    /** The role with this name, if any. */
    public static Optional<Role> of(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
