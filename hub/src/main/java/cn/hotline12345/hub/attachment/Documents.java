package cn.hotline12345.hub.attachment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of documents staff may attach, recognised by their first bytes (and, for Office files, which share a
 * container format, by the name's extension); the declared type is never trusted.
 */
final class Documents {

    private Documents() {}

    /** The media type of a file named {@code name} that starts with {@code head}, if it is an accepted kind. */
    static Optional<String> mediaType(String name, byte[] head) {
        String extension = extension(name);
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 'R', 'I', 'F', 'F')
                && head.length >= 12
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return switch (extension) {
                case "docx" -> Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                case "xlsx" -> Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                default -> Optional.empty();
            };
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return switch (extension) {
                case "doc" -> Optional.of("application/msword");
                case "xls" -> Optional.of("application/vnd.ms-excel");
                default -> Optional.empty();
            };
        }
        if (extension.equals("txt") && isText(head)) {
            return Optional.of("text/plain; charset=utf-8");
        }
        return Optional.empty();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b == 0 || (b >= 0 && b < 0x09)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
