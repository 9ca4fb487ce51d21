package cn.hotline12345.hub.kb;

import static cn.hotline12345.hub.http.QueryParams.longParam;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.classify.Classifiers;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.hub.spreadsheet.SheetDownloads;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import cn.hotline12345.kb.Answer;
import cn.hotline12345.kb.EntryFiles;
import cn.hotline12345.kb.EntryStatus;
import cn.hotline12345.kb.KbEntry;
import cn.hotline12345.kb.PolicyDocuments;
import cn.hotline12345.kb.Source;
import cn.hotline12345.kb.Synonyms;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The knowledge base over HTTP: answers for citizens and agents ({@code GET /api/v1/kb/answer}), feedback, and the
 * editors' and knowledge-base admins' work — entries through 采编 → 审核 → 发布, import and export, policy documents
 * (废止/失效 retires their entries at once), the synonym dictionary and the gap report.
 */
public final class KbRoutes {

    private static final Role[] EDITORS = {
        Role.AGENT, Role.DEPARTMENT_STAFF, Role.DEPARTMENT_ADMIN, Role.SUPERVISOR, Role.KB_ADMIN, Role.ADMIN
    };
    private static final Role[] ADMINS = {Role.KB_ADMIN, Role.ADMIN};

    private final Vertx vertx;
    private final KbRepository repository;
    private final KbIndexHolder holder;
    private final Supplier<Classifiers> classifiers;
    private final Authentication authentication;
    private final Clock clock;

