package cn.hotline12345.channels;

import java.util.Optional;
import java.util.regex.Pattern;

/** Normalises the phone numbers citizens type: mobile or landline, with or without +86, spaces and dashes. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{5,20}");

    private PhoneNumbers() {}

    /** The number as digits only, with a leading +86/0086 dropped from mobiles; empty if it is not a phone number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("+")) {
            compact = compact.substring(1);
        } else if (compact.startsWith("0086")) {
            compact = compact.substring(2);
        }
        if (compact.startsWith("86") && compact.length() == 13 && compact.charAt(2) == '1') {
            compact = compact.substring(2);
        }
        return DIGITS.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
