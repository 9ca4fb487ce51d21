package cn.hotline12345.hub.http;

import io.vertx.core.json.JsonObject;

/**
 * One offending field of a request.
 *
 * @param field the field's JSON path, e.g. {@code citizen.phone}, or a header or query parameter name
 * @param detail what is wrong, in Chinese
 */
public record FieldError(String field, String detail) {

    /** This error as a problem document's {@code errors} element. */
    public JsonObject toJson() {
        return new JsonObject().put("field", field).put("detail", detail);
    }
}
