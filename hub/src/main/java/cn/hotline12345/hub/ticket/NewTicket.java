package cn.hotline12345.hub.ticket;

import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.hub.classify.Classifiers.TicketClassification;

/**
 * A ticket about to be stored: the citizen's message plus what the hub decided about it.
 *
 * @param message the normalised request
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 * @param actor who registered it, e.g. {@code channel:web} or {@code user:agent07}
 * @param classification type and category from the classifier, or null when not classified
 */
public record NewTicket(
        InboundMessage message, String idempotencyKey, String actor, TicketClassification classification) {

    /** This ticket with the classifier's decision. */
    public NewTicket classifiedAs(TicketClassification decision) {
        return new NewTicket(message, idempotencyKey, actor, decision);
    }
}
