package cn.hotline12345.hub.miniprogram;

final class MiniProgramSql {

    static final String TICKETS_OF_CITIZEN =
            """
            SELECT id, ticket_no, channel, title, status, satisfaction, created_at, updated_at FROM ticket
            WHERE citizen_id = ? AND id < ? ORDER BY id DESC LIMIT ?""";

    static final String TICKET_ID_OF_CITIZEN = "SELECT id FROM ticket WHERE ticket_no = ? AND citizen_id = ?";

    private MiniProgramSql() {}
}
