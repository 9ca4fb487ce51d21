package cn.hotline12345.channels;

/** A provider's or citizen's input that a channel adapter cannot accept: the offending field and a Chinese detail. */
public final class ChannelInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ChannelInputException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    /** The offending field, e.g. {@code phone}. */
    public String field() {
        return field;
    }
}
