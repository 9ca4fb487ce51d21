package cn.hotline12345.kb;

import java.util.Arrays;
import java.util.Optional;

/** Where a Q&A entry stands: 采编 → 审核 → 发布, and its end. Only 已发布 entries within their dates are served. */
public enum EntryStatus {
    /** 草稿. */
    DRAFT("草稿"),
    /** 待审核. */
    PENDING_REVIEW("待审核"),
    /** 已发布. */
    PUBLISHED("已发布"),
    /** 已失效: past its end date, or its policy document lapsed. */
    EXPIRED("已失效"),
    /** 已废止: its policy document was repealed, or it was withdrawn. */
    REPEALED("已废止");

    private final String displayName;

    EntryStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name. */
    public String displayName() {
        return displayName;
    }

    /** The status named by its code or Chinese name. */
    public static Optional<EntryStatus> of(String text) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(text) || s.displayName.equals(text))
                .findFirst();
    }
}
