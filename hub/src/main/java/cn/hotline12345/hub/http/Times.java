package cn.hotline12345.hub.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the API writes times: ISO-8601 with the China offset, e.g. {@code 2026-11-22T10:15:30.123+08:00}. */
public final class Times {

    /** The zone of every time the API shows. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Times() {}

    /** The instant as ISO-8601 in Asia/Shanghai, always with seconds, or null. */
    public static String iso(Instant instant) {
        return instant == null
                ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, CHINA));
    }

    /** A UTC time as stored in the database, as ISO-8601 in Asia/Shanghai, or null. */
    public static String iso(LocalDateTime utc) {
        return utc == null ? null : iso(utc.toInstant(ZoneOffset.UTC));
    }

    /** The time as ISO-8601 in Asia/Shanghai, always with seconds, or null. */
    public static String iso(OffsetDateTime time) {
        return time == null ? null : iso(time.toInstant());
    }
}
