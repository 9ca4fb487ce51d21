package cn.hotline12345.hub.notify;

/**
 * A notification its channel will not take however often it is retried (e.g. WeChat's 48-hour reply window has
 * closed, or the citizen unfollowed the account). {@link CitizenNotifier} then falls back to another way instead of
 * retrying.
 */
public final class Undeliverable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code a short reason kept with the delivery, e.g. {@code 45015}; at most 7 characters
     * @param message what the channel said
     */
    public Undeliverable(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The short reason, e.g. {@code 45015}. */
    public String code() {
        return code;
    }
}
