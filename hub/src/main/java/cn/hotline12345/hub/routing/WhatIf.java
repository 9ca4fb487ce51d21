package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A what-if simulation: recent tickets routed by the published list and by another version (usually a draft), and the
 * tickets whose lead unit would change.
 */
public final class WhatIf {

    private static final int MAX_LISTED = 500;

    private WhatIf() {}

    /** Compares {@code candidate} with {@code current} on {@code tickets}. */
    public static JsonObject compare(
            ResponsibilityList current,
            ResponsibilityList candidate,
            List<Row> tickets,
            Directory directory,
            LocalDate day) {
        JsonArray changed = new JsonArray();
        int differ = 0;
        int newlyUnroutable = 0;
        int newlyRoutable = 0;
        for (Row ticket : tickets) {
            RoutingQuery query = new RoutingQuery(
                    ticket.getString("category"),
                    ticket.getString("subcategory"),
                    ticket.getString("request_type"),
                    ticket.getString("area_code"),
                    ticket.getString("title") + "。" + ticket.getString("content"));
            ResponsibilityRouter.Decision before = ResponsibilityRouter.route(current, query, directory, day);
            ResponsibilityRouter.Decision after = ResponsibilityRouter.route(candidate, query, directory, day);
            Long leadBefore = lead(before);
            Long leadAfter = lead(after);
            if (Objects.equals(leadBefore, leadAfter)) {
                continue;
            }
            differ++;
            if (leadAfter == null) {
                newlyUnroutable++;
            } else if (leadBefore == null) {
                newlyRoutable++;
            }
            if (changed.size() < MAX_LISTED) {
                changed.add(new JsonObject()
                        .put("ticketNo", ticket.getString("ticket_no"))
                        .put("title", ticket.getString("title"))
                        .put("category", query.category())
                        .put("currentLead", name(directory, leadBefore))
                        .put(
                                "currentRow",
                                before.chosen().map(c -> c.row().rowNo()).orElse(null))
                        .put("simulatedLead", name(directory, leadAfter))
                        .put(
                                "simulatedRow",
                                after.chosen().map(c -> c.row().rowNo()).orElse(null)));
            }
        }
        return new JsonObject()
                .put("currentVersion", current.version())
                .put("simulatedVersion", candidate.version())
                .put("tickets", tickets.size())
                .put("changed", differ)
                .put("newlyUnroutable", newlyUnroutable)
                .put("newlyRoutable", newlyRoutable)
                .put("items", changed);
    }

    private static Long lead(ResponsibilityRouter.Decision decision) {
        return decision.chosen().map(c -> c.row().leadDepartmentId()).orElse(null);
    }

    private static JsonObject name(Directory directory, Long id) {
        return id == null
                ? null
                : directory.department(id).map(Department::reference).orElse(null);
    }
}
