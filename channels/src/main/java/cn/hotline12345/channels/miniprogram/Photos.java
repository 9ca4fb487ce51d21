package cn.hotline12345.channels.miniprogram;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Recognises the photo formats citizens may attach by their first bytes, whatever the upload claims. */
public final class Photos {

    /** Most photos one request may carry. */
    public static final int MAX_PHOTOS = 6;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Photos() {}

    /** The media type of an image in JPEG, PNG or WebP, or empty for anything else. */
    public static Optional<String> mediaType(byte[] content) {
        if (content.length >= 3
                && (content[0] & 0xFF) == 0xFF
                && (content[1] & 0xFF) == 0xD8
                && (content[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (content.length >= PNG.length && Arrays.equals(content, 0, PNG.length, PNG, 0, PNG.length)) {
            return Optional.of("image/png");
        }
        if (content.length >= 12
                && new String(content, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }
}
