package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.sqlclient.Row;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A ticket row locked for a transition, with its co-units. {@code notifyTo} is where the citizen hears back: on the
 * official account the openid (customer-service messages), elsewhere the phone number given (SMS), else the channel
 * address (a mini-program openid, whose citizens read replies under 我的诉求).
 */
record LockedTicket(
        long id,
        String ticketNo,
        String channel,
        Long citizenId,
        String citizenPhone,
        String notifyTo,
        Long masterTicketId,
        TicketStatus status,
        int eventSeq,
        String title,
        String content,
        String requestType,
        String category,
        String subcategory,
        String urgency,
        String address,
        String area,
        String areaCode,
        Long leadDepartmentId,
        LocalDateTime dispatchedAt,
        LocalDateTime acceptedAt,
        LocalDateTime repliedAt,
        LocalDateTime returnDueAt,
        LocalDateTime acceptDueAt,
        LocalDateTime replyDueAt,
        String replyUnit,
        LocalDateTime pausedAt,
        int extendedDays,
        boolean overdue,
        String satisfaction,
        int reopenCount,
        boolean publicConsent,
        Long mailboxDepartmentId,
        List<Long> coDepartmentIds) {

    static LockedTicket of(Row row, List<Long> co) {
        return new LockedTicket(
                row.getLong("id"),
                row.getString("ticket_no"),
                row.getString("channel"),
                row.getLong("citizen_id"),
                row.getString("citizen_phone"),
                row.getString("notify_to"),
                row.getLong("master_ticket_id"),
                TicketStatus.valueOf(row.getString("status")),
                row.getInteger("event_seq"),
                row.getString("title"),
                row.getString("content"),
                row.getString("request_type"),
                row.getString("category"),
                row.getString("subcategory"),
                row.getString("urgency"),
                row.getString("address"),
                row.getString("area"),
                row.getString("area_code"),
                row.getLong("lead_department_id"),
                row.getLocalDateTime("dispatched_at"),
                row.getLocalDateTime("accepted_at"),
                row.getLocalDateTime("replied_at"),
                row.getLocalDateTime("return_due_at"),
                row.getLocalDateTime("accept_due_at"),
                row.getLocalDateTime("reply_due_at"),
                row.getString("reply_unit"),
                row.getLocalDateTime("paused_at"),
                row.getInteger("extended_days"),
                row.getBoolean("overdue"),
                row.getString("satisfaction"),
                row.getInteger("reopen_count"),
                row.getBoolean("public_consent"),
                row.getLong("mailbox_department_id"),
                co);
    }

    /** Whether the department is a co-unit. */
    boolean coUnit(Long departmentId) {
        return departmentId != null && coDepartmentIds.contains(departmentId);
    }

    /** Whether the department is the lead unit or a co-unit. */
    boolean involves(Long departmentId) {
        return departmentId != null
                && (departmentId.equals(leadDepartmentId) || coDepartmentIds.contains(departmentId));
    }

    /** The text keywords are looked for in. */
    String text() {
        return title + "。" + content;
    }
}
