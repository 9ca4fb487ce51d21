-- The official account's 我的诉求 menu looks tickets up by the openid they answer to.
ALTER TABLE ticket
    ADD KEY idx_ticket_reply_to (reply_to);
