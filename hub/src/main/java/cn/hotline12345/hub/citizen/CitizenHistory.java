package cn.hotline12345.hub.citizen;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * One citizen's history across channels (hotline, web, mailbox, WeChat, mini-program): the citizen, the identities
 * linked to them, their tickets, and tickets that carry the same phone number without a verified link (possibly the
 * same person; an agent may merge them).
 */
public final class CitizenHistory {

    private static final int MAX_MERGE_HOPS = 8;

    private final Pool pool;

    public CitizenHistory(Pool pool) {
        this.pool = pool;
    }

    /** The history of the citizen holding {@code phone} as a verified identity, else the tickets giving that phone. */
    public Future<JsonObject> ofPhone(String phone) {
        return owner(Identity.Kind.PHONE, phone)
                .compose(owner -> owner.isPresent()
                        ? of(owner.get()).map(found -> found.orElseGet(() -> unlinked(phone)))
                        : pool.preparedQuery(CitizenSql.TICKETS_WITH_PHONE)
                                .execute(Tuple.of(phone, 0L))
                                .map(rows -> unlinked(phone).put("unverifiedTickets", tickets(rows))));
    }

    /** The history of the citizen holding this identity, if one does. */
    public Future<Optional<JsonObject>> ofIdentity(Identity.Kind kind, String value) {
        return owner(kind, value)
                .compose(owner -> owner.isPresent() ? of(owner.get()) : Future.succeededFuture(Optional.empty()));
    }

    /** The citizen who holds this identity, if any. */
    public Future<Optional<Long>> owner(Identity.Kind kind, String value) {
        return pool.preparedQuery(CitizenSql.OWNER_OF_IDENTITY)
                .execute(Tuple.of(kind.name(), value))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong("citizen_id")));
    }

    /** The history of a citizen; a citizen merged into another answers with the survivor's history. */
    public Future<Optional<JsonObject>> of(long citizenId) {
        return survivor(citizenId, 0).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Row citizen = found.get();
            long id = citizen.getLong("id");
            return pool.preparedQuery(CitizenSql.IDENTITIES)
                    .execute(Tuple.of(id))
                    .compose(identities -> pool.preparedQuery(CitizenSql.TICKETS_OF_CITIZEN)
                            .execute(Tuple.of(id))
                            .compose(tickets -> (phone(citizen, identities) == null
                                            ? Future.<JsonArray>succeededFuture(new JsonArray())
                                            : pool.preparedQuery(CitizenSql.TICKETS_WITH_PHONE)
                                                    .execute(Tuple.of(phone(citizen, identities), id))
                                                    .map(CitizenHistory::tickets))
                                    .map(unverified -> Optional.of(new JsonObject()
                                            .put("citizen", citizen(citizen, identities))
                                            .put("tickets", tickets(tickets))
                                            .put("unverifiedTickets", unverified)))));
        });
    }

    private Future<Optional<Row>> survivor(long citizenId, int hops) {
        return pool.preparedQuery(CitizenSql.CITIZEN)
                .execute(Tuple.of(citizenId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    Row row = rows.iterator().next();
                    Long mergedInto = row.getLong("merged_into");
                    return mergedInto == null || hops >= MAX_MERGE_HOPS
                            ? Future.succeededFuture(Optional.of(row))
                            : survivor(mergedInto, hops + 1);
                });
    }

    /** The phone to look for unlinked tickets by: a verified one, else the contact number. */
    private static String phone(Row citizen, RowSet<Row> identities) {
        for (Row identity : identities) {
            if (Identity.Kind.PHONE.name().equals(identity.getString("kind"))) {
                return identity.getString("identifier");
            }
        }
        return citizen.getString("phone");
    }

    private static JsonObject unlinked(String phone) {
        return new JsonObject()
                .putNull("citizen")
                .put("phone", phone)
                .put("tickets", new JsonArray())
                .put("unverifiedTickets", new JsonArray());
    }

    private static JsonObject citizen(Row row, RowSet<Row> identities) {
        JsonArray ids = new JsonArray();
        for (Row identity : identities) {
            Identity.Kind kind = Identity.Kind.valueOf(identity.getString("kind"));
            ids.add(new JsonObject()
                    .put("id", identity.getLong("id"))
                    .put("kind", kind.name())
                    .put("kindName", kindName(kind))
                    .put("value", identity.getString("identifier"))
                    .put("verified", identity.getBoolean("verified"))
                    .put("source", identity.getString("source"))
                    .put("linkedAt", Times.iso(identity.getLocalDateTime("created_at"))));
        }
        return new JsonObject()
                .put("id", row.getLong("id"))
                .put("name", row.getString("name"))
                .put("phone", row.getString("phone"))
                .put("identities", ids);
    }

    private static JsonArray tickets(RowSet<Row> rows) {
        JsonArray out = new JsonArray();
        for (Row t : rows) {
            String channel = t.getString("channel");
            TicketStatus status = TicketStatus.valueOf(t.getString("status"));
            out.add(new JsonObject()
                    .put("ticketNo", t.getString("ticket_no"))
                    .put("citizenId", t.getLong("citizen_id"))
                    .put("channel", channel)
                    .put(
                            "channelName",
                            ChannelId.of(channel).map(ChannelId::displayName).orElse(channel))
                    .put("title", t.getString("title"))
                    .put("status", status.name())
                    .put("statusName", status.displayName())
                    .put("requestType", t.getString("request_type"))
                    .put("category", t.getString("category"))
                    .put("phone", t.getString("citizen_phone"))
                    .put("satisfaction", t.getString("satisfaction"))
                    .put("createdAt", Times.iso(t.getLocalDateTime("created_at")))
                    .put(
                            "closedAt",
                            t.getLocalDateTime("closed_at") == null
                                    ? null
                                    : Times.iso(t.getLocalDateTime("closed_at"))));
        }
        return out;
    }

    /** The Chinese name of an identity kind. */
    public static String kindName(Identity.Kind kind) {
        return switch (kind) {
            case PHONE -> "电话号码";
            case WECHAT_OPENID -> "公众号 OpenID";
            case MINIPROGRAM_OPENID -> "小程序 OpenID";
            case WECHAT_UNIONID -> "微信 UnionID";
        };
    }
}
