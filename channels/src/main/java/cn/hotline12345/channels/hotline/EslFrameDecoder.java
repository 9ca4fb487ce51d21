package cn.hotline12345.channels.hotline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the event-socket byte stream into {@link EslFrame}s: a header block ended by an empty line, then {@code
 * Content-Length} bytes of body. A malformed frame is skipped and passed on as a {@link Malformed} note instead;
 * decoding goes on with the next frame, so one bad frame never ends the connection.
 */
public final class EslFrameDecoder extends ByteToMessageDecoder {

    /** Largest header block accepted. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    /** Largest body accepted; a CHANNEL_HANGUP_COMPLETE with every channel variable is some 10 KiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /**
     * A frame that was skipped.
     *
     * @param reason what was wrong with it
     */
    public record Malformed(String reason) {}

    private Map<String, String> pendingHeaders;
    private int pendingLength;
    private long bodyToSkip;
    private boolean skippingHeaders;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (bodyToSkip > 0) {
                int skipped = (int) Math.min(bodyToSkip, in.readableBytes());
                in.skipBytes(skipped);
                bodyToSkip -= skipped;
                continue;
            }
            if (skippingHeaders) {
                int end = headerEnd(in);
                if (end < 0) {
                    in.skipBytes(Math.max(0, in.readableBytes() - 1));
                    return;
                }
                in.readerIndex(end);
                skippingHeaders = false;
                continue;
            }
            if (pendingHeaders == null) {
                int notes = out.size();
                if (!readHeaders(in, out)) {
                    if (out.size() > notes) {
                        continue;
                    }
                    return;
                }
            }
            if (in.readableBytes() < pendingLength) {
                return;
            }
            String body =
                    in.readCharSequence(pendingLength, StandardCharsets.UTF_8).toString();
            out.add(new EslFrame(pendingHeaders, body));
            pendingHeaders = null;
            pendingLength = 0;
        }
    }

    private boolean readHeaders(ByteBuf in, List<Object> out) {
        while (in.isReadable() && isLineBreak(in.getByte(in.readerIndex()))) {
            in.skipBytes(1);
        }
        if (!in.isReadable()) {
            return false;
        }
        int end = headerEnd(in);
        if (end < 0) {
            if (in.readableBytes() > MAX_HEADER_BYTES) {
                in.skipBytes(in.readableBytes() - 1);
                skippingHeaders = true;
                out.add(new Malformed("header block longer than " + MAX_HEADER_BYTES + " bytes"));
            }
            return false;
        }
        String block = in.readCharSequence(end - in.readerIndex(), StandardCharsets.UTF_8)
                .toString();
        Map<String, String> headers = parseHeaders(block);
        String length = headers.get("Content-Length");
        int bodyLength = 0;
        if (length != null) {
            long parsed = parseLength(length);
            if (parsed < 0) {
                out.add(new Malformed("Content-Length is not a number: " + abbreviate(length)));
                return false;
            }
            if (parsed > MAX_BODY_BYTES) {
                bodyToSkip = parsed;
                out.add(new Malformed("body of " + parsed + " bytes skipped"));
                return false;
            }
            bodyLength = (int) parsed;
        }
        if (headers.isEmpty()) {
            out.add(new Malformed("no headers: " + abbreviate(block)));
            return false;
        }
        pendingHeaders = headers;
        pendingLength = bodyLength;
        return true;
    }

    /** Parses {@code Name: value} lines; lines without a colon are ignored. */
    static Map<String, String> parseHeaders(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\n", -1)) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            headers.put(
                    trimmed.substring(0, colon).strip(),
                    trimmed.substring(colon + 1).strip());
        }
        return headers;
    }

    private static long parseLength(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The index just after the empty line that ends the header block starting at the reader index, or -1. */
    private static int headerEnd(ByteBuf in) {
        int limit = in.writerIndex();
        for (int i = in.readerIndex(); i < limit - 1; i++) {
            if (in.getByte(i) != '\n') {
                continue;
            }
            byte next = in.getByte(i + 1);
            if (next == '\n') {
                return i + 2;
            }
            if (next == '\r' && i + 2 < limit && in.getByte(i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static boolean isLineBreak(byte b) {
        return b == '\n' || b == '\r';
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
