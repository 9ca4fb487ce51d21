package cn.hotline12345.hub.wechat;

final class WeChatSql {

    static final String TICKETS_OF_OPENID =
            """
            SELECT ticket_no, title, status, created_at FROM ticket WHERE reply_to = ?
            UNION
            SELECT t.ticket_no, t.title, t.status, t.created_at
            FROM citizen_identity i JOIN ticket t ON t.citizen_id = i.citizen_id
            WHERE i.kind = 'WECHAT_OPENID' AND i.identifier = ?
            ORDER BY created_at DESC, ticket_no DESC LIMIT ?""";

    private WeChatSql() {}
}
