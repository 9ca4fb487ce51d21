package cn.hotline12345.channels.hotline;

/** What the event-socket client reports. Called on the client's own I/O thread: hand work over, never block. */
public interface EslListener {

    /** An event the client subscribed to. */
    void onEvent(EslEvent event);

    /** The switch accepted the password and the subscription; events follow. */
    default void onConnected() {}

    /**
     * The connection ended or could not be made; the client retries after {@code retryInMillis} unless closed.
     *
     * @param cause why, e.g. an {@link EslAuthenticationException} for a refused password
     * @param retryInMillis the delay before the next attempt, or -1 once the client is closed
     */
    default void onDisconnected(Throwable cause, long retryInMillis) {}
}
