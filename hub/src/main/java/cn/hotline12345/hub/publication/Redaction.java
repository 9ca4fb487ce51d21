package cn.hotline12345.hub.publication;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from text published on the public page (政务公开): mobile and landline numbers, ID card
 * numbers, e-mail addresses, the citizen's own name, and names written after 我叫 / 姓名 / 联系人.
 */
public final class Redaction {

    private static final Pattern ID_CARD =
            Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE =
            Pattern.compile("(?<![0-9])(0[0-9]{2,3})[-－ ]?[0-9]{3,4}([0-9]{4})(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern CALLED = Pattern.compile("(我叫|本人|姓名[:：]?|联系人[:：]?)([\\p{IsHan}]{2,4})");

    private Redaction() {}

    /** {@code text} with personal data masked; {@code citizenName} (may be null) is masked wherever it occurs. */
    public static String redact(String text, String citizenName) {
        if (text == null) {
            return null;
        }
        String out = ID_CARD.matcher(text).replaceAll("$1********$2");
        out = MOBILE.matcher(out).replaceAll("$1****$2");
        out = LANDLINE.matcher(out).replaceAll("$1-****$2");
        out = EMAIL.matcher(out).replaceAll("***@***");
        Matcher called = CALLED.matcher(out);
        StringBuilder named = new StringBuilder();
        while (called.find()) {
            String name = called.group(2);
            called.appendReplacement(
                    named, Matcher.quoteReplacement(called.group(1) + name.charAt(0) + "*".repeat(name.length() - 1)));
        }
        called.appendTail(named);
        out = named.toString();
        if (citizenName != null && citizenName.length() >= 2) {
            out = out.replace(citizenName, citizenName.charAt(0) + "*".repeat(citizenName.length() - 1));
        }
        return out;
    }
}
