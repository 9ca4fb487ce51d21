package cn.hotline12345.hub.notify;

/**
 * A notification waiting in the outbox.
 *
 * @param id outbox id, also the idempotency reference sent to gateways
 * @param ticketId the ticket it is about
 * @param channel the channel the citizen used
 * @param recipient the citizen's phone (or channel identity), or null
 * @param kind what it is: REPLY, ANSWER, REJECT
 * @param text the Chinese text
 * @param attempts delivery attempts so far, this one included
 */
public record OutboxMessage(
        long id, long ticketId, String channel, String recipient, String kind, String text, int attempts) {

    /** The same message to another recipient, e.g. the ticket's phone when its channel refused it. */
    public OutboxMessage withRecipient(String other) {
        return new OutboxMessage(id, ticketId, channel, other, kind, text, attempts);
    }
}
