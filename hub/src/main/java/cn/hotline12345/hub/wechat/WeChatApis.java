package cn.hotline12345.hub.wechat;

import java.util.Optional;

/**
 * The WeChat server APIs the hub may call: the official account's (customer-service messages, user info) and the
 * mini-program's (the phone number a user lets WeChat confirm). Each is empty when its AppID or AppSecret is not set.
 *
 * @param officialAccount the official account's API
 * @param miniProgram the mini-program's API
 */
public record WeChatApis(Optional<WeChatApi> officialAccount, Optional<WeChatApi> miniProgram) {}
