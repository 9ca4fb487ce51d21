package cn.hotline12345.hub.chat;

/** Where a live chat (在线客服) stands. */
public enum ChatState {
    /** The bot answers from the knowledge base (智能客服). */
    BOT("智能客服"),
    /** Handed over, waiting in the queue for an agent (排队中). */
    WAITING("排队等待人工"),
    /** An agent took it (人工服务中). */
    AGENT("人工服务中"),
    /** Ended; the transcript is archived (已结束). */
    CLOSED("已结束");

    private final String displayName;

    ChatState(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name shown to people. */
    public String displayName() {
        return displayName;
    }
}
