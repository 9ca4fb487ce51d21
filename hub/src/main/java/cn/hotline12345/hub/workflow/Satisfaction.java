package cn.hotline12345.hub.workflow;

import java.util.Arrays;
import java.util.Optional;

/** How satisfied a citizen is with the handling of their request (回访满意度). */
public enum Satisfaction {
    /** 满意. */
    SATISFIED("满意"),
    /** 基本满意. */
    BASICALLY_SATISFIED("基本满意"),
    /** 不满意. */
    UNSATISFIED("不满意");

    private final String displayName;

    Satisfaction(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name. */
    public String displayName() {
        return displayName;
    }

    /** The level named by its code or its Chinese name. */
    public static Optional<Satisfaction> of(String text) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(text) || s.displayName.equals(text))
                .findFirst();
    }
}
