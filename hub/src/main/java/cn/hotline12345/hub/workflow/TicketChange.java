package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.ticket.TicketAction;
import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one transition writes: the new status, changed columns, co-units, clocks and other rows, and its event. */
final class TicketChange {

    /** A clock to (re)arm. */
    record ClockSpec(ClockKind kind, String stage, LocalDateTime fireAt) {}

    /** Another statement to run in the transition's transaction. */
    record Statement(String sql, Tuple params) {}

    final TicketAction action;
    final TicketStatus to;
    final JsonObject payload = new JsonObject();
    final Map<String, Object> columns = new LinkedHashMap<>();
    final List<ClockKind> clearedClocks = new ArrayList<>();
    final List<ClockSpec> clocks = new ArrayList<>();
    final List<Statement> statements = new ArrayList<>();
    List<Long> coUnits;

    TicketChange(TicketAction action, TicketStatus to) {
        this.action = action;
        this.to = to;
    }

    TicketChange set(String column, Object value) {
        columns.put(column, value);
        return this;
    }

    TicketChange put(String key, Object value) {
        payload.put(key, value);
        return this;
    }

    TicketChange also(String sql, Tuple params) {
        statements.add(new Statement(sql, params));
        return this;
    }
}
