package cn.hotline12345.hub.kb;

import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.kb.EntryFiles;
import cn.hotline12345.kb.EntryStatus;
import cn.hotline12345.kb.KbEntry;
import cn.hotline12345.kb.Source;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Knowledge-base entries as an .xlsx sheet, the form editors keep in Excel: 标准问题, 相似问法 (separated by |), 答复,
 * 分类, 责任单位, 政策来源, 发文字号, 发布机构, 发布日期, 生效日期, 失效日期.
 */
final class KbSheets {

    static final List<String> COLUMNS =
            List.of("标准问题", "相似问法", "答复", "分类", "责任单位", "政策来源", "发文字号", "发布机构", "发布日期", "生效日期", "失效日期");

    private KbSheets() {}

    static Sheet toSheet(List<KbEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (KbEntry e : entries) {
            Source s = e.source();
            rows.add(List.of(
                    e.question(),
                    String.join("|", e.similar()),
                    e.answer(),
                    text(e.category()),
                    text(e.department()),
                    s == null ? "" : text(s.title()),
                    s == null ? "" : text(s.docNo()),
                    s == null ? "" : text(s.issuer()),
                    s == null ? "" : text(s.date()),
                    e.validFrom() == null ? "" : e.validFrom().toString(),
                    e.validTo() == null ? "" : e.validTo().toString()));
        }
        return Sheet.of(COLUMNS, rows);
    }

    /** Reads a sheet as JSON Lines entries would be read; bad rows are reported by line. */
    static EntryFiles.Read read(Sheet sheet) {
        List<EntryFiles.Line> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            JsonObject json = new JsonObject()
                    .put("question", sheet.cell(row, "标准问题"))
                    .put("answer", sheet.cell(row, "答复"))
                    .put(
                            "similar",
                            new JsonArray(Arrays.stream(sheet.cell(row, "相似问法").split("[|｜]"))
                                    .map(String::strip)
                                    .filter(x -> !x.isEmpty())
                                    .toList()))
                    .put("category", sheet.cell(row, "分类"))
                    .put("department", sheet.cell(row, "责任单位"))
                    .put("validFrom", sheet.cell(row, "生效日期"))
                    .put("validTo", sheet.cell(row, "失效日期"));
            if (!sheet.cell(row, "政策来源").isEmpty()) {
                json.put(
                        "source",
                        new JsonObject()
                                .put("title", sheet.cell(row, "政策来源"))
                                .put("docNo", sheet.cell(row, "发文字号"))
                                .put("issuer", sheet.cell(row, "发布机构"))
                                .put("date", sheet.cell(row, "发布日期")));
            }
            try {
                entries.add(new EntryFiles.Line(row.line(), EntryFiles.entry(json, EntryStatus.PUBLISHED)));
            } catch (IllegalArgumentException e) {
                errors.add("第" + row.line() + "行：" + e.getMessage());
            }
        }
        return new EntryFiles.Read(entries, errors);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
