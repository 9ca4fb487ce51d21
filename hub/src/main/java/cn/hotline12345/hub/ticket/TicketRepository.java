package cn.hotline12345.hub.ticket;

import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.hub.classify.Classifiers.TicketClassification;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Stores tickets and their events; every write of a ticket's state writes its event in the same transaction. */
public final class TicketRepository {

    private static final int DUPLICATE_ENTRY = 1062;

    private final Pool pool;

    public TicketRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a new ticket with its citizen and its first event in one transaction. Fails with a {@link
     * DatabaseException} of error 1062 when the same channel message or idempotency key is already stored.
     */
    public Future<StoredTicket> insert(NewTicket ticket, String ticketNo, Instant now) {
        InboundMessage message = ticket.message();
        TicketClassification decision = ticket.classification();
        LocalDateTime at = utc(now);
        NewTicket.AgentInput agent = ticket.agent();
        String answer = agent == null ? null : agent.answer();
        LocalDateTime answeredAt = answer == null ? null : at;
        int events = answer == null ? 1 : 2;
        TicketStatus status = ticket.initialStatus();
        return pool.withTransaction(conn -> upsertCitizen(conn, message, at)
                        .compose(citizenId -> conn.preparedQuery(TicketSql.INSERT_TICKET)
                                .execute(Tuple.from(new Object[] {
                                    ticketNo,
                                    message.channel().id(),
                                    message.externalId(),
                                    ticket.idempotencyKey(),
                                    citizenId,
                                    message.citizenName(),
                                    message.citizenPhone(),
                                    replyTo(message),
                                    message.title(),
                                    message.content(),
                                    decision == null ? null : decision.type(),
                                    decision == null ? null : decision.category(),
                                    decision == null ? null : confidence(decision.typeConfidence()),
                                    decision == null ? null : confidence(decision.categoryConfidence()),
                                    decision == null ? null : decision.version(),
                                    decision != null && decision.triage(),
                                    message.address(),
                                    message.area(),
                                    status.name(),
                                    message.publicConsent(),
                                    events,
                                    utc(message.receivedAt()),
                                    at,
                                    at,
                                    agent == null ? null : agent.subcategory(),
                                    agent == null || agent.urgency() == null ? "NORMAL" : agent.urgency(),
                                    answeredAt,
                                    answeredAt,
                                    answeredAt,
                                    answer == null ? null : true,
                                    ticket.mailboxId()
                                })))
                        .compose(rows -> {
                            long id = rows.property(MySQLClient.LAST_INSERTED_ID);
                            JsonObject payload = new JsonObject()
                                    .put("channel", message.channel().id())
                                    .put("externalId", message.externalId())
                                    .put("status", TicketStatus.RECEIVED.name())
                                    .put("classification", decision == null ? null : decision.toJson());
                            return conn.preparedQuery(TicketSql.INSERT_EVENT)
                                    .execute(Tuple.of(
                                            id,
                                            1,
                                            ticket.actor(),
                                            TicketAction.RECEIVE.name(),
                                            null,
                                            TicketStatus.RECEIVED.name(),
                                            at,
                                            payload.encode()))
                                    .compose(done -> answer == null
                                            ? Future.succeededFuture()
                                            : conn.preparedQuery(TicketSql.INSERT_EVENT)
                                                    .execute(Tuple.of(
                                                            id,
                                                            2,
                                                            ticket.actor(),
                                                            TicketAction.ANSWER.name(),
                                                            TicketStatus.RECEIVED.name(),
                                                            TicketStatus.CLOSED.name(),
                                                            at,
                                                            new JsonObject()
                                                                    .put("content", answer)
                                                                    .put("onTheSpot", true)
                                                                    .encode()))
                                                    .compose(event -> conn.preparedQuery(TicketSql.INSERT_DIRECT_ANSWER)
                                                            .execute(Tuple.of(id, answer, ticket.actor(), at))))
                                    .map(id);
                        }))
                .map(id ->
                        new StoredTicket(id, ticketNo, message.channel().id(), status, at.toInstant(ZoneOffset.UTC)));
    }

    /** The ticket stored for this channel message, if any. */
    public Future<Optional<StoredTicket>> findByExternalId(String channel, String externalId) {
        return pool.preparedQuery(TicketSql.TICKET_BY_CHANNEL_AND_EXTERNAL_ID)
                .execute(Tuple.of(channel, externalId))
                .map(TicketRepository::firstStored);
    }

    /** The ticket stored under this idempotency key, if any. */
    public Future<Optional<StoredTicket>> findByIdempotencyKey(String key) {
        return pool.preparedQuery(TicketSql.TICKET_BY_IDEMPOTENCY_KEY)
                .execute(Tuple.of(key))
                .map(TicketRepository::firstStored);
    }

    /** The citizen view of a ticket if it exists and its registered phone is {@code phone}. */
    public Future<Optional<TicketProgress>> findProgress(String ticketNo, String phone) {
        return findProgress(ticketNo, ticket -> phone != null && phone.equals(ticket.getString("citizen_phone")));
    }

