package cn.hotline12345.hub.ticket;

import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.hub.classify.Classifiers.TicketClassification;

/**
 * A ticket about to be stored: the citizen's message plus what the hub decided about it.
 *
 * @param message the normalised request
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 * @param actor who registered it, e.g. {@code channel:web} or {@code user:agent07}
 * @param classification type and category from the classifier (or the agent), or null when not classified
 * @param agent what the registering agent added, or null for channel messages
 * @param mailboxId the leader mailbox (领导信箱) a letter was written to, or null
 */
public record NewTicket(
        InboundMessage message,
        String idempotencyKey,
        String actor,
        TicketClassification classification,
        AgentInput agent,
        Long mailboxId) {

    /**
     * What an agent registering a call adds.
     *
     * @param subcategory the second-level category, or null
     * @param urgency NORMAL (一般), URGENT (紧急) or CRITICAL (特急)
     * @param answer the agent's on-the-spot answer to a 咨询 (直接答复), which closes the ticket at once, or null
     */
    public record AgentInput(String subcategory, String urgency, String answer) {}

    /** A ticket from a channel, without an agent's additions. */
    public NewTicket(InboundMessage message, String idempotencyKey, String actor, TicketClassification classification) {
        this(message, idempotencyKey, actor, classification, null, null);
    }

    /** A ticket registered by an agent. */
    public NewTicket(
            InboundMessage message,
            String idempotencyKey,
            String actor,
            TicketClassification classification,
            AgentInput agent) {
        this(message, idempotencyKey, actor, classification, agent, null);
    }

    /** This ticket with the classifier's decision. */
    public NewTicket classifiedAs(TicketClassification decision) {
        return new NewTicket(message, idempotencyKey, actor, decision, agent, mailboxId);
    }

    /** The status it is stored in: closed at once when an agent answered it directly. */
    public TicketStatus initialStatus() {
        return agent != null && agent.answer() != null ? TicketStatus.CLOSED : TicketStatus.RECEIVED;
    }
}
