package cn.hotline12345.hub.hotline;

import cn.hotline12345.channels.hotline.EslEvent;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The hotline calls the switch reported ({@code hotline_call}): stored once per call id however often an event is
 * delivered, and attached to the ticket registered with that call id, whichever arrives first.
 */
public final class HotlineCalls {

    private final Pool pool;
    private final Clock clock;
    private final String recordingVariable;

    /**
     * @param recordingVariable the channel variable the dialplan puts the recording's path in, e.g. {@code
     *     record_file_path}
     */
    public HotlineCalls(Pool pool, Clock clock, String recordingVariable) {
        this.pool = pool;
        this.clock = clock;
        this.recordingVariable = recordingVariable;
    }

    /** Stores an answered call; true when it was new, false for a redelivered or late answer event. */
    public Future<Boolean> answered(EslEvent event) {
        String callId = event.uniqueId().orElseThrow();
        LocalDateTime now = now();
        LocalDateTime answered = utc(event.answeredAt().orElse(clock.instant()));
        String caller = event.callerNumber().orElse(null);
        String extension = event.extension().orElse(null);
        return pool.preparedQuery(HotlineSql.INSERT_ANSWERED)
                .execute(Tuple.from(new Object[] {callId, caller, extension, answered, callId, now, now}))
                .map(true)
                .recover(failure -> isDuplicate(failure)
                        ? pool.preparedQuery(HotlineSql.FILL_IN_ANSWERED)
                                .execute(Tuple.of(caller, extension, answered, now, callId))
                                .map(false)
                        : Future.failedFuture(failure));
    }

    /** Stores the end of a call: end time, billed seconds, cause and recording; creates the call if it was missed. */
    public Future<Void> ended(EslEvent event) {
        String callId = event.uniqueId().orElseThrow();
        LocalDateTime now = now();
        Integer billed = event.billedSeconds().isPresent()
                ? (int) Math.min(Integer.MAX_VALUE, event.billedSeconds().getAsLong())
                : null;
        return pool.preparedQuery(HotlineSql.UPSERT_ENDED)
                .execute(Tuple.from(new Object[] {
                    callId,
                    event.callerNumber().orElse(null),
                    event.extension().orElse(null),
                    event.answeredAt().map(HotlineCalls::utc).orElse(null),
                    utc(event.endedAt().orElse(clock.instant())),
                    billed,
                    event.hangupCause().map(c -> clip(c, 64)).orElse(null),
                    event.variable(recordingVariable).map(p -> clip(p, 512)).orElse(null),
                    callId,
                    now,
                    now
                }))
                .mapEmpty();
    }

    /** The call with this id. */
    public Future<Optional<HotlineCall>> find(String callId) {
        return find(pool, callId);
    }

    /** The call with this id, read with {@code client} (a pool or a transaction's connection). */
    public static Future<Optional<HotlineCall>> find(SqlClient client, String callId) {
        return client.preparedQuery(HotlineSql.CALL_BY_UUID)
                .execute(Tuple.of(callId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(call(rows.iterator().next())));
    }

    /** Attaches the ticket to the call unless it already has one. */
    public Future<Void> attach(String callId, long ticketId) {
        return pool.preparedQuery(HotlineSql.ATTACH_TICKET)
                .execute(Tuple.of(ticketId, now(), callId))
                .mapEmpty();
    }

    /**
     * The calls of a ticket as its detail shows them to a viewer.
     *
     * @param callerView how the viewer sees the calling number (in full, masked, or null when hidden); a viewer who
     *     does not see it in full does not see the recording's path either
     */
    public static Future<JsonArray> ofTicket(SqlClient client, long ticketId, UnaryOperator<String> callerView) {
        return client.preparedQuery(HotlineSql.CALLS_OF_TICKET)
                .execute(Tuple.of(ticketId))
                .map(rows -> {
                    JsonArray calls = new JsonArray();
                    for (Row row : rows) {
                        HotlineCall call = call(row);
                        String caller = call.callerNumber() == null ? null : callerView.apply(call.callerNumber());
                        JsonObject shown = call.toJson().put("caller", caller);
                        if (!Objects.equals(caller, call.callerNumber())) {
                            shown.putNull("recording");
                        }
                        calls.add(shown);
                    }
                    return calls;
                });
    }

    /** The active staff user whose extension this is. */
    public Future<Optional<String>> userOfExtension(String extension) {
        return pool.preparedQuery(HotlineSql.USER_OF_EXTENSION)
                .execute(Tuple.of(extension))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("username")));
    }

    private static HotlineCall call(Row row) {
        return new HotlineCall(
                row.getString("call_uuid"),
                row.getString("caller_number"),
                row.getString("agent_extension"),
                row.getLocalDateTime("answered_at"),
                row.getLocalDateTime("ended_at"),
                row.getInteger("duration_seconds"),
                row.getString("hangup_cause"),
                row.getString("recording_path"),
                row.getLong("ticket_id"));
    }

    private static boolean isDuplicate(Throwable failure) {
        return TicketRepository.isDuplicate(failure);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }
}
