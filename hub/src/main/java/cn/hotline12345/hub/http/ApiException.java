package cn.hotline12345.hub.http;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A failure that becomes an {@code application/problem+json} response: an HTTP status, a Chinese detail for people
 * and the offending fields for programs.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final transient List<FieldError> errors;
    private final transient JsonObject extensions = new JsonObject();

    public ApiException(int status, String type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** 400 for a request whose fields are wrong. */
    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).detail()
                : "请求有" + errors.size() + "处错误："
                        + String.join(
                                "；", errors.stream().map(FieldError::detail).toList());
        return new ApiException(400, "invalid-request", detail, errors);
    }

    /** 400 for a request with one wrong field. */
    public static ApiException invalid(String field, String detail) {
        return invalid(List.of(new FieldError(field, detail)));
    }

    /** 404 for a resource that does not exist or may not be seen. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", detail, List.of());
    }

    /** 409 for a request that conflicts with the resource's state. */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    /** The problem type, a short slug appended to {@code /problems/}. */
    public String type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Adds a member to the problem document, e.g. a validation report. */
    public ApiException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** The extra members of the problem document. */
    public JsonObject extensions() {
        return extensions;
    }
}