    public KbRoutes(
            Vertx vertx,
            KbRepository repository,
            KbIndexHolder holder,
            Supplier<Classifiers> classifiers,
            Authentication authentication,
            Clock clock) {
        this.vertx = vertx;
        this.repository = repository;
        this.holder = holder;
        this.classifiers = classifiers;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Adds the routes to the {@code /api/v1} router, which already reads bodies. */
    public void mount(Router api) {
        api.get("/kb/answer").handler(this::answer);
        api.post("/kb/feedback").consumes("application/json").handler(this::feedback);
        api.get("/kb/entries").handler(authentication.require(EDITORS)).handler(this::entries);
        api.post("/kb/entries")
                .consumes("application/json")
                .handler(authentication.require(EDITORS))
                .handler(this::create);
        api.get("/kb/entries/:id").handler(authentication.require(EDITORS)).handler(this::entry);
        api.put("/kb/entries/:id")
                .consumes("application/json")
                .handler(authentication.require(EDITORS))
                .handler(this::update);
        api.post("/kb/entries/:id/submit")
                .handler(authentication.require(EDITORS))
                .handler(ctx -> transition(ctx, Set.of(EntryStatus.DRAFT), EntryStatus.PENDING_REVIEW, "SUBMIT"));
        api.post("/kb/entries/:id/approve")
                .handler(authentication.require(ADMINS))
                .handler(ctx -> transition(
                        ctx, Set.of(EntryStatus.PENDING_REVIEW, EntryStatus.DRAFT), EntryStatus.PUBLISHED, "APPROVE"));
        api.post("/kb/entries/:id/reject")
                .handler(authentication.require(ADMINS))
                .handler(ctx -> transition(ctx, Set.of(EntryStatus.PENDING_REVIEW), EntryStatus.DRAFT, "REJECT"));
        api.post("/kb/entries/:id/retire")
                .handler(authentication.require(ADMINS))
                .handler(ctx -> transition(
                        ctx,
                        Set.of(EntryStatus.PUBLISHED, EntryStatus.DRAFT, EntryStatus.PENDING_REVIEW),
                        EntryStatus.REPEALED,
                        "RETIRE"));
        api.post("/kb/import").handler(authentication.require(ADMINS)).handler(this::importEntries);
        api.get("/kb/export").handler(authentication.require(ADMINS)).handler(this::export);
        api.get("/kb/documents").handler(authentication.require(EDITORS)).handler(this::documents);
        api.post("/kb/documents").handler(authentication.require(ADMINS)).handler(this::createDocument);
        api.post("/kb/documents/:id/repeal")
                .handler(authentication.require(ADMINS))
                .handler(ctx -> retire(ctx, EntryStatus.REPEALED));
        api.post("/kb/documents/:id/expire")
                .handler(authentication.require(ADMINS))
                .handler(ctx -> retire(ctx, EntryStatus.EXPIRED));
        api.get("/kb/synonyms").handler(authentication.require(ADMINS)).handler(this::synonyms);
        api.put("/kb/synonyms").handler(authentication.require(ADMINS)).handler(this::saveSynonyms);
        api.get("/kb/gaps")
                .handler(authentication.require(Role.KB_ADMIN, Role.ADMIN, Role.SUPERVISOR))
                .handler(this::gaps);
    }

    private void answer(RoutingContext ctx) {
        String question = QueryParams.text(ctx, "q", 500);
        if (question == null) {
            throw ApiException.invalid("q", "请输入要咨询的问题（q）");
        }
        String channel = QueryParams.text(ctx, "channel", 16);
        Answer answer = holder.index().ask(question, LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        repository
                .logQuery(question, answer.answered(), answer.confidence(), answer.entryId(), channel)
                .onSuccess(id -> Responses.json(ctx, 200, answer.toJson().put("queryId", id)))
                .onFailure(ctx::fail);
    }

    private void feedback(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        Long queryId = in.positiveId("queryId", "问答记录编号");
        if (queryId == null && !in.has("queryId")) {
            in.reject("queryId", "缺少问答记录编号（queryId）");
        }
        if (!in.has("helpful")) {
            in.reject("helpful", "请说明答复是否有帮助（helpful）");
        }
        boolean helpful = in.bool("helpful", "是否有帮助", true);
        in.throwIfInvalid();
        repository
                .feedback(queryId, helpful)
                .onSuccess(found -> {
                    if (!found) {
                        ctx.fail(ApiException.notFound("问答记录 " + queryId + " 不存在"));
                        return;
                    }
                    Responses.json(
                            ctx, 200, new JsonObject().put("queryId", queryId).put("helpful", helpful));
                })
                .onFailure(ctx::fail);
    }

    private void entries(RoutingContext ctx) {
        String statusText = QueryParams.text(ctx, "status", 20);
        EntryStatus status = statusText == null
                ? null
                : EntryStatus.of(statusText).orElseThrow(() -> ApiException.invalid("status", "未知条目状态：" + statusText));
        repository
                .page(status, QueryParams.text(ctx, "q", 100), longParam(ctx, "after", 0, Long.MAX_VALUE, 0), (int)
                        longParam(ctx, "limit", 1, 500, 100))
                .onSuccess(page -> Responses.json(ctx, 200, page))
                .onFailure(ctx::fail);
    }

    private void entry(RoutingContext ctx) {
        long id = id(ctx);
        repository
                .find(id)
                .compose(found -> {
                    KbEntry entry = found.orElseThrow(() -> ApiException.notFound("知识库条目 " + id + " 不存在"));
                    return repository.versions(id).map(versions -> entry.toJson()
                            .put("versions", versions));
                })
                .onSuccess(json -> Responses.json(ctx, 200, json))
                .onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        KbEntry entry = parse(body, initialStatus(ctx, body));
        repository
                .create(entry, Authentication.user(ctx).actor())
                .compose(repository::find)
                .onSuccess(found -> Responses.json(ctx, 201, found.orElseThrow().toJson()))
                .onFailure(ctx::fail);
    }

    private void update(RoutingContext ctx) {
        long id = id(ctx);
        JsonObject body = ctx.body().asJsonObject();
        KbEntry entry = parse(body, initialStatus(ctx, body));
        repository
                .update(id, entry, Authentication.user(ctx).actor(), text(body, "note"))
                .onSuccess(updated -> Responses.json(ctx, 200, updated.toJson()))
                .onFailure(ctx::fail);
    }

    private void transition(RoutingContext ctx, Set<EntryStatus> from, EntryStatus to, String action) {
        long id = id(ctx);
        Buffer body = ctx.body().buffer();
        String note = body == null || body.length() == 0 ? null : text(body.toJsonObject(), "note");
        repository
                .transition(id, from, to, action, Authentication.user(ctx).actor(), note)
                .onSuccess(entry -> Responses.json(ctx, 200, entry.toJson()))
                .onFailure(ctx::fail);
    }

    private void importEntries(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("body", "请上传 JSON Lines 文件（每行一个条目）作为请求体");
        }
        byte[] bytes = body.getBytes();
        boolean replace = "true".equals(ctx.request().getParam("replace"));
        String actor = Authentication.user(ctx).actor();
        vertx.executeBlocking(() -> {
                    EntryFiles.Read read;
                    try {
                        read = Spreadsheets.isXlsx(bytes)
                                ? KbSheets.read(Spreadsheets.readXlsx(bytes))
                                : EntryFiles.read(new String(bytes, StandardCharsets.UTF_8), EntryStatus.PUBLISHED);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalid("body", e.getMessage());
                    }
                    if (!read.errors().isEmpty()) {
                        throw new ApiException(
                                        422,
                                        "invalid-entries",
                                        "文件有" + read.errors().size() + "行错误，未导入",
                                        List.of())
                                .with("errors", new JsonArray(read.errors()));
                    }
                    return read.entries().stream().map(EntryFiles.Line::entry).toList();
                })
                .compose(entries -> repository.importAll(entries, actor, replace))
                .onSuccess(count -> Responses.json(ctx, 200, new JsonObject().put("imported", count)))
                .onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        if ("xlsx".equals(ctx.request().getParam("format"))) {
            repository
                    .all()
                    .compose(entries -> SheetDownloads.send(
                            vertx,
                            ctx,
                            KbSheets.toSheet(entries.stream()
                                    .filter(e -> e.status() == EntryStatus.PUBLISHED)
                                    .toList()),
                            "政策问答",
                            "政策问答库",
                            "kb-entries"))
                    .onFailure(ctx::fail);
            return;
        }
        repository
                .all()
                .onSuccess(entries -> {
                    StringBuilder out = new StringBuilder();
                    entries.stream()
                            .filter(e -> e.status() == EntryStatus.PUBLISHED)
                            .forEach(e -> out.append(EntryFiles.line(e)).append('\n'));
                    ctx.response()
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson; charset=utf-8")
                            .putHeader("Content-Disposition", "attachment; filename=\"kb-entries.jsonl\"")
                            .end(out.toString());
                })
                .onFailure(ctx::fail);
    }

    private void documents(RoutingContext ctx) {
        repository
                .documents()
                .onSuccess(items -> Responses.json(ctx, 200, new JsonObject().put("items", items)))
                .onFailure(ctx::fail);
    }

    private void createDocument(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("body", "请提交政策文件：JSON（含 title、text 等），或 .docx / 纯文本文件并以查询参数给出 title 等信息");
        }
        String type = String.valueOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        Source meta;
        Future<String> text;
        if (type.startsWith("application/json")) {
            JsonObject json = body.toJsonObject();
            meta = Source.fromJson(json);
            String content = text(json, "text");
            if (content == null || content.isBlank()) {
                throw ApiException.invalid("text", "缺少政策文件正文（text）");
            }
            text = Future.succeededFuture(content);
        } else {
            meta = new Source(
                    QueryParams.text(ctx, "title", 300),
                    QueryParams.text(ctx, "docNo", 100),
                    QueryParams.text(ctx, "issuer", 200),
                    QueryParams.text(ctx, "date", 10),
                    QueryParams.text(ctx, "indexNo", 100),
                    QueryParams.text(ctx, "link", 500));
            byte[] bytes = body.getBytes();
            text = bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K'
                    ? vertx.executeBlocking(() -> {
                        try {
                            return PolicyDocuments.docxText(bytes);
                        } catch (IllegalArgumentException e) {
                            throw ApiException.invalid("body", e.getMessage());
                        }
                    })
                    : Future.succeededFuture(new String(bytes, StandardCharsets.UTF_8));
        }
        if (meta == null || meta.title() == null) {
            throw ApiException.invalid("title", "缺少政策文件标题（title）");
        }
        String actor = Authentication.user(ctx).actor();
        text.compose(content -> {
                    List<PolicyDocuments.Part> parts = PolicyDocuments.split(content);
                    return repository
                            .createDocument(meta, content, parts, actor)
                            .map(id -> new JsonObject().put("id", id).put("passages", parts.size()));
                })
                .onSuccess(result -> Responses.json(ctx, 201, result))
                .onFailure(ctx::fail);
    }

