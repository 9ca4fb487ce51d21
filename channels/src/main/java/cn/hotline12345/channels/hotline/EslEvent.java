package cn.hotline12345.channels.hotline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One switch event, parsed from the body of a {@code text/event-plain} frame: its URL-decoded headers, with accessors
 * for what the hotline needs (call id, caller, the answering extension, times, billed seconds).
 *
 * @param headers every event header, URL-decoded, in arrival order; channel variables are {@code variable_<name>}
 */
public record EslEvent(Map<String, String> headers) {

    /** The events the hotline subscribes to. */
    public static final String CHANNEL_ANSWER = "CHANNEL_ANSWER";

    public static final String CHANNEL_HANGUP_COMPLETE = "CHANNEL_HANGUP_COMPLETE";

    public EslEvent {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Parses an event body: {@code Name: url-encoded value} lines up to the first empty line (an event's own body, if
     * any, follows and is ignored).
     *
     * @throws IllegalArgumentException when the body has no {@code Event-Name}
     */
    public static EslEvent parse(String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : body.split("\n", -1)) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (trimmed.isEmpty()) {
                if (!headers.isEmpty()) {
                    break;
                }
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            headers.put(
                    trimmed.substring(0, colon).strip(),
                    percentDecode(trimmed.substring(colon + 1).strip()));
        }
        if (!headers.containsKey("Event-Name")) {
            throw new IllegalArgumentException("event without Event-Name");
        }
        return new EslEvent(headers);
    }

    /** The value of a header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty());
    }

    /** A channel variable, e.g. {@code variable("billsec")} reads {@code variable_billsec}. */
    public Optional<String> variable(String name) {
        return header("variable_" + name);
    }

    /** {@code Event-Name}, e.g. {@code CHANNEL_ANSWER}. */
    public String name() {
        return headers.get("Event-Name");
    }

    /** {@code Unique-ID}: the channel's UUID, the call id agents register tickets with. */
    public Optional<String> uniqueId() {
        return header("Unique-ID");
    }

    /** The calling number ({@code Caller-Caller-ID-Number}). */
    public Optional<String> callerNumber() {
        return header("Caller-Caller-ID-Number");
    }

    /**
     * The extension that answered: the dialled user of a bridged agent leg ({@code variable_dialed_user}), else the
     * channel's destination ({@code Caller-Destination-Number}).
     */
    public Optional<String> extension() {
        return variable("dialed_user").or(() -> header("Caller-Destination-Number"));
    }

    /** When the channel was answered: {@code Caller-Channel-Answered-Time} (µs), else {@code variable_answer_epoch}. */
    public Optional<Instant> answeredAt() {
        return micros("Caller-Channel-Answered-Time").or(() -> epochSeconds("answer_epoch"));
    }

    /** When the channel hung up: {@code Caller-Channel-Hangup-Time} (µs), else {@code variable_end_epoch}. */
    public Optional<Instant> endedAt() {
        return micros("Caller-Channel-Hangup-Time").or(() -> epochSeconds("end_epoch"));
    }

    /** When the event was raised ({@code Event-Date-Timestamp}, µs). */
    public Optional<Instant> occurredAt() {
        return micros("Event-Date-Timestamp");
    }

    /** Seconds from answer to hang-up ({@code variable_billsec}). */
    public OptionalLong billedSeconds() {
        return number(variable("billsec"));
    }

    /** Seconds from the channel's creation to hang-up ({@code variable_duration}). */
    public OptionalLong durationSeconds() {
        return number(variable("duration"));
    }

    /** Why the call ended, e.g. {@code NORMAL_CLEARING} ({@code Hangup-Cause}). */
    public Optional<String> hangupCause() {
        return header("Hangup-Cause").or(() -> variable("hangup_cause"));
    }

    private Optional<Instant> micros(String header) {
        OptionalLong value = number(header(header));
        return value.isPresent() && value.getAsLong() > 0
                ? Optional.of(Instant.EPOCH.plusNanos(value.getAsLong() * 1_000))
                : Optional.empty();
    }

    private Optional<Instant> epochSeconds(String variable) {
        OptionalLong value = number(variable(variable));
        return value.isPresent() && value.getAsLong() > 0
                ? Optional.of(Instant.ofEpochSecond(value.getAsLong()))
                : Optional.empty();
    }

    private static OptionalLong number(Optional<String> text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get().strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Decodes {@code %XX} escapes as UTF-8; a {@code +} stays a plus, a broken escape stays as it is. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%'
                    && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
