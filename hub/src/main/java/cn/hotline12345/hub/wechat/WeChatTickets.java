package cn.hotline12345.hub.wechat;

import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The tickets of one WeChat user: those answered to their openid, or of the citizen who holds that openid. */
public final class WeChatTickets {

    /**
     * One ticket as the 我的诉求 menu shows it.
     *
     * @param ticketNo the ticket number
     * @param title the ticket's title
     * @param status where it stands
     * @param createdAt when it was registered (UTC)
     */
    public record Summary(String ticketNo, String title, TicketStatus status, LocalDateTime createdAt) {}

    private final Pool pool;

    public WeChatTickets(Pool pool) {
        this.pool = pool;
    }

    /** The user's most recent tickets, newest first, at most {@code limit}. */
    public Future<List<Summary>> recent(String openid, int limit) {
        return pool.preparedQuery(WeChatSql.TICKETS_OF_OPENID)
                .execute(Tuple.of(openid, openid, limit))
                .map(rows -> {
                    List<Summary> tickets = new ArrayList<>();
                    for (Row row : rows) {
                        tickets.add(new Summary(
                                row.getString("ticket_no"),
                                row.getString("title"),
                                TicketStatus.valueOf(row.getString("status")),
                                row.getLocalDateTime("created_at")));
                    }
                    return tickets;
                });
    }
}
