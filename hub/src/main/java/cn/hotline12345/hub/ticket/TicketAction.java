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
    SUPERVISE("督办", null),
    /** 办理记录: a note or a contact with the citizen, by the handling unit or the centre. */
    NOTE("办理记录", null),
    /** 协办意见: a co-unit's part of the reply, for the lead unit to merge. */
    SUB_REPLY("协办意见", null),
    /** 答复: the lead unit's reply, waiting for the centre's review. */
    REPLY("答复", "承办单位已答复，热线中心正在审核。"),
    /** 审核通过: the reply goes to the citizen; follow-up next. */
    APPROVE("审核通过", "您的诉求已办理完毕，答复已发送给您。"),
    /** 审核退回: the reply goes back to the lead unit. */
    REJECT_REPLY("审核退回", null),
    /** 回访: the centre asked the citizen (or the citizen rated) whether it was resolved and how satisfied they are. */
    FOLLOW_UP("回访", "已完成回访，工单办结。感谢您的评价。"),
    /** 重办: reopened after an unsatisfied follow-up. */
    REOPEN("重办", "您的诉求已重新交办。"),
    /** 直接答复: an agent answered a 咨询 on the spot and closed it. */
    ANSWER("直接答复", "您的咨询已直接答复，工单办结。"),
    /** 不予受理. */
    REJECT("不予受理", "您的诉求不予受理，原因已告知您。"),
    /** 并单: merged into a master ticket; the master's reply and follow-up reach this requester too. */
    MERGE("并单", "您的诉求已与相同诉求合并办理。"),
    /** 主单答复同步: the master ticket's approved reply, shared with a merged ticket. */
    SHARE_REPLY("并单答复", "您的诉求已办理完毕，答复已发送给您。"),
    /** 公开: the request and its reply, redacted, go on the public page (the citizen agreed). */
    PUBLISH("公开", null),
    /** 撤回公开. */
    UNPUBLISH("撤回公开", null);

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
