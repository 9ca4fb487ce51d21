package cn.hotline12345.hub.attachment;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.workflow.WorkflowQueries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff attach documents to a ticket (a department's reply documents, photos of the site) and download any of its
 * attachments, with the access rules of the ticket's detail: centre staff, or a department that leads or co-handles
 * the ticket; any other ticket is 404.
 */
public final class AttachmentRoutes {

    /** The largest file accepted. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** The most files in one upload. */
    public static final int MAX_FILES = 5;

    private static final Role[] TICKET_STAFF = {
        Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.DEPARTMENT_STAFF, Role.DEPARTMENT_ADMIN
    };

    private final Vertx vertx;
    private final Attachments attachments;
    private final WorkflowQueries queries;
    private final Authentication authentication;
    private final Path uploads;

    public AttachmentRoutes(
            Vertx vertx,
            Attachments attachments,
            WorkflowQueries queries,
            Authentication authentication,
            Path uploads) {
        this.vertx = vertx;
        this.attachments = attachments;
        this.queries = queries;
        this.authentication = authentication;
        this.uploads = uploads;
    }

    /**
     * Adds the upload to the root router (its multipart body is larger than the API's limit) and the list and the
     * download to the {@code /api/v1} router; mount before the API router is mounted on the root.
     */
    public void mount(Router root, Router api) {
        root.post("/api/v1/tickets/:ticketNo/attachments")
                .handler(BodyHandler.create(uploads.toString())
                        .setBodyLimit((long) MAX_FILES * MAX_FILE_BYTES + 64 * 1024)
                        .setDeleteUploadedFilesOnEnd(true))
                .handler(this::requireMultipart)
                .handler(authentication.require(TICKET_STAFF))
                .handler(this::upload);
        api.get("/tickets/:ticketNo/attachments")
                .handler(authentication.require(TICKET_STAFF))
                .handler(this::list);
        api.get("/tickets/:ticketNo/attachments/:id")
                .handler(authentication.require(TICKET_STAFF))
                .handler(this::download);
    }

    private void requireMultipart(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            ctx.fail(new ApiException(415, "unsupported-media-type", "请以 multipart/form-data 方式上传附件", List.of())
                    .with("field", "files"));
            return;
        }
        ctx.next();
    }

    private void upload(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        StaffUser user = Authentication.user(ctx);
        List<FileUpload> files = ctx.fileUploads();
        if (files.isEmpty()) {
            throw ApiException.invalid("files", "请选择要上传的附件");
        }
        if (files.size() > MAX_FILES) {
            throw ApiException.invalid("files", "一次最多上传 " + MAX_FILES + " 个附件");
        }
        for (FileUpload file : files) {
            if (!"files".equals(file.name())) {
                throw ApiException.invalid(file.name(), "不支持的文件字段 " + file.name() + "，附件请用 files 字段上传");
            }
            if (file.size() > MAX_FILE_BYTES) {
                throw new ApiException(
                                413,
                                "payload-too-large",
                                "单个附件不能超过 " + MAX_FILE_BYTES / (1024 * 1024) + " MB：" + file.fileName(),
                                List.of())
                        .with("field", "files");
            }
            if (file.size() == 0) {
                throw ApiException.invalid("files", "附件是空文件：" + file.fileName());
            }
        }
        queries.visibleTicketId(ticketNo, user)
                .compose(ticketId -> read(files, 0, new ArrayList<>())
                        .compose(read -> attachments.attach(ticketId, read, user.actor()))
                        .compose(done -> attachments.list(ticketId)))
                .onSuccess(items -> Responses.json(
                        ctx, 201, new JsonObject().put("ticketNo", ticketNo).put("items", items)))
                .onFailure(ctx::fail);
    }

    private Future<List<Attachments.Upload>> read(List<FileUpload> files, int index, List<Attachments.Upload> read) {
        if (index == files.size()) {
            return Future.succeededFuture(read);
        }
        FileUpload file = files.get(index);
        String name = fileName(file, index);
        return vertx.fileSystem().readFile(file.uploadedFileName()).compose(content -> {
            Optional<String> type = Documents.mediaType(name, content.getBytes(0, Math.min(16, content.length())));
            if (type.isEmpty()) {
                return Future.failedFuture(new ApiException(
                                415,
                                "unsupported-media-type",
                                "附件仅支持 PDF、图片（JPEG、PNG、WebP）、Word、Excel 或纯文本文件：" + name,
                                List.of())
                        .with("field", "files"));
            }
            read.add(new Attachments.Upload(Attachments.Kind.DOCUMENT, name, type.get(), content));
            return read(files, index + 1, read);
        });
    }

    private void list(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        queries.visibleTicketId(ticketNo, Authentication.user(ctx))
                .compose(attachments::list)
                .onSuccess(items -> Responses.json(
                        ctx, 200, new JsonObject().put("ticketNo", ticketNo).put("items", items)))
                .onFailure(ctx::fail);
    }

    private void download(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        long id = attachmentId(ctx.pathParam("id"));
        queries.visibleTicketId(ticketNo, Authentication.user(ctx))
                .compose(ticketId -> attachments.read(ticketNo, id))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        ctx.fail(ApiException.notFound("附件 " + id + " 不存在"));
                        return;
                    }
                    String name = found.get().getString("file_name");
                    Buffer content = found.get().getBuffer("content");
                    ctx.response()
                            .putHeader(HttpHeaders.CONTENT_TYPE, found.get().getString("content_type"))
                            .putHeader(
                                    "Content-Disposition",
                                    "attachment; filename=\"attachment-" + id + "\"; filename*=UTF-8''"
                                            + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                                    .replace("+", "%20"))
                            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                            .putHeader("X-Content-Type-Options", "nosniff")
                            .end(content);
                })
                .onFailure(ctx::fail);
    }

    private static long attachmentId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.notFound("附件 " + text + " 不存在");
    }

    private static String fileName(FileUpload file, int index) {
        String name = file.fileName();
        if (name == null || name.isBlank()) {
            return "attachment-" + (index + 1);
        }
        String plain = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return plain.length() > 200 ? plain.substring(plain.length() - 200) : plain;
    }
}
