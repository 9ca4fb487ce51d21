package cn.hotline12345.hub.spreadsheet;

import cn.hotline12345.hub.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Sends a sheet as an .xlsx or CSV download, as the request's {@code format} parameter asks (xlsx by default). */
public final class SheetDownloads {

    /** The media type of .xlsx files. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SheetDownloads() {}

    /**
     * Answers with the sheet as a file named {@code fileName} plus the extension ({@code asciiName} for clients that
     * cannot read the UTF-8 name); a 400 for an unknown format.
     */
    public static Future<Void> send(
            Vertx vertx, RoutingContext ctx, Sheet sheet, String title, String fileName, String asciiName) {
        String format = Optional.ofNullable(ctx.request().getParam("format")).orElse("xlsx");
        if (!format.equals("xlsx") && !format.equals("csv")) {
            return Future.failedFuture(ApiException.invalid("format", "导出格式应为 xlsx 或 csv"));
        }
        return vertx.executeBlocking(
                        () -> format.equals("xlsx") ? Spreadsheets.toXlsx(sheet, title) : Spreadsheets.toCsv(sheet))
                .compose(bytes -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, format.equals("xlsx") ? XLSX : "text/csv; charset=utf-8")
                        .putHeader(
                                "Content-Disposition",
                                "attachment; filename=\"" + asciiName + "." + format + "\"; filename*=UTF-8''"
                                        + URLEncoder.encode(fileName + "." + format, StandardCharsets.UTF_8)
                                                .replace("+", "%20"))
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(Buffer.buffer(bytes)));
    }
}
