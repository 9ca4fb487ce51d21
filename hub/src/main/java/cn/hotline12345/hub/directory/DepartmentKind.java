package cn.hotline12345.hub.directory;

import java.util.Arrays;
import java.util.Optional;

/** What kind of unit a department is. */
public enum DepartmentKind {
    /** 职能部门: a government department with statutory duties. */
    FUNCTIONAL("职能部门"),
    /** 街道乡镇: a street office or town government, responsible for its territory. */
    TOWNSHIP("街道乡镇"),
    /** 公共服务企业: a utility or public service company (water, power, gas, telecoms, buses). */
    ENTERPRISE("公共服务企业");

    private final String displayName;

    DepartmentKind(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name, e.g. 职能部门. */
    public String displayName() {
        return displayName;
    }

    /** The kind named by its code or its Chinese name. */
    public static Optional<DepartmentKind> of(String text) {
        return Arrays.stream(values())
                .filter(k -> k.name().equalsIgnoreCase(text) || k.displayName.equals(text))
                .findFirst();
    }
}
