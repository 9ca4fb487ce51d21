package cn.hotline12345.hub.sla;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Time limits for a kind of request (办理时限): accepting (签收), replying (办结) and following up (回访), the window in
 * which a department may return an order (退单), the longest extension (延期) and when to warn (催办), as a share of
 * the time. Empty scope fields match anything; the most specific policy applies.
 *
 * @param id database id
 * @param requestType the request type, or null for any
 * @param urgency NORMAL (一般), URGENT (紧急) or CRITICAL (特急), or null for any
 * @param category the first-level category, or null for any
 * @param areaCode the area, or null for any
 * @param accept time to accept
 * @param reply time to reply
 * @param followUp time to follow up after the reply is approved
 * @param returnWindowDays working days after dispatch in which a return is allowed
 * @param maxExtensionDays working days an order may be extended by in total
 * @param warnShare the share of each limit after which the department is warned, e.g. 0.8
 */
public record SlaPolicy(
        long id,
        String requestType,
        String urgency,
        String category,
        String areaCode,
        TimeLimit accept,
        TimeLimit reply,
        TimeLimit followUp,
        int returnWindowDays,
        int maxExtensionDays,
        BigDecimal warnShare) {

    /**
     * An amount of a unit.
     *
     * @param amount how many
     * @param unit of what
     */
    public record TimeLimit(int amount, LimitUnit unit) {

        /** The deadline after {@code start}. */
        public OffsetDateTime after(WorkingCalendar calendar, OffsetDateTime start) {
            return unit.add(calendar, start, amount);
        }

        /** As JSON. */
        public JsonObject toJson() {
            return new JsonObject()
                    .put("amount", amount)
                    .put("unit", unit.name())
                    .put("text", amount + unit.displayName());
        }
    }

    /** How specific the policy is: the number of scope fields it sets, area and category weighing most. */
    public int specificity() {
        return (areaCode != null ? 8 : 0)
                + (category != null ? 4 : 0)
                + (urgency != null ? 2 : 0)
                + (requestType != null ? 1 : 0);
    }

    /** Whether the policy covers a request of this type, urgency, category and area chain. */
    public boolean covers(
            String type, String urgencyOfRequest, String categoryOfRequest, java.util.List<String> areas) {
        return (requestType == null || requestType.equals(type))
                && (urgency == null || urgency.equals(urgencyOfRequest))
                && (category == null || category.equals(categoryOfRequest))
                && (areaCode == null || areas.contains(areaCode));
    }

    /** As JSON for the API. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("requestType", requestType)
                .put("urgency", urgency)
                .put("category", category)
                .put("areaCode", areaCode)
                .put("accept", accept.toJson())
                .put("reply", reply.toJson())
                .put("followUp", followUp.toJson())
                .put("returnWindowDays", returnWindowDays)
                .put("maxExtensionDays", maxExtensionDays)
                .put("warnShare", warnShare.doubleValue());
    }
}