    private void retire(RoutingContext ctx, EntryStatus status) {
        long id = id(ctx);
        repository
                .retireDocument(id, status, Authentication.user(ctx).actor())
                .onSuccess(count -> Responses.json(
                        ctx,
                        200,
                        new JsonObject()
                                .put("documentId", id)
                                .put("status", status.name())
                                .put("entriesRetired", count)))
                .onFailure(ctx::fail);
    }

    private void synonyms(RoutingContext ctx) {
        repository
                .synonyms()
                .onSuccess(synonyms -> Responses.json(
                        ctx,
                        200,
                        new JsonObject()
                                .put("text", synonyms.toText())
                                .put("groups", synonyms.groups().size())))
                .onFailure(ctx::fail);
    }

    private void saveSynonyms(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String text = in.requiredText("text", "同义词表", 200_000);
        in.throwIfInvalid();
        Synonyms parsed = Synonyms.parse(text);
        if (parsed.groups().isEmpty()) {
            throw ApiException.invalid("text", "同义词表为空：每行一组，规范词在前，以空格分隔");
        }
        repository
                .saveSynonyms(parsed.toText(), Authentication.user(ctx).actor())
                .onSuccess(done -> Responses.json(
                        ctx, 200, new JsonObject().put("groups", parsed.groups().size())))
                .onFailure(ctx::fail);
    }

