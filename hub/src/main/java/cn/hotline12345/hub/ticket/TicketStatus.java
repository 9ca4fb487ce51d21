package cn.hotline12345.hub.ticket;

/** Where a ticket (工单) stands in the 12345 flow; the Chinese name is what citizens and staff see. */
public enum TicketStatus {
    /** 已受理: registered by the intake. */
    RECEIVED("已受理");

    private final String displayName;

    TicketStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name, e.g. 已受理. */
    public String displayName() {
        return displayName;
    }
}
