package cn.hotline12345.hub.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields from a JSON request body and collects every problem, so one 400 names all offending fields. The
 * rules mirror the schemas in {@code openapi.yaml}.
 */
public final class JsonInput {

    private final JsonObject json;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonInput(JsonObject json, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** The request body as a JSON object; a 400 problem if it is empty, malformed or not an object. */
    public static JsonInput of(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("body", "请求体不能为空，请提交JSON对象");
        }
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw ApiException.invalid("body", "请求体不是合法的JSON，请检查格式与编码（需UTF-8）");
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.invalid("body", "请求体必须是JSON对象");
        }
        return new JsonInput(object, "", new ArrayList<>());
    }

    /** Reads fields of an already parsed object. */
    public static JsonInput of(JsonObject json) {
        return new JsonInput(json, "", new ArrayList<>());
    }

    /** The parsed object itself. */
    public JsonObject json() {
        return json;
    }

    /** A required string, trimmed; records an error if missing, blank, not a string or too long. */
    public String requiredText(String field, String label, int maxLength) {
        String value = text(field, label, maxLength);
        if (value == null && !hasError(field)) {
            errors.add(new FieldError(
                    path(field),
                    isPresent(field) ? label + "（" + field + "）不能为空" : "缺少必填字段：" + label + "（" + field + "）"));
        }
        return value;
    }

    /** An optional string, trimmed, null when absent or blank; records an error if not a string or too long. */
    public String text(String field, String label, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(new FieldError(path(field), label + "（" + field + "）必须是字符串"));
            return null;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            errors.add(new FieldError(path(field), label + "（" + field + "）不能超过" + maxLength + "个字"));
            return null;
        }
        return stripped.isEmpty() ? null : stripped;
    }

    /** An optional boolean with a default; records an error if present but not a boolean. */
    public boolean bool(String field, String label, boolean defaultValue) {
        Object value = json.getValue(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean flag)) {
            errors.add(new FieldError(path(field), label + "（" + field + "）必须是true或false"));
            return defaultValue;
        }
        return flag;
    }

    /** Whether the field is present with a non-null value. */
    public boolean has(String field) {
        return isPresent(field);
    }

    /** An optional positive whole number such as a database id; records an error if it is anything else. */
    public Long positiveId(String field, String label) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.longValue() > 0 && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        errors.add(new FieldError(path(field), label + "（" + field + "）必须是正整数"));
        return null;
    }

    /** An optional whole number within [min, max]; records an error if it is anything else. */
    public Integer intRange(String field, String label, int min, int max) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number
                && number.doubleValue() == number.longValue()
                && number.longValue() >= min
                && number.longValue() <= max) {
            return number.intValue();
        }
        errors.add(new FieldError(path(field), label + "（" + field + "）必须是 " + min + " 到 " + max + " 之间的整数"));
        return null;
    }

    /** An optional array of positive ids, without repeats; an empty list when absent. */
    public List<Long> idList(String field, String label, int maxSize) {
        Object value = json.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray array
                && array.size() <= maxSize
                && array.stream()
                        .allMatch(
                                i -> i instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue())) {
            return array.stream().map(i -> ((Number) i).longValue()).distinct().toList();
        }
        errors.add(new FieldError(path(field), label + "（" + field + "）必须是不超过 " + maxSize + " 个正整数的数组"));
        return List.of();
    }

    /** An optional array of distinct non-blank strings of at most {@code maxLength}; an empty list when absent. */
    public List<String> textList(String field, String label, int maxSize, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray array
                && array.size() <= maxSize
                && array.stream()
                        .allMatch(i -> i instanceof String t
                                && !t.isBlank()
                                && t.strip().length() <= maxLength)) {
            return array.stream().map(i -> ((String) i).strip()).distinct().toList();
        }
        errors.add(new FieldError(
                path(field), label + "（" + field + "）必须是不超过 " + maxSize + " 个、每个不超过 " + maxLength + " 字的文本数组"));
        return List.of();
    }

    /** An optional nested object, read with the same error list; an empty object when absent. */
    public JsonInput object(String field, String label) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonInput(new JsonObject(), path(field) + ".", errors);
        }
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError(path(field), label + "（" + field + "）必须是JSON对象"));
            return new JsonInput(new JsonObject(), path(field) + ".", errors);
        }
        return new JsonInput(object, path(field) + ".", errors);
    }

    /** Records a problem found by the caller's own rule. */
    public void reject(String field, String detail) {
        errors.add(new FieldError(path(field), detail));
    }

    /** Throws a 400 problem naming every recorded error, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private boolean isPresent(String field) {
        return json.containsKey(field) && json.getValue(field) != null;
    }

    private boolean hasError(String field) {
        String path = path(field);
        return errors.stream().anyMatch(error -> error.field().equals(path));
    }

    private String path(String field) {
        return prefix + field;
    }
}
