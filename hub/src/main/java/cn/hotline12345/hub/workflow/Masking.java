package cn.hotline12345.hub.workflow;

/** How citizens' personal data is shown to departments: masked by default (e.g. 138****5678, 张*). */
public final class Masking {

    private Masking() {}

    /** A phone number with its middle hidden: 138****5678, 0579****1234. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        int keepEnd = 4;
        int keepStart = phone.length() >= 11 ? 3 : 2;
        return phone.substring(0, keepStart)
                + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }

    /** A name with all but its first character hidden: 张*, 欧**. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
