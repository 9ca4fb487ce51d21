package cn.hotline12345.hub.ticket;

/** Where a ticket (工单) stands in the 12345 flow; the Chinese name is what citizens and staff see. */
public enum TicketStatus {
    /** 已受理: registered by the intake, waiting to be dispatched. */
    RECEIVED("已受理"),
    /** 待派单: no responsibility-list row applies; a dispatcher must choose the unit. */
    PENDING_DISPATCH("待派单"),
    /** 已派单: sent to the lead unit, waiting for it to accept (签收). */
    DISPATCHED("已派单"),
    /** 办理中: accepted by the lead unit and being handled. */
    IN_PROGRESS("办理中"),
    /** 退单审核中: the lead unit returned the order; a dispatcher decides. */
    RETURN_REQUESTED("退单审核中"),
    /** 待补充材料: handling paused until the citizen supplies what is missing; the clock stops. */
    PAUSED("待补充材料"),
    /** 已答复: the lead unit replied; the centre reviews the reply. */
    REPLIED("已答复待审核"),
    /** 待回访: the reply went to the citizen; the centre follows up. */
    FOLLOW_UP("待回访"),
    /** 已办结. */
    CLOSED("已办结"),
    /** 不予受理. */
    REJECTED("不予受理"),
    /** 已并单: merged into a master ticket. */
    MERGED("已并单");

    private final String displayName;

    TicketStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name, e.g. 已受理. */
    public String displayName() {
        return displayName;
    }

    /** Whether the ticket is still being worked on (not closed, rejected or merged). */
    public boolean open() {
        return this != CLOSED && this != REJECTED && this != MERGED;
    }

    /** Whether the lead unit still owes a reply, so the reply clock runs. */
    public boolean awaitingReply() {
        return this == DISPATCHED || this == IN_PROGRESS || this == RETURN_REQUESTED;
    }
}