    /** The citizen view of a ticket if it exists and belongs to citizen {@code citizenId}. */
    public Future<Optional<TicketProgress>> findProgressOf(String ticketNo, long citizenId) {
        return findProgress(ticketNo, ticket -> Long.valueOf(citizenId).equals(ticket.getLong("citizen_id")));
    }

    private Future<Optional<TicketProgress>> findProgress(String ticketNo, Predicate<Row> entitled) {
        return pool.preparedQuery(TicketSql.PROGRESS_BY_TICKET_NO)
                .execute(Tuple.of(ticketNo))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    Row ticket = rows.iterator().next();
                    if (!entitled.test(ticket)) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    long id = ticket.getLong("id");
                    return pool.preparedQuery(TicketSql.EVENTS_OF_TICKET)
                            .execute(Tuple.of(id))
                            .compose(events -> pool.preparedQuery(TicketSql.APPROVED_REPLY)
                                    .execute(Tuple.of(id))
                                    .map(reply -> Optional.of(toProgress(
                                            ticket,
                                            events,
                                            reply.size() == 0
                                                    ? null
                                                    : reply.iterator().next().getString("content")))));
                });
    }

    /**
     * Applies an agent's correction of type and category: stores it as a labelled example for retraining, updates
     * the ticket, clears its triage flag and appends a {@link TicketAction#RECLASSIFY} event, in one transaction. A
     * ticket waiting in 待派单 goes back to 已受理 so it is routed again by its new category. Succeeds with false when
     * there is no such ticket.
     */
    public Future<Boolean> reclassify(
            String ticketNo, String type, String category, String subcategory, String actor, Instant now) {
        LocalDateTime at = utc(now);
        return pool.withTransaction(conn -> conn.preparedQuery(TicketSql.LOCK_FOR_RECLASSIFY)
                .execute(Tuple.of(ticketNo))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(false);
                    }
                    Row ticket = rows.iterator().next();
                    long id = ticket.getLong("id");
                    int seq = ticket.getInteger("event_seq") + 1;
                    String status = ticket.getString("status");
                    String next =
                            TicketStatus.PENDING_DISPATCH.name().equals(status) ? TicketStatus.RECEIVED.name() : status;
                    JsonObject payload = new JsonObject()
                            .put("type", type)
                            .put("category", category)
                            .put("subcategory", subcategory)
                            .put("previousType", ticket.getString("request_type"))
                            .put("previousCategory", ticket.getString("category"))
                            .put("previousSubcategory", ticket.getString("subcategory"));
                    return conn.preparedQuery(TicketSql.INSERT_CORRECTION)
                            .execute(Tuple.from(new Object[] {
                                id,
                                ticket.getString("title") + "。" + ticket.getString("content"),
                                type,
                                category,
                                ticket.getString("request_type"),
                                ticket.getString("category"),
                                actor,
                                at
                            }))
                            .compose(stored -> conn.preparedQuery(TicketSql.APPLY_CLASSIFICATION)
                                    .execute(Tuple.of(type, category, subcategory, next, seq, at, id)))
                            .compose(updated -> conn.preparedQuery(TicketSql.INSERT_EVENT)
                                    .execute(Tuple.of(
                                            id,
                                            seq,
                                            actor,
                                            TicketAction.RECLASSIFY.name(),
                                            status,
                                            next,
                                            at,
                                            payload.encode())))
                            .map(true);
                }));
    }

    /**
     * The 待分类 (triage) queue, oldest first: tickets whose classification an agent must confirm, with the classifier's
     * suggestion. Keyset pagination: pass the last {@code id} seen, 0 for the first page.
     */
    public Future<List<JsonObject>> triageQueue(long afterId, int limit) {
        return pool.preparedQuery(TicketSql.TRIAGE_QUEUE)
                .execute(Tuple.of(afterId, limit))
                .map(rows -> {
                    List<JsonObject> queue = new ArrayList<>();
                    for (Row row : rows) {
                        queue.add(new JsonObject()
                                .put("id", row.getLong("id"))
                                .put("ticketNo", row.getString("ticket_no"))
                                .put("channel", row.getString("channel"))
                                .put("title", row.getString("title"))
                                .put("excerpt", row.getString("excerpt"))
                                .put(
                                        "createdAt",
                                        row.getLocalDateTime("created_at")
                                                .toInstant(ZoneOffset.UTC)
                                                .toString())
                                .put(
                                        "suggestion",
                                        new JsonObject()
                                                .put("type", row.getString("request_type"))
                                                .put(
                                                        "typeConfidence",
                                                        row.getBigDecimal("type_confidence") == null
                                                                ? null
                                                                : row.getBigDecimal("type_confidence")
                                                                        .doubleValue())
                                                .put("category", row.getString("category"))
                                                .put(
                                                        "categoryConfidence",
                                                        row.getBigDecimal("category_confidence") == null
                                                                ? null
                                                                : row.getBigDecimal("category_confidence")
                                                                        .doubleValue())
                                                .put("modelVersion", row.getString("classifier_version"))));
                    }
                    return queue;
                });
    }

    /** Whether a failure means the row was already stored (MariaDB error 1062). */
    public static boolean isDuplicate(Throwable failure) {
        return failure instanceof DatabaseException db && db.getErrorCode() == DUPLICATE_ENTRY;
    }

    /**
     * The citizen a new ticket belongs to. Verified identities (an openid, a caller number from the switch) find the
     * citizen who already holds one of them, or make a new one that holds them all; a message without any gets a
     * citizen of its own, which agents may merge later. Identities held by another citizen are left there: only an
     * agent merges two citizens.
     */
    private static Future<Long> upsertCitizen(SqlConnection conn, InboundMessage message, LocalDateTime at) {
        List<Identity> verified =
                message.identities().stream().filter(Identity::verified).toList();
        if (verified.isEmpty()) {
            if (message.citizenPhone() == null && message.citizenName() == null) {
                return Future.succeededFuture(null);
            }
            return newCitizen(conn, message, at);
        }
        return owners(conn, verified, 0, new ArrayList<>()).compose(owners -> {
            Optional<Long> known = owners.stream().filter(Objects::nonNull).findFirst();
            if (known.isPresent()) {
                long id = known.get();
                return conn.preparedQuery(TicketSql.FILL_CITIZEN_CONTACT)
                        .execute(Tuple.of(message.citizenName(), message.citizenPhone(), at, id))
                        .compose(filled -> link(conn, id, verified, 0, at))
                        .map(id);
            }
            return newCitizen(conn, message, at).compose(created -> link(conn, created, verified, 0, at)
                    .compose(linked -> owners(conn, verified.subList(0, 1), 0, new ArrayList<>()))
                    .compose(won -> created.equals(won.get(0))
                            ? Future.succeededFuture(created)
                            : conn.preparedQuery(TicketSql.MOVE_IDENTITIES)
                                    .execute(Tuple.of(won.get(0), created))
                                    .compose(moved -> conn.preparedQuery(TicketSql.DELETE_CITIZEN)
                                            .execute(Tuple.of(created)))
                                    .map(won.get(0))));
        });
    }

    private static Future<Long> newCitizen(SqlConnection conn, InboundMessage message, LocalDateTime at) {
        return conn.preparedQuery(TicketSql.INSERT_CITIZEN)
                .execute(Tuple.of(message.citizenName(), message.citizenPhone(), at, at))
                .map(rows -> rows.property(MySQLClient.LAST_INSERTED_ID));
    }

    private static Future<List<Long>> owners(SqlConnection conn, List<Identity> ids, int from, List<Long> found) {
        if (from == ids.size()) {
            return Future.succeededFuture(found);
        }
        Identity identity = ids.get(from);
        return conn.preparedQuery(TicketSql.IDENTITY_OWNER)
                .execute(Tuple.of(identity.kind().name(), identity.value()))
                .compose(rows -> {
                    found.add(rows.size() == 0 ? null : rows.iterator().next().getLong("citizen_id"));
                    return owners(conn, ids, from + 1, found);
                });
    }

    private static Future<Void> link(
            SqlConnection conn, long citizenId, List<Identity> ids, int from, LocalDateTime at) {
        if (from == ids.size()) {
            return Future.succeededFuture();
        }
        Identity identity = ids.get(from);
        return conn.preparedQuery(TicketSql.LINK_IDENTITY)
                .execute(Tuple.of(citizenId, identity.kind().name(), identity.value(), at))
                .compose(done -> link(conn, citizenId, ids, from + 1, at));
    }

    /** The channel address a citizen is answered on, when the channel has one (WeChat and mini-program openids). */
    private static String replyTo(InboundMessage message) {
        return switch (message.channel()) {
            case WECHAT -> message.verified(Identity.Kind.WECHAT_OPENID).orElse(null);
            case MINIPROGRAM -> message.verified(Identity.Kind.MINIPROGRAM_OPENID)
                    .orElse(null);
            default -> null;
        };
    }

    private static TicketProgress toProgress(Row ticket, RowSet<Row> events, String reply) {
        List<TicketProgress.Step> steps = new ArrayList<>();
        for (Row event : events) {
            TicketAction action = TicketAction.valueOf(event.getString("action"));
            action.citizenText()
                    .ifPresent(text -> steps.add(new TicketProgress.Step(
                            event.getLocalDateTime("occurred_at").toInstant(ZoneOffset.UTC), action, text)));
        }
        return new TicketProgress(
                ticket.getString("ticket_no"),
                ticket.getString("channel"),
                ticket.getString("title"),
                TicketStatus.valueOf(ticket.getString("status")),
                ticket.getLocalDateTime("created_at").toInstant(ZoneOffset.UTC),
                ticket.getLocalDateTime("updated_at").toInstant(ZoneOffset.UTC),
                List.copyOf(steps),
                reply);
    }

    private static Optional<StoredTicket> firstStored(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new StoredTicket(
                row.getLong("id"),
                row.getString("ticket_no"),
                row.getString("channel"),
                TicketStatus.valueOf(row.getString("status")),
                row.getLocalDateTime("created_at").toInstant(ZoneOffset.UTC)));
    }

    private static BigDecimal confidence(double probability) {
        return BigDecimal.valueOf(probability).setScale(4, RoundingMode.HALF_UP);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