    private void gaps(RoutingContext ctx) {
        int days = (int) longParam(ctx, "days", 1, 366, 30);
        LocalDateTime since =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
        repository
                .gaps(since)
                .compose(rows -> vertx.executeBlocking(() -> topics(rows)))
                .onSuccess(items -> Responses.json(
                        ctx, 200, new JsonObject().put("days", days).put("topics", items)))
                .onFailure(ctx::fail);
    }

    /** Unanswered and unhelpful questions grouped by the classifier's category, most first. */
    private JsonArray topics(List<Row> rows) {
        Map<String, JsonObject> topics = new LinkedHashMap<>();
        for (Row row : rows) {
            String question = row.getString("question");
            String topic = classifiers.get().classify(null, question).category();
            JsonObject group = topics.computeIfAbsent(topic, t -> new JsonObject()
                    .put("topic", t)
                    .put("unanswered", 0)
                    .put("unhelpful", 0)
                    .put("questions", new JsonArray()));
            if (!row.getBoolean("answered")) {
                group.put("unanswered", group.getInteger("unanswered") + 1);
            } else {
                group.put("unhelpful", group.getInteger("unhelpful") + 1);
            }
            JsonArray questions = group.getJsonArray("questions");
            if (questions.size() < 20) {
                questions.add(question);
            }
        }
        JsonArray items = new JsonArray();
        topics.values().stream()
                .sorted((a, b) -> Integer.compare(
                        b.getInteger("unanswered") + b.getInteger("unhelpful"),
                        a.getInteger("unanswered") + a.getInteger("unhelpful")))
                .forEach(items::add);
        return items;
    }

    private static EntryStatus initialStatus(RoutingContext ctx, JsonObject body) {
        boolean admin = List.of(ADMINS).contains(Authentication.user(ctx).role());
        if (admin && Boolean.TRUE.equals(body.getValue("publish"))) {
            return EntryStatus.PUBLISHED;
        }
        return Boolean.TRUE.equals(body.getValue("submit")) ? EntryStatus.PENDING_REVIEW : EntryStatus.DRAFT;
    }

    private static KbEntry parse(JsonObject body, EntryStatus status) {
        if (body == null) {
            throw ApiException.invalid("body", "请求体必须是JSON对象");
        }
        try {
            return EntryFiles.entry(body, status);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("body", e.getMessage());
        } catch (ClassCastException e) {
            throw ApiException.invalid("body", "字段类型不正确");
        }
    }

    private static String text(JsonObject json, String field) {
        return json != null && json.getValue(field) instanceof String value ? value : null;
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("id", "编号须为整数");
        }
    }
}
