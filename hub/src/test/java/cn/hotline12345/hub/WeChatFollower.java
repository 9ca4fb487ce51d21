package cn.hotline12345.hub;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** An official-account follower's text message as WeChat pushes it to the shared test hub (plaintext mode). */
public final class WeChatFollower {

    private WeChatFollower() {}

    /** Pushes {@code content} from {@code openid}; answers the hub's passive reply. */
    public static HttpResponse<String> says(String openid, String content) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n" + System.nanoTime();
        String xml = "<xml><ToUserName><![CDATA[gh_hotline]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
        return TestHub.send(HttpRequest.newBuilder(URI.create(TestHub.baseUrl() + "/api/v1/channels/wechat?signature="
                        + sha1(TestHub.WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private static String sha1(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
