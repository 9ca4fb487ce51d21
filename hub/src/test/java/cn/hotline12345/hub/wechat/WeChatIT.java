package cn.hotline12345.hub.wechat;

import static cn.hotline12345.hub.TestHub.WECHAT_AES_KEY;
import static cn.hotline12345.hub.TestHub.WECHAT_APPID;
import static cn.hotline12345.hub.TestHub.WECHAT_TOKEN;
import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The hub as a WeChat official account server, with this test playing the WeChat server (own crypto, not the hub's). */
class WeChatIT {

    private static final String PATH = "/api/v1/channels/wechat";
    private static final String OPENID = "oUser" + UUID.randomUUID().toString().substring(0, 8);

    private static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    private static HttpResponse<String> post(String query, String xml) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + PATH + "?" + query))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private static HttpResponse<String> plain(String xml, String timestamp) throws Exception {
        String nonce = "n" + System.nanoTime();
        return post(
                "signature=" + sha1(WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                        + "&openid=" + OPENID,
                xml);
    }

    private static String text(String content, String msgId) {
        return "<xml><ToUserName><![CDATA[gh_hotline]]></ToUserName><FromUserName><![CDATA[" + OPENID
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private static String content(String xml) {
        Matcher m = Pattern.compile("<Content><!\\[CDATA\\[(.*?)\\]\\]></Content>", Pattern.DOTALL)
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static byte[] key() {
        return Base64.getDecoder().decode(WECHAT_AES_KEY + "=");
    }

    private static String encrypt(String xml) throws Exception {
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = WECHAT_APPID.getBytes(StandardCharsets.UTF_8);
        int length = 20 + message.length + app.length;
        int pad = 32 - length % 32;
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put("0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                .putInt(message.length)
                .put(message)
                .put(app);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(), "AES"), new IvParameterSpec(key(), 0, 16));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
    }

    private static String decrypt(String encrypted) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(), "AES"), new IvParameterSpec(key(), 0, 16));
        byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1];
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        assertThat(new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8))
                .isEqualTo(WECHAT_APPID);
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    @Test
    void theServerUrlIsVerifiedBySignature() throws Exception {
        String timestamp = now();
        String ok = PATH + "?signature=" + sha1(WECHAT_TOKEN, timestamp, "abc") + "&timestamp=" + timestamp
                + "&nonce=abc&echostr=" + URLEncoder.encode("echo-123", StandardCharsets.UTF_8);
        HttpResponse<String> verified =
                send(HttpRequest.newBuilder(URI.create(baseUrl() + ok)).GET());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("echo-123");
        String forged = PATH + "?signature=0000&timestamp=" + timestamp + "&nonce=abc&echostr=x";
        assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + forged)).GET())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void plaintextQuestionsAreAnsweredFromTheKnowledgeBase() throws Exception {
        HttpResponse<String> answer = plain(text("你好，我想问一下公积金怎么提取", String.valueOf(System.nanoTime())), now());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("<ToUserName><![CDATA[" + OPENID + "]]>");
        assertThat(content(answer.body())).contains("公积金").contains("依据");
        HttpResponse<String> welcome = plain(
                "<xml><ToUserName><![CDATA[gh_hotline]]></ToUserName><FromUserName><![CDATA[" + OPENID
                        + "]]></FromUserName><CreateTime>" + now()
                        + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>",
                now());
        assertThat(content(welcome.body())).contains("欢迎关注");
    }

    @Test
    void aComplaintBecomesOneTicketHoweverOftenWeChatRetries() throws Exception {
        String msgId = String.valueOf(System.nanoTime());
        String xml = text("投诉 桂花苑东门的路灯坏了一个月没人修", msgId);
        String first = content(plain(xml, now()).body());
        assertThat(first).contains("工单号");
        for (int i = 0; i < 3; i++) {
            assertThat(content(plain(xml, now()).body())).isEqualTo(first);
        }
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE channel = 'wechat' AND external_id = ?", msgId))
                .isEqualTo(1);
    }

    @Test
    void safeModeMessagesAreDecryptedCheckedAndAnsweredEncrypted() throws Exception {
        String timestamp = now();
        String nonce = "safe" + System.nanoTime();
        String encrypted = encrypt(text("医保异地就医怎么备案", String.valueOf(System.nanoTime())));
        String envelope = "<xml><ToUserName><![CDATA[gh_hotline]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        String query = "encrypt_type=aes&timestamp=" + timestamp + "&nonce=" + nonce + "&msg_signature="
                + sha1(WECHAT_TOKEN, timestamp, nonce, encrypted) + "&signature="
                + sha1(WECHAT_TOKEN, timestamp, nonce);
        HttpResponse<String> response = post(query, envelope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher m = Pattern.compile(
                        "<Encrypt><!\\[CDATA\\[(.*?)\\]\\]></Encrypt>.*<MsgSignature><!\\[CDATA\\[(.*?)\\]\\]>"
                                + "</MsgSignature><TimeStamp>(.*?)</TimeStamp><Nonce><!\\[CDATA\\[(.*?)\\]\\]></Nonce>")
                .matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        assertThat(m.group(2)).isEqualTo(sha1(WECHAT_TOKEN, m.group(3), m.group(4), m.group(1)));
        assertThat(content(decrypt(m.group(1)))).contains("备案");

        String badSignature = query.replaceAll("msg_signature=[0-9a-f]+", "msg_signature=deadbeef");
        assertThat(post(badSignature, envelope).statusCode()).isEqualTo(403);
    }

    @Test
    void staleTimestampsAndXmlAttacksAreRefused() throws Exception {
        String stale = String.valueOf(System.currentTimeMillis() / 1000 - 3600);
        assertThat(plain(text("你好", String.valueOf(System.nanoTime())), stale).statusCode())
                .isEqualTo(403);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>a</ToUserName><FromUserName>&x;</FromUserName><MsgType>text</MsgType></xml>";
        HttpResponse<String> attack = plain(xxe, now());
        assertThat(attack.statusCode()).isEqualTo(400);
        assertThat(attack.body()).doesNotContain("root:");
        assertThat(plain("<xml><not-closed>", now()).statusCode()).isEqualTo(400);
    }
}
