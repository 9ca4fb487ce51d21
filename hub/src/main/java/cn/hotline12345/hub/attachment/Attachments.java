package cn.hotline12345.hub.attachment;

import cn.hotline12345.hub.http.Times;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Files attached to tickets (附件): a citizen's photos, a chat transcript, a department's documents. The same file
 * attached twice to one ticket is stored once, so a client's retry adds nothing.
 */
public final class Attachments {

    /** What an attachment is. */
    public enum Kind {
        /** A citizen's photo (现场照片). */
        PHOTO,
        /** The transcript of a live chat (在线客服记录). */
        TRANSCRIPT,
        /** A document a department attached to its reply. */
        DOCUMENT
    }

    /**
     * A file to attach.
     *
     * @param kind what it is
     * @param fileName the name shown to people
     * @param contentType its media type, as checked by the caller
     * @param content the bytes
     */
    public record Upload(Kind kind, String fileName, String contentType, Buffer content) {}

    private final Pool pool;
    private final Clock clock;

    public Attachments(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Attaches the files to the ticket, in one transaction. */
    public Future<Void> attach(long ticketId, List<Upload> files, String actor) {
        if (files.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.withTransaction(conn -> attach(conn, ticketId, files, actor));
    }

    /** Attaches the files within the caller's transaction. */
    public Future<Void> attach(SqlClient client, long ticketId, List<Upload> files, String actor) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>();
        for (Upload file : files) {
            rows.add(Tuple.from(new Object[] {
                ticketId,
                file.kind().name(),
                file.fileName(),
                file.contentType(),
                file.content().length(),
                sha256(file.content()),
                file.content(),
                actor,
                now
            }));
        }
        return client.preparedQuery(AttachmentSql.INSERT).executeBatch(rows).mapEmpty();
    }

    /** The ticket's attachments without their content, oldest first. */
    public Future<JsonArray> list(long ticketId) {
        return pool.preparedQuery(AttachmentSql.OF_TICKET)
                .execute(Tuple.of(ticketId))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    for (Row row : rows) {
                        out.add(new JsonObject()
                                .put("id", row.getLong("id"))
                                .put("kind", row.getString("kind"))
                                .put("fileName", row.getString("file_name"))
                                .put("contentType", row.getString("content_type"))
                                .put("size", row.getInteger("size_bytes"))
                                .put("uploadedBy", row.getString("uploaded_by"))
                                .put("createdAt", Times.iso(row.getLocalDateTime("created_at"))));
                    }
                    return out;
                });
    }

    /** The attachments of the ticket numbered {@code ticketNo}, or empty when there is no such ticket. */
    public Future<Optional<JsonArray>> ofTicket(String ticketNo) {
        return pool.preparedQuery(AttachmentSql.TICKET_ID)
                .execute(Tuple.of(ticketNo))
                .compose(rows -> rows.size() == 0
                        ? Future.succeededFuture(Optional.empty())
                        : list(rows.iterator().next().getLong("id")).map(Optional::of));
    }

    /** One attachment of a ticket with its content, if both exist. */
    public Future<Optional<Row>> read(String ticketNo, long attachmentId) {
        return pool.preparedQuery(AttachmentSql.CONTENT)
                .execute(Tuple.of(ticketNo, attachmentId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next()));
    }

    private static String sha256(Buffer content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
