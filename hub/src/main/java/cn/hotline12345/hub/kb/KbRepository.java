package cn.hotline12345.hub.kb;

import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.kb.EntryStatus;
import cn.hotline12345.kb.KbEntry;
import cn.hotline12345.kb.Passage;
import cn.hotline12345.kb.PolicyDocuments;
import cn.hotline12345.kb.Source;
import cn.hotline12345.kb.Synonyms;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The knowledge base in MySQL, the one truth every hub's search index follows: entries with a version snapshot per
 * change, policy documents and their passages, the synonym dictionary, the change log, and the questions asked.
 */
public final class KbRepository {

    /** Change kinds in {@code kb_change}. */
    static final String ENTRY = "ENTRY";

    static final String DOCUMENT = "DOCUMENT";
    static final String REBUILD = "REBUILD";

    private final Pool pool;
    private final Clock clock;

    public KbRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Every entry. */
    public Future<List<KbEntry>> all() {
        return pool.query(KbSql.ENTRIES).execute().map(rows -> {
            List<KbEntry> entries = new ArrayList<>();
            rows.forEach(row -> entries.add(entry(row)));
            return entries;
        });
    }

    /** Whether no entry is stored yet. */
    public Future<Boolean> isEmpty() {
        return pool.query(KbSql.COUNT_ENTRIES)
                .execute()
                .map(rows -> rows.iterator().next().getLong(0) == 0);
    }

