package cn.hotline12345.hub.ticket;

import java.time.Instant;

/**
 * The identity and state of a stored ticket, as the intake answers it.
 *
 * @param id database id
 * @param ticketNo the readable ticket number, e.g. {@code 20261122000123}
 * @param channel channel id
 * @param status current status
 * @param createdAt when it was stored
 */
public record StoredTicket(long id, String ticketNo, String channel, TicketStatus status, Instant createdAt) {}
