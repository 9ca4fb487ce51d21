package cn.hotline12345.hub.directory;

import java.util.Arrays;
import java.util.Optional;

/** The administrative levels below the city, most general first. */
public enum AreaLevel {
    /** 区县. */
    DISTRICT("区县"),
    /** 街道/乡镇. */
    STREET("街道乡镇"),
    /** 社区/村. */
    COMMUNITY("社区村");

    private final String displayName;

    AreaLevel(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name. */
    public String displayName() {
        return displayName;
    }

    /** The level named by its code or its Chinese name. */
    public static Optional<AreaLevel> of(String text) {
        return Arrays.stream(values())
                .filter(l -> l.name().equalsIgnoreCase(text) || l.displayName.equals(text))
                .findFirst();
    }
}
