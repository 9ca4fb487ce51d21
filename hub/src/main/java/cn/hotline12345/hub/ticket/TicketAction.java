package cn.hotline12345.hub.ticket;

import java.util.Optional;

/** What happened to a ticket; every ticket event carries one. */
public enum TicketAction {
    /** 受理: the request was registered. */
    RECEIVE("受理", "您的诉求已登记受理，我们将尽快办理。"),
    /** 重新分类: an agent corrected the type or category. */
    RECLASSIFY("重新分类", null),
    /** 派单: sent to a lead unit (and co-units) by the responsibility list or by a dispatcher. */
    DISPATCH("派单", "您的诉求已转交承办单位办理。"),
    /** 转待派单: no responsibility-list row applies; waiting for a dispatcher. */
    AWAIT_DISPATCH("转待派单", null),
    /** 签收: the lead unit accepted the order. */
    ACCEPT("签收", "承办单位已签收，正在办理。"),
    /** 退单: the lead unit returned the order with a reason. */
    RETURN("退单", null),
    /** 改派: a dispatcher sent the order to another unit. */
    REASSIGN("改派", "您的诉求已转交新的承办单位办理。"),
    /** 维持原派: a dispatcher refused a return; the unit must handle the order. */
    UPHOLD("维持原派", null),
    /** 暂停（待补充材料）: the clock stops until the citizen supplies what is missing. */
    PAUSE("待补充材料", "承办单位需要您补充材料，请留意联系电话。"),
    /** 恢复办理: the missing material arrived; the clock runs again, the deadline moved by the pause. */
    RESUME("恢复办理", "材料已补充，承办单位继续办理。"),
    /** 申请延期. */
    REQUEST_EXTENSION("申请延期", null),
    /** 同意延期: the reply deadline moves. */
    APPROVE_EXTENSION("同意延期", "您的诉求办理时限已依规延长。"),
    /** 不同意延期. */
    DENY_EXTENSION("不同意延期", null),
    /** 催办: a warning that a deadline is near, from a clock or a person. */
    URGE("催办", null),
    /** 督办: a deadline passed, or a supervisor intervened. */
    SUPERVISE("督办", null);

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
