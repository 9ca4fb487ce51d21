package cn.hotline12345.channels.hotline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the event-socket client reaches the switch.
 *
 * @param host the FreeSWITCH host running mod_event_socket
 * @param port its port (8021 by default in FreeSWITCH)
 * @param password the event socket password ({@code event_socket.conf.xml})
 * @param events the event names to subscribe to in plain format
 * @param initialBackoff the first reconnect delay; doubled after every failed attempt
 * @param maxBackoff the longest reconnect delay
 * @param connectTimeout how long a TCP connect and the authentication may take
 */
public record EslSettings(
        String host,
        int port,
        String password,
        List<String> events,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration connectTimeout) {

    public EslSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("subscribe to at least one event");
        }
        if (password.isEmpty() || password.contains("\n") || password.contains("\r")) {
            throw new IllegalArgumentException("the event socket password must be one non-empty line");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and its maximum at least its start");
        }
    }

    /** The hotline's subscription with FreeSWITCH's defaults: reconnect after 1 s doubling to 30 s. */
    public static EslSettings hotline(String host, int port, String password) {
        return new EslSettings(
                host,
                port,
                password,
                List.of(EslEvent.CHANNEL_ANSWER, EslEvent.CHANNEL_HANGUP_COMPLETE),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10));
    }

    /** These settings with other reconnect delays. */
    public EslSettings withBackoff(Duration initial, Duration max) {
        return new EslSettings(host, port, password, events, initial, max, connectTimeout);
    }

    /** Like the record's, but never shows the password. */
    @Override
    public String toString() {
        return "EslSettings[" + host + ":" + port + ", events=" + events + "]";
    }
}
