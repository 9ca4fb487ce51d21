package cn.hotline12345.hub.routing;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One version of the responsibility list (责任清单). Drafts are imported and checked, one version is published (in
 * force) at a time, and earlier ones are archived and kept.
 *
 * @param id database id
 * @param version the version number
 * @param name a title, e.g. the file it was imported from
 * @param status draft, published or archived
 * @param rows its rows
 * @param report the validation report written at import
 * @param createdBy who imported it
 * @param createdAt when
 * @param publishedAt when it was published, or null
 */
public record ResponsibilityList(
        long id,
        int version,
        String name,
        Status status,
        List<ResponsibilityRow> rows,
        JsonObject report,
        String createdBy,
        Instant createdAt,
        Instant publishedAt) {

    /** A version's life: 草稿 → 已发布 (one at a time) → 已归档. */
    public enum Status {
        DRAFT("草稿"),
        PUBLISHED("已发布"),
        ARCHIVED("已归档");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        /** The Chinese name. */
        public String displayName() {
            return displayName;
        }
    }

    /** The empty list used before any is published: every ticket waits for a dispatcher. */
    public static ResponsibilityList none() {
        return new ResponsibilityList(0, 0, "（无）", Status.PUBLISHED, List.of(), new JsonObject(), "system", null, null);
    }
}
