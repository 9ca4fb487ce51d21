package cn.hotline12345.kb;

import io.vertx.core.json.JsonObject;

/**
 * The policy an answer's facts come from.
 *
 * @param title the document's title, e.g. 《住房公积金管理条例》
 * @param docNo its 发文字号, e.g. 国务院令第350号, or null
 * @param issuer its 发布机构
 * @param date its 发布日期 (yyyy-MM-dd), or null
 * @param indexNo its 索引号 on the 政务公开 site, or null
 * @param link where it is published, or null
 */
public record Source(String title, String docNo, String issuer, String date, String indexNo, String link) {

    /** As JSON. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("title", title)
                .put("docNo", docNo)
                .put("issuer", issuer)
                .put("date", date)
                .put("indexNo", indexNo)
                .put("link", link);
    }

    /** From JSON (null or blank members become null); null when {@code json} is null. */
    public static Source fromJson(JsonObject json) {
        if (json == null) {
            return null;
        }
        return new Source(
                blank(json.getValue("title")),
                blank(json.getValue("docNo")),
                blank(json.getValue("issuer")),
                blank(json.getValue("date")),
                blank(json.getValue("indexNo")),
                blank(json.getValue("link")));
    }

    private static String blank(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
