package cn.hotline12345.hub.ticket;

import cn.hotline12345.hub.http.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What a citizen may see of their ticket: no internal notes, no departments' staff, no other citizen.
 *
 * @param ticketNo ticket number
 * @param channel channel id
 * @param title the title
 * @param status current status
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 * @param timeline citizen-safe steps, oldest first
 * @param reply the approved reply (答复), once the centre approved it, or null
 */
public record TicketProgress(
        String ticketNo,
        String channel,
        String title,
        TicketStatus status,
        Instant createdAt,
        Instant updatedAt,
        List<Step> timeline,
        String reply) {

    /**
     * One step of the timeline.
     *
     * @param at when it happened
     * @param action what happened
     * @param description the sentence shown to the citizen
     */
    public record Step(Instant at, TicketAction action, String description) {}

    /** The citizen view as the API answers it. */
    public JsonObject toJson() {
        JsonArray timeline = new JsonArray();
        timeline()
                .forEach(step -> timeline.add(new JsonObject()
                        .put("at", Times.iso(step.at()))
                        .put("action", step.action().name())
                        .put("actionName", step.action().displayName())
                        .put("description", step.description())));
        return new JsonObject()
                .put("ticketNo", ticketNo())
                .put("channel", channel())
                .put("title", title())
                .put("status", status().name())
                .put("statusName", status().displayName())
                .put("createdAt", Times.iso(createdAt()))
                .put("updatedAt", Times.iso(updatedAt()))
                .put("timeline", timeline)
                .put("reply", reply());
    }
}
