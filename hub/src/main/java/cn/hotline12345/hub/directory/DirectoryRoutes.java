package cn.hotline12345.hub.directory;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.SheetDownloads;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The department directory and the areas: lists for staff, the gazetteer, and admins' changes, imports and exports
 * (.xlsx or CSV).
 */
public final class DirectoryRoutes {

    private final Vertx vertx;
    private final Supplier<Directory> directory;
    private final DirectoryRepository repository;
    private final Runnable changed;
    private final Authentication authentication;

    public DirectoryRoutes(
            Vertx vertx,
            Supplier<Directory> directory,
            DirectoryRepository repository,
            Runnable changed,
            Authentication authentication) {
        this.vertx = vertx;
        this.directory = directory;
        this.repository = repository;
        this.changed = changed;
        this.authentication = authentication;
    }

    /** Adds the routes to the {@code /api/v1} router, which already reads bodies. */
    public void mount(Router api) {
        api.get("/departments").handler(authentication.require()).handler(this::departments);
        api.get("/areas").handler(authentication.require()).handler(this::areas);
        api.get("/areas/resolve").handler(authentication.require()).handler(this::resolve);
        api.put("/admin/departments/:code")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::saveDepartment);
        api.post("/admin/departments/import")
                .handler(authentication.require(Role.ADMIN))
                .handler(ctx -> importFile(
                        ctx,
                        DirectoryFiles::departments,
                        rows -> repository.saveDepartments(
                                rows, true, Authentication.user(ctx).actor())));
        api.post("/admin/areas/import")
                .handler(authentication.require(Role.ADMIN))
                .handler(ctx -> importFile(
                        ctx,
                        DirectoryFiles::areas,
                        rows -> repository.saveAreas(
                                rows, Authentication.user(ctx).actor())));
        api.get("/admin/departments/export")
                .handler(authentication.require(Role.ADMIN))
                .handler(ctx -> export(ctx, "departments", "单位目录", DirectoryFiles.departmentSheet(directory.get())));
        api.get("/admin/areas/export")
                .handler(authentication.require(Role.ADMIN))
                .handler(ctx -> export(ctx, "areas", "行政区划", DirectoryFiles.areaSheet(directory.get())));
    }

    private void departments(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        directory.get().departments().forEach(d -> items.add(d.toJson()));
        Responses.json(ctx, 200, new JsonObject().put("items", items));
    }

    private void areas(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        directory.get().areas().forEach(a -> items.add(a.toJson()));
        Responses.json(ctx, 200, new JsonObject().put("items", items));
    }

    private void resolve(RoutingContext ctx) {
        String address = QueryParams.text(ctx, "address", 500);
        if (address == null) {
            throw ApiException.invalid("address", "缺少参数：地址（address）");
        }
        Directory current = directory.get();
        Optional<Gazetteer.Match> match = current.resolveAddress(address);
        Responses.json(
                ctx,
                200,
                new JsonObject()
                        .put("address", address)
                        .put("resolved", match.isPresent())
                        .put("area", match.map(m -> m.area().toJson()).orElse(null))
                        .put("matched", match.map(Gazetteer.Match::matched).orElse(null))
                        .put(
                                "chain",
                                new JsonArray(
                                        match.map(m -> current.chain(m.area().code()).stream()
                                                        .map(Area::name)
                                                        .toList())
                                                .orElse(List.of()))));
    }

    private void saveDepartment(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        JsonInput in = JsonInput.of(ctx);
        String name = in.requiredText("name", "单位名称", 100);
        String kindText = in.requiredText("kind", "单位类型", 16);
        String parentCode = in.text("parentCode", "上级单位编码", 32);
        String contactName = in.text("contactName", "联系人", 50);
        String contactPhone = in.text("contactPhone", "联系电话", 30);
        String aliases = in.text("aliases", "简称（以|分隔）", 500);
        boolean active = in.bool("active", "是否启用", true);
        DepartmentKind kind =
                kindText == null ? null : DepartmentKind.of(kindText).orElse(null);
        if (kindText != null && kind == null) {
            in.reject("kind", "单位类型应为 FUNCTIONAL（职能部门）、TOWNSHIP（街道乡镇）或 ENTERPRISE（公共服务企业）");
        }
        if (code.length() > 32 || !code.matches("[A-Za-z0-9_-]+")) {
            in.reject("code", "单位编码只能包含字母、数字、-和_，且不超过32个字符");
        }
        Directory current = directory.get();
        if (parentCode != null && current.departmentNamed(parentCode).isEmpty()) {
            in.reject("parentCode", "上级单位 " + parentCode + " 不存在");
        }
        if (name != null
                && current.departmentNamed(name)
                        .filter(d -> !d.code().equals(code))
                        .isPresent()) {
            in.reject("name", "单位名称“" + name + "”已被其他单位使用");
        }
        in.throwIfInvalid();
        String parent = parentCode == null
                ? null
                : current.departmentNamed(parentCode).map(Department::code).orElse(null);
        DirectoryFiles.DepartmentRow row = new DirectoryFiles.DepartmentRow(
                code, name, kind, parent, contactName, contactPhone, DirectoryFiles.split(aliases));
        repository
                .saveDepartments(List.of(row), active, Authentication.user(ctx).actor())
                .compose(done -> repository.load())
                .onSuccess(loaded -> {
                    changed.run();
                    Responses.json(
                            ctx,
                            200,
                            loaded.departmentNamed(code).map(Department::toJson).orElse(new JsonObject()));
                })
                .onFailure(ctx::fail);
    }

    private <T> void importFile(
            RoutingContext ctx, Function<Sheet, List<T>> parse, Function<List<T>, Future<Integer>> save) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("body", "请上传 .xlsx 或 CSV 文件作为请求体");
        }
        byte[] bytes = body.getBytes();
        vertx.executeBlocking(() -> {
                    try {
                        return parse.apply(Spreadsheets.read(bytes));
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalid("body", e.getMessage());
                    }
                })
                .compose(save)
                .onSuccess(count -> {
                    changed.run();
                    Responses.json(ctx, 200, new JsonObject().put("saved", count));
                })
                .onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx, String name, String chineseName, Sheet sheet) {
        SheetDownloads.send(vertx, ctx, sheet, chineseName, chineseName, name).onFailure(ctx::fail);
    }
}
