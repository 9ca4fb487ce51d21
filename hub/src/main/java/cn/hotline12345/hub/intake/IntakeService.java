package cn.hotline12345.hub.intake;

import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.hub.classify.Classifiers;
import cn.hotline12345.hub.classify.Classifiers.TicketClassification;
import cn.hotline12345.hub.live.LiveEvents;
import cn.hotline12345.hub.ticket.NewTicket;
import cn.hotline12345.hub.ticket.StoredTicket;
import cn.hotline12345.hub.ticket.TicketNumbers;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one intake every channel uses: classifies a request (type and category), stores it as a ticket exactly once per
 * channel message or idempotency key, and answers only after the ticket and its first event are committed.
 */
public final class IntakeService {

    private final TicketRepository tickets;
    private final TicketNumbers numbers;
    private final Supplier<Classifiers> classifiers;
    private final Clock clock;
    private LiveEvents live;

    public IntakeService(
            TicketRepository tickets, TicketNumbers numbers, Supplier<Classifiers> classifiers, Clock clock) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.classifiers = classifiers;
        this.clock = clock;
    }

    /**
     * The outcome of a submission.
     *
     * @param ticket the stored ticket
     * @param created true for a new ticket, false when a retry found the one already stored
     */
    public record Outcome(StoredTicket ticket, boolean created) {}

    /** Stores the request, or finds the ticket an earlier delivery of the same request created. */
    public Future<Outcome> submit(NewTicket request) {
        NewTicket titled = withTitle(request);
        InboundMessage message = titled.message();
        return store(
                titled.classification() != null
                        ? titled
                        : titled.classifiedAs(classifiers.get().classify(message.title(), message.content())));
    }

    /**
     * Stores an agent's registration: the agent's type and category where given, the classifier's for the rest (a
     * category the agent chose is never sent to triage).
     */
    public Future<Outcome> submit(NewTicket request, String agentType, String agentCategory) {
        if (request.classification() != null) {
            return submit(request);
        }
        NewTicket titled = withTitle(request);
        InboundMessage message = titled.message();
        TicketClassification decision = classifiers.get().classify(message.title(), message.content());
        return store(titled.classifiedAs(new TicketClassification(
                agentType != null ? agentType : decision.type(),
                agentType != null ? 1.0 : decision.typeConfidence(),
                agentCategory != null ? agentCategory : decision.category(),
                agentCategory != null ? 1.0 : decision.categoryConfidence(),
                decision.version(),
                agentCategory == null && decision.triage())));
    }

    /** Announces tickets that go to the 待分类 queue on the agents' live sockets. Answers this service. */
    public IntakeService announcing(LiveEvents events) {
        this.live = events;
        return this;
    }

    private Future<Outcome> store(NewTicket request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return numbers.next()
                .compose(ticketNo -> tickets.insert(request, ticketNo, now))
                .onSuccess(ticket -> {
                    if (live != null
                            && request.classification() != null
                            && request.classification().triage()) {
                        JsonObject event =
                                new JsonObject().put("type", "ticket-queues").put("ticketNo", ticket.ticketNo());
                        live.publish("role:AGENT", event);
                        live.publish("role:DISPATCHER", event);
                    }
                })
                .map(ticket -> new Outcome(ticket, true))
                .recover(failure -> TicketRepository.isDuplicate(failure)
                        ? existing(request).compose(found -> found.map(
                                        ticket -> Future.succeededFuture(new Outcome(ticket, false)))
                                .orElseGet(() -> Future.failedFuture(failure)))
                        : Future.failedFuture(failure));
    }

    private Future<Optional<StoredTicket>> existing(NewTicket request) {
        InboundMessage message = request.message();
        Future<Optional<StoredTicket>> byKey = request.idempotencyKey() == null
                ? Future.succeededFuture(Optional.empty())
                : tickets.findByIdempotencyKey(request.idempotencyKey());
        return byKey.compose(found -> found.isPresent() || message.externalId() == null
                ? Future.succeededFuture(found)
                : tickets.findByExternalId(message.channel().id(), message.externalId()));
    }

    private static NewTicket withTitle(NewTicket request) {
        InboundMessage m = request.message();
        if (m.title() != null) {
            return request;
        }
        InboundMessage titled = new InboundMessage(
                m.channel(),
                m.externalId(),
                IntakeRequests.titleFrom(m.content()),
                m.content(),
                m.citizenName(),
                m.citizenPhone(),
                m.address(),
                m.area(),
                m.publicConsent(),
                m.receivedAt(),
                m.identities());
        return new NewTicket(
                titled,
                request.idempotencyKey(),
                request.actor(),
                request.classification(),
                request.agent(),
                request.mailboxId());
    }
}
