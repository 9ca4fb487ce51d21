package cn.hotline12345.hub.ticket;

import java.util.Optional;

/** What happened to a ticket; every ticket event carries one. */
public enum TicketAction {
    /** 受理: the request was registered. */
    RECEIVE("受理", "您的诉求已登记受理，我们将尽快办理。"),
    /** 重新分类: an agent corrected the type or category. */
    RECLASSIFY("重新分类", null);

    private final String displayName;
    private final String citizenText;

    TicketAction(String displayName, String citizenText) {
        this.displayName = displayName;
        this.citizenText = citizenText;
    }

    /** The Chinese name staff see, e.g. 受理. */
    public String displayName() {
        return displayName;
    }

    /** The sentence shown to the citizen in the progress timeline, or empty for internal steps. */
    public Optional<String> citizenText() {
        return Optional.ofNullable(citizenText);
    }
}