    /** One entry. */
    public Future<Optional<KbEntry>> find(long id) {
        return pool.preparedQuery(KbSql.ENTRY)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(entry(rows.iterator().next())));
    }

    /** A page of entries by id, optionally of one status and containing a text (question, answer, similar, category, department). */
    public Future<JsonObject> page(EntryStatus status, String text, long after, int limit) {
        String name = status == null ? null : status.name();
        return pool.preparedQuery(KbSql.ENTRIES_BY_STATUS)
                .execute(Tuple.of(name, name, text, text, text, text, text, text, after, limit))
                .map(rows -> {
                    JsonArray items = new JsonArray();
                    long last = 0;
                    for (Row row : rows) {
                        KbEntry entry = entry(row);
                        items.add(entry.toJson());
                        last = entry.id();
                    }
                    return new JsonObject().put("items", items).put("next", items.size() < limit ? null : last);
                });
    }

    /** An entry's version history, oldest first. */
    public Future<JsonArray> versions(long id) {
        return pool.preparedQuery(KbSql.VERSIONS).execute(Tuple.of(id)).map(rows -> {
            JsonArray versions = new JsonArray();
            for (Row row : rows) {
                versions.add(new JsonObject()
                        .put("version", row.getInteger("version"))
                        .put("action", row.getString("action"))
                        .put("snapshot", new JsonObject(row.getString("snapshot")))
                        .put("actor", row.getString("actor"))
                        .put("note", row.getString("note"))
                        .put("at", Times.iso(row.getLocalDateTime("created_at"))));
            }
            return versions;
        });
    }

    /** Stores a new entry; answers its id. */
    public Future<Long> create(KbEntry entry, String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(
                conn -> insert(conn, entry, actor, now).compose(id -> version(conn, id, "CREATE", actor, null, now)
                        .compose(done -> change(conn, ENTRY, id, now))
                        .map(id)));
    }

    /** Stores many entries in one transaction (the index is rebuilt on every hub); answers how many. */
    public Future<Integer> importAll(List<KbEntry> entries, String actor, boolean replace) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> {
            Future<?> chain = replace
                    ? conn.preparedQuery(KbSql.RETIRE_ALL).execute(Tuple.of(actor, now))
                    : Future.succeededFuture();
            for (KbEntry entry : entries) {
                chain = chain.compose(done ->
                        insert(conn, entry, actor, now).compose(id -> version(conn, id, "IMPORT", actor, null, now)));
            }
            return chain.compose(done -> change(conn, REBUILD, 0, now)).map(entries.size());
        });
    }

    /** Replaces an entry's content and status; 404 if unknown. */
    public Future<KbEntry> update(long id, KbEntry entry, String actor, String note) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> lock(conn, id).compose(found -> conn.preparedQuery(KbSql.UPDATE_ENTRY)
                .execute(content(entry, actor, now, id))
                .compose(done -> version(conn, id, "UPDATE", actor, note, now))
                .compose(done -> change(conn, ENTRY, id, now))
                .compose(done -> lock(conn, id))));
    }

    /** Moves an entry from one of {@code from} to {@code to}; 404 if unknown, 409 from another status. */
    public Future<KbEntry> transition(
            long id, Set<EntryStatus> from, EntryStatus to, String action, String actor, String note) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> lock(conn, id).compose(entry -> {
            if (!from.contains(entry.status())) {
                throw ApiException.conflict("条目当前状态为“" + entry.status().displayName() + "”，不能" + actionName(action));
            }
            return conn.preparedQuery(KbSql.SET_STATUS)
                    .execute(Tuple.of(to.name(), actor, now, id))
                    .compose(done -> version(conn, id, action, actor, note, now))
                    .compose(done -> change(conn, ENTRY, id, now))
                    .compose(done -> lock(conn, id));
        }));
    }

    /** Stores a policy document split into passages; answers its id. */
    public Future<Long> createDocument(Source meta, String text, List<PolicyDocuments.Part> parts, String actor) {
        LocalDateTime now = now();
        LocalDate date = null;
        if (meta.date() != null) {
            try {
                date = LocalDate.parse(meta.date());
            } catch (java.time.format.DateTimeParseException e) {
                return Future.failedFuture(ApiException.invalid("date", "发布日期（date）须为 YYYY-MM-DD"));
            }
        }
        LocalDate published = date;
        return pool.withTransaction(conn -> conn.preparedQuery(KbSql.INSERT_DOCUMENT)
                .execute(Tuple.from(new Object[] {
                    meta.title(),
                    meta.docNo(),
                    meta.issuer(),
                    published,
                    meta.indexNo(),
                    meta.link(),
                    text,
                    actor,
                    now,
                    now
                }))
                .compose(rows -> {
                    long id = rows.property(MySQLClient.LAST_INSERTED_ID);
                    List<Tuple> batch = parts.stream()
                            .map(p -> Tuple.of(id, p.label(), p.text()))
                            .toList();
                    Future<?> stored = batch.isEmpty()
                            ? Future.succeededFuture()
                            : conn.preparedQuery(KbSql.INSERT_PASSAGE).executeBatch(batch);
                    return stored.compose(done -> change(conn, DOCUMENT, id, now))
                            .map(id);
                }));
    }

    /**
     * Marks a document 废止 (REPEALED) or 失效 (EXPIRED) and retires every entry linked to it in the same transaction,
     * so no hub serves them once it follows the change. Answers how many entries were retired.
     */
    public Future<Integer> retireDocument(long id, EntryStatus status, String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(KbSql.LOCK_DOCUMENT)
                .execute(Tuple.of(id))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("政策文件 " + id + " 不存在");
                    }
                    return conn.preparedQuery(KbSql.SET_DOCUMENT_STATUS).execute(Tuple.of(status.name(), now, id));
                })
                .compose(done -> conn.preparedQuery(KbSql.ENTRY_IDS_OF_DOCUMENT).execute(Tuple.of(id)))
                .compose(ids -> conn.preparedQuery(KbSql.RETIRE_BY_DOCUMENT)
                        .execute(Tuple.of(status.name(), actor, now, id))
                        .compose(retired -> {
                            Future<?> chain = Future.succeededFuture();
                            for (Row row : ids) {
                                long entryId = row.getLong(0);
                                chain = chain.compose(done -> version(
                                                conn, entryId, "DOCUMENT_" + status.name(), actor, "政策文件" + id, now)
                                        .compose(v -> change(conn, ENTRY, entryId, now)));
                            }
                            return chain.compose(done -> change(conn, DOCUMENT, id, now))
                                    .map(retired.rowCount());
                        })));
    }

    /** Every policy document with passage and entry counts. */
    public Future<JsonArray> documents() {
        return pool.query(KbSql.DOCUMENTS).execute().map(rows -> {
            JsonArray items = new JsonArray();
            for (Row row : rows) {
                items.add(new JsonObject()
                        .put("id", row.getLong("id"))
                        .put("title", row.getString("title"))
                        .put("docNo", row.getString("doc_no"))
                        .put("issuer", row.getString("issuer"))
                        .put(
                                "date",
                                row.getLocalDate("published_on") == null
                                        ? null
                                        : row.getLocalDate("published_on").toString())
                        .put("indexNo", row.getString("index_no"))
                        .put("link", row.getString("link"))
                        .put("status", row.getString("status"))
                        .put("passages", row.getLong("passages"))
                        .put("entries", row.getLong("entries")));
            }
            return items;
        });
    }

    /** The passages of active documents (all, or one document's). */
    public Future<List<Passage>> passages(Long documentId) {
        Future<io.vertx.sqlclient.RowSet<Row>> rows = documentId == null
                ? pool.query(KbSql.ACTIVE_PASSAGES).execute()
                : pool.preparedQuery(KbSql.PASSAGES_OF_DOCUMENT).execute(Tuple.of(documentId));
        return rows.map(found -> {
            List<Passage> passages = new ArrayList<>();
            for (Row row : found) {
                passages.add(new Passage(
                        row.getLong("id"),
                        row.getLong("document_id"),
                        row.getString("label"),
                        row.getString("content"),
                        PolicyDocuments.citation(
                                row.getString("title"), row.getString("doc_no"), row.getString("label"))));
            }
            return passages;
        });
    }

    /** The synonym dictionary: the stored one, or the shipped one. */
    public Future<Synonyms> synonyms() {
        return pool.query(KbSql.SYNONYMS)
                .execute()
                .map(rows -> rows.size() == 0
                        ? Synonyms.shipped()
                        : Synonyms.parse(rows.iterator().next().getString("content")));
    }

    /** Replaces the synonym dictionary; every hub rebuilds its index. */
    public Future<Void> saveSynonyms(String text, String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(KbSql.SAVE_SYNONYMS)
                .execute(Tuple.of(text, actor, now))
                .compose(done -> change(conn, REBUILD, 0, now)));
    }

    /** The id of the latest change. */
    public Future<Long> lastChange() {
        return pool.query(KbSql.LAST_CHANGE)
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Changes after {@code id}: id, kind, ref. */
    public Future<List<Row>> changesAfter(long id) {
        return pool.preparedQuery(KbSql.CHANGES_AFTER).execute(Tuple.of(id)).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
    }

    /** Logs a question asked and what was answered; answers the log id (for feedback). */
    public Future<Long> logQuery(String question, boolean answered, double confidence, Long entryId, String channel) {
        String bounded = question.length() > 500 ? question.substring(0, 500) : question;
        return pool.preparedQuery(KbSql.INSERT_QUERY)
                .execute(Tuple.of(bounded, answered, confidence, entryId, channel, now()))
                .map(rows -> rows.property(MySQLClient.LAST_INSERTED_ID));
    }

    /** Records whether an answer helped; false if the query is unknown. */
    public Future<Boolean> feedback(long queryId, boolean helpful) {
        return pool.preparedQuery(KbSql.FEEDBACK)
                .execute(Tuple.of(helpful, queryId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Unanswered and unhelpful questions since {@code since}. */
    public Future<List<Row>> gaps(LocalDateTime since) {
        return pool.preparedQuery(KbSql.GAP_QUESTIONS).execute(Tuple.of(since)).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
    }

    private Future<Long> insert(SqlConnection conn, KbEntry entry, String actor, LocalDateTime now) {
        return conn.preparedQuery(KbSql.INSERT_ENTRY)
                .execute(content(entry, actor, actor, now, now))
                .map(rows -> rows.property(MySQLClient.LAST_INSERTED_ID));
    }

    /** The entry's stored columns followed by {@code more}, for {@link KbSql#INSERT_ENTRY} and {@link KbSql#UPDATE_ENTRY}. */
    private static Tuple content(KbEntry entry, Object... more) {
        List<Object> values =
                new ArrayList<>(List.of(entry.question(), new JsonArray(entry.similar()).encode(), entry.answer()));
        values.add(entry.category());
        values.add(entry.department());
        values.add(entry.source() == null ? null : entry.source().toJson().encode());
        values.add(entry.documentId());
        values.add(entry.validFrom());
        values.add(entry.validTo());
        values.add(entry.status().name());
        values.addAll(Arrays.asList(more));
        return Tuple.from(values);
    }

    private static Future<KbEntry> lock(SqlConnection conn, long id) {
        return conn.preparedQuery(KbSql.LOCK_ENTRY).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw ApiException.notFound("知识库条目 " + id + " 不存在");
            }
            return entry(rows.iterator().next());
        });
    }

    private static Future<Void> version(
            SqlConnection conn, long id, String action, String actor, String note, LocalDateTime now) {
        return conn.preparedQuery(KbSql.INSERT_VERSION)
                .execute(Tuple.of(action, actor, note, now, id))
                .mapEmpty();
    }

    private static Future<Void> change(SqlConnection conn, String kind, long ref, LocalDateTime now) {
        return conn.preparedQuery(KbSql.INSERT_CHANGE)
                .execute(Tuple.of(kind, ref, now))
                .mapEmpty();
    }

    private static String actionName(String action) {
        return switch (action) {
            case "SUBMIT" -> "提交审核";
            case "APPROVE" -> "审核发布";
            case "REJECT" -> "退回修改";
            case "RETIRE" -> "废止";
            default -> action;
        };
    }

    static KbEntry entry(Row row) {
        List<String> similar = new ArrayList<>();
        new JsonArray(row.getString("similar")).forEach(s -> similar.add(String.valueOf(s)));
        String source = row.getString("source");
        return new KbEntry(
                row.getLong("id"),
                row.getString("question"),
                List.copyOf(similar),
                row.getString("answer"),
                row.getString("category"),
                row.getString("department"),
                source == null ? null : Source.fromJson(new JsonObject(source)),
                row.getLong("document_id"),
                row.getLocalDate("valid_from"),
                row.getLocalDate("valid_to"),
                EntryStatus.valueOf(row.getString("status")),
                row.getInteger("version"));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
