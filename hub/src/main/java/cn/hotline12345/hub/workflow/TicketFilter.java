package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.ticket.TicketStatus;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Filters of the ticket list; null means any.
 *
 * @param statuses any of these statuses (empty: all)
 * @param department lead unit or co-unit (ignored for department users, who always see their own)
 * @param category first-level category
 * @param type request type
 * @param channel channel id
 * @param overdue past a deadline or not
 * @param dueBefore reply deadline before this moment (UTC)
 * @param createdFrom registered at or after (UTC)
 * @param createdTo registered before (UTC)
 * @param text a ticket number, or words in the title or content
 * @param before keyset cursor: ids below it; 0 for the first page
 * @param limit page size
 */
public record TicketFilter(
        List<TicketStatus> statuses,
        Long department,
        String category,
        String type,
        String channel,
        Boolean overdue,
        LocalDateTime dueBefore,
        LocalDateTime createdFrom,
        LocalDateTime createdTo,
        String text,
        long before,
        int limit) {}
