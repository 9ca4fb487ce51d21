package cn.hotline12345.hub.workflow;

import java.util.Arrays;
import java.util.Optional;

/** Why a department returns an order (退单原因). */
public enum ReturnReason {
    /** 非本单位职责. */
    NOT_OUR_DUTY("非本单位职责"),
    /** 属地不符. */
    WRONG_AREA("属地不符"),
    /** 信息不全. */
    INCOMPLETE("信息不全"),
    /** 其他. */
    OTHER("其他");

    private final String displayName;

    ReturnReason(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name. */
    public String displayName() {
        return displayName;
    }

    /** The reason named by its code or its Chinese name. */
    public static Optional<ReturnReason> of(String text) {
        return Arrays.stream(values())
                .filter(r -> r.name().equals(text) || r.displayName.equals(text))
                .findFirst();
    }
}
