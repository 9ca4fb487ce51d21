package cn.hotline12345.channels.hotline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One message of FreeSWITCH's event socket: a block of {@code Name: value} headers and, when the headers carry a
 * {@code Content-Length}, a body of that many bytes.
 *
 * @param headers the outer headers in arrival order, values as sent (not URL-decoded)
 * @param body the body as UTF-8 text, or an empty string
 */
public record EslFrame(Map<String, String> headers, String body) {

    public EslFrame {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** The value of a header, e.g. {@code Reply-Text}. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The {@code Content-Type}, e.g. {@code auth/request}, {@code command/reply}, {@code text/event-plain}. */
    public String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }
}
