package cn.hotline12345.channels.hotline;

/** The switch refused the event-socket password or the subscription. */
public final class EslAuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EslAuthenticationException(String message) {
        super(message);
    }
}
