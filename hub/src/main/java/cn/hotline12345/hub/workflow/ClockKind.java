package cn.hotline12345.hub.workflow;

/** The deadlines a ticket's clocks chase. */
public enum ClockKind {
    /** 签收时限. */
    ACCEPT("签收"),
    /** 办结（答复）时限. */
    REPLY("答复"),
    /** 回访时限. */
    FOLLOW_UP("回访");

    private final String displayName;

    ClockKind(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name. */
    public String displayName() {
        return displayName;
    }
}
