package cn.hotline12345.hub.hotline;

import cn.hotline12345.hub.http.Times;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;

/**
 * A hotline call as stored from the switch's events.
 *
 * @param callId the switch's channel UUID, which agents register tickets with
 * @param callerNumber the calling number as the switch reported it, or null
 * @param agentExtension the extension that answered, or null
 * @param answeredAt when it was answered (UTC), or null
 * @param endedAt when it ended (UTC), or null while it lasts
 * @param durationSeconds talk time from answer to hang-up (billsec), or null while it lasts
 * @param hangupCause why it ended, e.g. {@code NORMAL_CLEARING}, or null
 * @param recordingPath where the switch wrote the recording, or null
 * @param ticketId the ticket registered for it, or null
 */
public record HotlineCall(
        String callId,
        String callerNumber,
        String agentExtension,
        LocalDateTime answeredAt,
        LocalDateTime endedAt,
        Integer durationSeconds,
        String hangupCause,
        String recordingPath,
        Long ticketId) {

    /** As shown in a ticket's detail. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("callId", callId)
                .put("caller", callerNumber)
                .put("agentExtension", agentExtension)
                .put("answeredAt", answeredAt == null ? null : Times.iso(answeredAt))
                .put("endedAt", endedAt == null ? null : Times.iso(endedAt))
                .put("durationSeconds", durationSeconds)
                .put("hangupCause", hangupCause)
                .put("recording", recordingPath);
    }
}
