package cn.hotline12345.hub.chat;

final class ChatSql {

    static final String ARCHIVE =
            """
            INSERT INTO chat_session (id, channel, citizen_key, agent, ticket_id, started_at, ended_at, transcript)
            VALUES (?, ?, ?, ?, (SELECT id FROM ticket WHERE ticket_no = ?), ?, ?, ?)
            ON DUPLICATE KEY UPDATE agent = VALUES(agent), ticket_id = VALUES(ticket_id), ended_at = VALUES(ended_at),
                transcript = VALUES(transcript)""";

    static final String TICKET_ID = "SELECT id FROM ticket WHERE ticket_no = ?";

    private ChatSql() {}
}
