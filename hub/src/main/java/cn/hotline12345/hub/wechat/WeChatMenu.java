package cn.hotline12345.hub.wechat;

import cn.hotline12345.channels.wechat.WeChatMessage;
import cn.hotline12345.hub.http.Times;
import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Answers the official account's events: a welcome on subscribe, the custom menu's CLICK keys ({@value #MY_TICKETS},
 * {@value #HOTLINE_GUIDE}, {@value #HUMAN}; any other key a polite default), and nothing ({@code success}) to VIEW,
 * unsubscribe and every other event.
 */
final class WeChatMenu {

    /** 我的诉求: the sender's recent tickets and where they stand. */
    static final String MY_TICKETS = "MY_TICKETS";

    /** 使用指南: how to use the service. */
    static final String HOTLINE_GUIDE = "HOTLINE_GUIDE";

    /** 人工服务: how to reach a person. */
    static final String HUMAN = "HUMAN";

    static final String WELCOME =
            "欢迎关注12345政务服务便民热线！直接发送问题即可咨询政策；回复“人工”转人工服务，" + "回复“投诉+内容”提交诉求，我们将登记并交承办单位办理。点击菜单“我的诉求”可查看办理进度。";

    private static final int SHOWN = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private static final String GUIDE =
            """
            12345政务服务便民热线公众号使用指南：
            1. 政策咨询：直接发送您的问题，我们从政策知识库即时答复。
            2. 投诉、举报、求助、建议：发送“投诉+具体事项、地点和时间”，例如“投诉 桂花苑小区东门路灯坏了一个月”，我们登记工单并交承办单位办理。
            3. 办理结果会通过本公众号告知您；点击菜单“我的诉求”可随时查看进度。
            4. 紧急情况请直接拨打110、119、120。""";

    private static final String PERSON =
            """
            如需人工服务：
            · 回复“人工+您的问题”，我们将登记工单，由工作人员跟进办理；
            · 或拨打12345政务服务便民热线，24小时有人接听。""";

    private static final String UNKNOWN_KEY = "您好，该功能暂未开放，敬请期待。您可以直接发送问题咨询，或拨打12345政务服务便民热线。";

    private final WeChatTickets tickets;

    WeChatMenu(WeChatTickets tickets) {
        this.tickets = tickets;
    }

    /** The reply to an event, or an empty text for none. */
    Future<String> reply(WeChatMessage event) {
        String name = event.event() == null ? "" : event.event().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "subscribe" -> Future.succeededFuture(WELCOME);
            case "click" -> click(event);
            default -> Future.succeededFuture("");
        };
    }

    private Future<String> click(WeChatMessage event) {
        String key = event.eventKey() == null ? "" : event.eventKey().strip();
        return switch (key) {
            case MY_TICKETS -> tickets.recent(event.fromUser(), SHOWN + 1).map(WeChatMenu::myTickets);
            case HOTLINE_GUIDE -> Future.succeededFuture(GUIDE);
            case HUMAN -> Future.succeededFuture(PERSON);
            default -> Future.succeededFuture(UNKNOWN_KEY);
        };
    }

    private static String myTickets(List<WeChatTickets.Summary> found) {
        if (found.isEmpty()) {
            return "您还没有通过本公众号提交的诉求。发送“投诉+具体事项、地点和时间”即可提交，例如：投诉 桂花苑小区东门路灯坏了一个月。";
        }
        StringBuilder out = new StringBuilder(found.size() > SHOWN ? "您最近的" + SHOWN + "件诉求：" : "您的诉求：");
        int n = 0;
        for (WeChatTickets.Summary ticket : found.subList(0, Math.min(SHOWN, found.size()))) {
            String title = ticket.title().length() > 20 ? ticket.title().substring(0, 20) + "…" : ticket.title();
            out.append("\n")
                    .append(++n)
                    .append(". 工单号")
                    .append(ticket.ticketNo())
                    .append("（")
                    .append(DAY.format(
                            ticket.createdAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(Times.CHINA)))
                    .append("）\n   ")
                    .append(title)
                    .append("\n   状态：")
                    .append(ticket.status().displayName());
        }
        return out.append("\n如有疑问，请回复“人工”或拨打12345。").toString();
    }
}
