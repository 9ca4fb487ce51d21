package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.AreaLevel;
import cn.hotline12345.hub.directory.Directory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Routes a request by the responsibility list, deterministically: among the rows that match, the most specific wins —
 * first by topic (keywords over subcategory over the whole category), then by area (community over street over district
 * over everywhere), then a row for the request's type over one for any type, then more keywords found, then the lower
 * 序号. A row matches when its category is the request's, its subcategory (if any) is the request's (a request
 * without a subcategory matches a subcategory row only through the row's keywords), one of its keywords (if any)
 * occurs in the text, its area (if any) contains the request's area, its type (if any) is the
 * request's, and it is in force on the day.
 */
public final class ResponsibilityRouter {

    private ResponsibilityRouter() {}

    /**
     * One row considered.
     *
     * @param row the row
     * @param matches whether it applies to the request
     * @param reason why not, in Chinese, when it does not
     * @param matchedKeywords the row's keywords found in the text
     * @param rank its specificity, higher wins
     */
    public record Candidate(
            ResponsibilityRow row, boolean matches, String reason, List<String> matchedKeywords, long rank) {}

    /**
     * The outcome.
     *
     * @param list the list consulted
     * @param chosen the winning row, if any
     * @param candidates the rows of the request's category, winners first
     */
    public record Decision(ResponsibilityList list, Optional<Candidate> chosen, List<Candidate> candidates) {

        /** Whether a lead unit was found. */
        public boolean routed() {
            return chosen.isPresent();
        }

        /** As JSON, naming departments and areas from {@code directory}. */
        public JsonObject toJson(Directory directory) {
            JsonArray all = new JsonArray();
            for (Candidate c : candidates) {
                all.add(c.row()
                        .toJson(directory)
                        .put("matches", c.matches())
                        .put("reason", c.reason())
                        .put("matchedKeywords", new JsonArray(c.matchedKeywords())));
            }
            JsonObject json = new JsonObject()
                    .put("routed", routed())
                    .put("listVersion", list.version())
                    .put("candidates", all);
            chosen.ifPresentOrElse(
                    c -> json.put("row", c.row().toJson(directory))
                            .put("lead", c.row().toJson(directory).getJsonObject("lead"))
                            .put("coUnits", c.row().toJson(directory).getJsonArray("coUnits"))
                            .put("explanation", explain(c, directory)),
                    () -> json.put("row", null)
                            .put("lead", null)
                            .put("coUnits", new JsonArray())
                            .put("explanation", "责任清单中没有适用于该诉求的条目，工单将进入待派单队列，由派单员人工派单"));
            return json;
        }
    }

    /** Routes {@code query} by {@code list} as in force on {@code day}. */
    public static Decision route(ResponsibilityList list, RoutingQuery query, Directory directory, LocalDate day) {
        List<Area> chain = directory.chain(query.areaCode());
        String text = query.text() == null ? "" : query.text();
        List<Candidate> candidates = new ArrayList<>();
        for (ResponsibilityRow row : list.rows()) {
            if (!row.category().equals(query.category())) {
                continue;
            }
            candidates.add(consider(row, query, chain, text, day));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.matches() ? 0 : 1)
                .thenComparing(Comparator.comparingLong(Candidate::rank).reversed())
                .thenComparingInt(c -> c.row().rowNo()));
        Optional<Candidate> chosen = candidates.isEmpty() || !candidates.get(0).matches()
                ? Optional.empty()
                : Optional.of(candidates.get(0));
        return new Decision(list, chosen, List.copyOf(candidates));
    }

    private static Candidate consider(
            ResponsibilityRow row, RoutingQuery query, List<Area> chain, String text, LocalDate day) {
        List<String> found = row.keywords().stream().filter(text::contains).toList();
        int topic = !row.keywords().isEmpty() ? 2 : row.subcategory() != null ? 1 : 0;
        Area rowArea = null;
        if (row.areaCode() != null) {
            rowArea = chain.stream()
                    .filter(a -> a.code().equals(row.areaCode()))
                    .findFirst()
                    .orElse(null);
        }
        int areaRank = row.areaCode() == null ? 0 : rowArea == null ? 0 : levelRank(rowArea.level());
        long rank = topic * 1_000_000L
                + areaRank * 10_000L
                + (row.requestType() != null ? 1_000 : 0)
                + Math.min(found.size(), 999);
        String reason = null;
        if (!row.inForce(day)) {
            reason = "该条目不在有效期内";
        } else if (row.subcategory() != null
                && query.subcategory() != null
                && !row.subcategory().equals(query.subcategory())) {
            reason = "二级分类不符（条目为" + row.subcategory() + "）";
        } else if (row.subcategory() != null
                && query.subcategory() == null
                && row.keywords().isEmpty()) {
            reason = "诉求未确定二级分类，该条目仅适用于" + row.subcategory();
        } else if (!row.keywords().isEmpty() && found.isEmpty()) {
            reason = "诉求内容未出现关键词（" + String.join("、", row.keywords()) + "）";
        } else if (row.areaCode() != null && rowArea == null) {
            reason = query.areaCode() == null ? "诉求未确定所属区域，区域条目不适用" : "诉求所在区域不在该条目范围内";
        } else if (row.requestType() != null && !row.requestType().equals(query.requestType())) {
            reason = "诉求类型不符（条目为" + row.requestType() + "）";
        }
        return new Candidate(row, reason == null, reason, found, rank);
    }

    private static int levelRank(AreaLevel level) {
        return switch (level) {
            case DISTRICT -> 1;
            case STREET -> 2;
            case COMMUNITY -> 3;
        };
    }

    private static String explain(Candidate c, Directory directory) {
        ResponsibilityRow row = c.row();
        StringBuilder why = new StringBuilder("按责任清单第").append(row.rowNo()).append("条派单：");
        why.append(row.category());
        if (row.subcategory() != null) {
            why.append("/").append(row.subcategory());
        }
        if (!c.matchedKeywords().isEmpty()) {
            why.append("，命中关键词“").append(String.join("、", c.matchedKeywords())).append("”");
        }
        why.append(
                row.areaCode() == null
                        ? "，全域适用"
                        : "，区域" + directory.area(row.areaCode()).map(Area::name).orElse(row.areaCode()));
        if (row.requestType() != null) {
            why.append("，诉求类型").append(row.requestType());
        }
        if (!row.basis().isEmpty()) {
            why.append("；职责依据：").append(row.basis());
        }
        return why.toString();
    }
}
