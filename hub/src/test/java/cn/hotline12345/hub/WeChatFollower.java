package cn.hotline12345.hub;

import cn.hotline12345.channels.wechat.WeChatCrypto;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
                        + WeChatCrypto.signature(TestHub.WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp
                        + "&nonce=" + nonce))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }
}
