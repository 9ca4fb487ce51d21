package cn.hotline12345.hub.wechat;

import static cn.hotline12345.hub.TestHub.WECHAT_AES_KEY;
import static cn.hotline12345.hub.TestHub.WECHAT_APPID;
import static cn.hotline12345.hub.TestHub.WECHAT_TOKEN;
import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.Test;

/**
 * The hub as an official account server, with a third-party SDK (WxJava) playing the WeChat server: it encrypts and
 * signs what is pushed to the hub, and decrypts and verifies what the hub answers, so the hub's protocol is checked
 * against an implementation it shares no code with.
 */
class WeChatInteropIT {

    private static final String PATH = "/api/v1/channels/wechat";
    private static final WxCryptUtil WECHAT = new WxCryptUtil(WECHAT_TOKEN, WECHAT_AES_KEY, WECHAT_APPID);

    private final String openid = "oInterop" + UUID.randomUUID().toString().substring(0, 12);
    private long eventTime = System.currentTimeMillis() / 1000;

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    private static String msgId() {
        return String.valueOf(System.nanoTime());
    }

    private static WxMpDefaultConfigImpl account() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(WECHAT_APPID);
        config.setToken(WECHAT_TOKEN);
        config.setAesKey(WECHAT_AES_KEY);
        return config;
    }

    private String text(String content, String msgId) {
        return "<xml><ToUserName><![CDATA[gh_hotline12345]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private String event(String event, String key) {
        return "<xml><ToUserName><![CDATA[gh_hotline12345]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + eventTime++ + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>") + "</xml>";
    }

    private static HttpResponse<String> post(String query, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + PATH + "?" + query))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Pushes a message in plaintext mode, signed as WeChat signs it. */
    private HttpResponse<String> plain(String xml) {
        return plainAt(xml, now(), "text/xml");
    }

    private HttpResponse<String> plainAt(String xml, String timestamp, String contentType) {
        String nonce = "n" + System.nanoTime();
        return post(
                "signature=" + SHA1.gen(WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                        + "&openid=" + openid,
                xml,
                contentType);
    }

    /** Pushes a message in safe mode, encrypted and signed by the SDK with the given crypto. */
    private HttpResponse<String> safe(WxCryptUtil crypto, String xml) {
        WxCryptUtil.EncryptContext sealed = crypto.encryptContext(xml);
        String envelope = "<xml><ToUserName><![CDATA[gh_hotline12345]]></ToUserName><Encrypt><![CDATA["
                + sealed.getEncrypt() + "]]></Encrypt></xml>";
        String query = "encrypt_type=aes&timestamp=" + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce()
                + "&msg_signature=" + sealed.getSignature() + "&signature="
                + SHA1.gen(WECHAT_TOKEN, sealed.getTimeStamp(), sealed.getNonce()) + "&openid=" + openid;
        return post(query, envelope, "text/xml");
    }

    /** The hub's encrypted reply, verified and decrypted by the SDK. */
    private static WxMpXmlMessage opened(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String envelope = response.body();
        String timestamp = between(envelope, "<TimeStamp>", "</TimeStamp>");
        String nonce = between(envelope, "<Nonce><![CDATA[", "]]></Nonce>");
        String signature = between(envelope, "<MsgSignature><![CDATA[", "]]></MsgSignature>");
        return WxMpXmlMessage.fromEncryptedXml(envelope, account(), timestamp, nonce, signature);
    }

    private static WxMpXmlMessage parsed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        return WxMpXmlMessage.fromXml(response.body());
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + from.length());
        assertThat(start).as(text).isNotNegative();
        return text.substring(start + from.length(), end);
    }

    private static long stored(String msgId) {
        return count("SELECT COUNT(*) FROM ticket WHERE channel = 'wechat' AND external_id = ?", msgId);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new JsonObject(response.body()).getInteger("status")).isEqualTo(status);
    }

    @Test
    void theServerUrlIsVerifiedWithTheSdksSignature() {
        String timestamp = now();
        String nonce = "v" + System.nanoTime();
        String echo = "echo-" + UUID.randomUUID();
        HttpResponse<String> verified = send(HttpRequest.newBuilder(URI.create(baseUrl() + PATH + "?signature="
                        + SHA1.gen(WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                        + "&echostr=" + URLEncoder.encode(echo, StandardCharsets.UTF_8)))
                .GET());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo(echo);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(baseUrl() + PATH + "?signature="
                        + SHA1.gen("another-token", timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                        + "&echostr=x"))
                .GET());
        assertProblem(forged, 403);
    }

    @Test
    void plaintextMessagesGetAReplyTheSdkReads() {
        WxMpXmlMessage reply = parsed(plain(text("请问公积金怎么提取", msgId())));
        assertThat(reply.getToUser()).isEqualTo(openid);
        assertThat(reply.getFromUser()).isEqualTo("gh_hotline12345");
        assertThat(reply.getMsgType()).isEqualTo("text");
        assertThat(reply.getContent()).contains("公积金");
    }

    @Test
    void safeModeRepliesAreEncryptedAndSignedSoTheSdkOpensThem() {
        WxMpXmlMessage reply = opened(safe(WECHAT, text("医保异地就医怎么备案", msgId())));
        assertThat(reply.getToUser()).isEqualTo(openid);
        assertThat(reply.getContent()).contains("备案");

        String msgId = msgId();
        WxMpXmlMessage receipt = opened(safe(WECHAT, text("投诉 幸福里小区垃圾三天没人清运", msgId)));
        assertThat(receipt.getContent()).contains("工单号");
        assertThat(stored(msgId)).isEqualTo(1);
    }

    @Test
    void aMessageRetriedThreeTimesIsOneTicketWithTheSameReply() {
        String msgId = msgId();
        String xml = text("投诉 桂花苑东门路灯坏了一个月没人修", msgId);
        String first = opened(safe(WECHAT, xml)).getContent();
        assertThat(first).contains("工单号");
        for (int i = 0; i < 3; i++) {
            assertThat(opened(safe(WECHAT, xml)).getContent()).isEqualTo(first);
        }
        assertThat(stored(msgId)).isEqualTo(1);
    }

    @Test
    void aForgedSignatureIsAForbiddenProblemAndNothingIsStored() {
        String msgId = msgId();
        WxCryptUtil.EncryptContext sealed = WECHAT.encryptContext(text("投诉 伪造签名的消息不应登记", msgId));
        String envelope = "<xml><Encrypt><![CDATA[" + sealed.getEncrypt() + "]]></Encrypt></xml>";
        String forged = "encrypt_type=aes&timestamp=" + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce()
                + "&msg_signature="
                + SHA1.gen("not-the-token", sealed.getTimeStamp(), sealed.getNonce(), sealed.getEncrypt());
        assertProblem(post(forged, envelope, "text/xml"), 403);
        String plainForged =
                "signature=" + SHA1.gen("not-the-token", now(), "abc") + "&timestamp=" + now() + "&nonce=abc";
        assertProblem(post(plainForged, text("投诉 伪造签名的明文消息", msgId), "text/xml"), 403);
        assertThat(stored(msgId)).isZero();
    }

    @Test
    void aStaleTimestampIsRefused() {
        String msgId = msgId();
        String stale = String.valueOf(System.currentTimeMillis() / 1000 - 3600);
        assertProblem(plainAt(text("投诉 一小时前的消息被重放", msgId), stale, "text/xml"), 403);
        assertThat(stored(msgId)).isZero();
    }

    @Test
    void aMessageSealedForAnotherAppIdIsRefused() {
        String msgId = msgId();
        WxCryptUtil otherApp = new WxCryptUtil(WECHAT_TOKEN, WECHAT_AES_KEY, "wx0000000000000000");
        assertProblem(safe(otherApp, text("投诉 其他公众号的消息", msgId)), 400);
        assertThat(stored(msgId)).isZero();
    }

    @Test
    void xxeBillionLaughsAndDtdsAreRefusedAndNothingIsStored() {
        String msgId = msgId();
        String inner = "<ToUserName>gh</ToUserName><FromUserName>" + openid + "</FromUserName><CreateTime>" + now()
                + "</CreateTime><MsgType>text</MsgType><MsgId>" + msgId + "</MsgId>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml>" + inner
                + "<Content>投诉 &x;</Content></xml>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            laughs.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10));
            laughs.append("\">");
        }
        laughs.append("]><xml>").append(inner).append("<Content>投诉 &lol9;</Content></xml>");
        String externalDtd = "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml>" + inner
                + "<Content>投诉 外部DTD</Content></xml>";
        String parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY % p SYSTEM \"file:///etc/hostname\">"
                + " %p;]><xml>" + inner + "<Content>投诉 参数实体</Content></xml>";
        for (String attack : new String[] {xxe, laughs.toString(), externalDtd, parameterEntity}) {
            HttpResponse<String> response = plain(attack);
            assertProblem(response, 400);
            assertThat(response.body()).doesNotContain("root:");
            WxCryptUtil.EncryptContext sealed = WECHAT.encryptContext(attack);
            assertProblem(
                    post(
                            "encrypt_type=aes&timestamp=" + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce()
                                    + "&msg_signature=" + sealed.getSignature(),
                            "<xml><Encrypt><![CDATA[" + sealed.getEncrypt() + "]]></Encrypt></xml>",
                            "text/xml"),
                    400);
        }
        assertThat(stored(msgId)).isZero();
    }

    @Test
    void malformedXmlIsABadRequest() {
        assertProblem(plain("<xml><ToUserName>a</ToUserName><FromUserName>b"), 400);
        assertProblem(plain("not xml at all"), 400);
        assertProblem(plain("<other><MsgType>text</MsgType></other>"), 400);
        assertProblem(plain("<xml><ToUserName>a</ToUserName></xml>"), 400);
        assertProblem(
                post(
                        "encrypt_type=aes&timestamp=" + now() + "&nonce=x&msg_signature="
                                + SHA1.gen(WECHAT_TOKEN, now(), "x", "bm90IGVuY3J5cHRlZA=="),
                        "<xml><Encrypt><![CDATA[bm90IGVuY3J5cHRlZA==]]></Encrypt></xml>",
                        "text/xml"),
                400);
    }

    @Test
    void anOversizedBodyIsTooLarge() {
        String msgId = msgId();
        String huge = text("投诉 " + "很长".repeat(60_000), msgId);
        assertProblem(plain(huge), 413);
        assertThat(stored(msgId)).isZero();
    }

    @Test
    void contentTypesOtherThanXmlAreUnsupported() {
        String msgId = msgId();
        assertProblem(plainAt(text("投诉 内容类型不对的消息", msgId), now(), "application/json"), 415);
        assertProblem(plainAt(text("投诉 内容类型不对的消息", msgId), now(), "application/x-www-form-urlencoded"), 415);
        assertThat(stored(msgId)).isZero();
        assertThat(parsed(plainAt(text("你好", msgId()), now(), "application/xml; charset=utf-8"))
                        .getToUser())
                .isEqualTo(openid);
    }

    @Test
    void menuClicksAreAnswered() {
        assertThat(parsed(plain(event("CLICK", "MY_TICKETS"))).getContent()).contains("还没有");
        String msgId = msgId();
        String receipt = opened(safe(WECHAT, text("投诉 菜单测试：建设路井盖缺失很危险", msgId))).getContent();
        String ticketNo = receipt.replaceAll("(?s).*工单号：(\\d+).*", "$1");
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE reply_to = ? AND external_id = ?", openid, msgId))
                .isEqualTo(1);
        String mine = opened(safe(WECHAT, event("CLICK", "MY_TICKETS"))).getContent();
        assertThat(mine).contains(ticketNo).contains("状态：").contains("菜单测试");
        assertThat(parsed(plain(event("CLICK", "HOTLINE_GUIDE"))).getContent()).contains("使用指南");
        assertThat(parsed(plain(event("CLICK", "HUMAN"))).getContent()).contains("人工");
        assertThat(parsed(plain(event("CLICK", "NO_SUCH_KEY"))).getContent()).contains("暂未开放");
        HttpResponse<String> view = plain(event("VIEW", "https://12345.example.gov.cn/"));
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).isEqualTo("success");
        HttpResponse<String> unsubscribe = plain(event("unsubscribe", null));
        assertThat(unsubscribe.body()).isEqualTo("success");
    }
}
