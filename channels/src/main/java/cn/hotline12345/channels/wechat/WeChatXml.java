package cn.hotline12345.channels.wechat;

import cn.hotline12345.channels.ChannelInputException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * WeChat's XML: parsed by the JDK's own StAX parser (not whichever the class path offers) with DTDs and external
 * entities disabled (a DOCTYPE is refused outright), so entity expansion
 * and XXE attacks cannot reach the hub; replies written with every text in CDATA.
 */
public final class WeChatXml {

    private static final int MAX_FIELDS = 64;

    private WeChatXml() {}

    /** The flat {@code <xml>} children of a WeChat payload. */
    public static Map<String, String> fields(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new ChannelInputException("body", "消息体为空");
        }
        if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
            throw new ChannelInputException("body", "消息体不允许包含 DOCTYPE 或实体声明");
        }
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        Map<String, String> fields = new HashMap<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String current = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ChannelInputException("body", "消息体不允许包含 DOCTYPE");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1 && !reader.getLocalName().equals("xml")) {
                        throw new ChannelInputException("body", "消息体的根元素应为 xml");
                    }
                    if (depth == 2) {
                        current = reader.getLocalName();
                        text.setLength(0);
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && depth == 2) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && current != null) {
                        if (fields.size() >= MAX_FIELDS) {
                            throw new ChannelInputException("body", "消息体字段过多");
                        }
                        fields.put(current, text.toString().strip());
                        current = null;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ChannelInputException known) {
                throw known;
            }
            throw new ChannelInputException("body", "消息体不是合法的XML");
        }
        return fields;
    }

    /** A message from its fields. */
    public static WeChatMessage message(Map<String, String> f) {
        String type = f.get("MsgType");
        if (f.get("FromUserName") == null || type == null) {
            throw new ChannelInputException("body", "消息缺少 FromUserName 或 MsgType");
        }
        long created;
        try {
            created = Long.parseLong(f.getOrDefault("CreateTime", "0"));
        } catch (NumberFormatException e) {
            throw new ChannelInputException("CreateTime", "CreateTime 不是数字");
        }
        return new WeChatMessage(
                f.get("ToUserName"),
                f.get("FromUserName"),
                created,
                type,
                f.get("Content"),
                f.get("MsgId"),
                f.get("Event"),
                f.get("EventKey"));
    }

    /** A passive text reply to {@code to} from {@code from}. */
    public static String textReply(String to, String from, long createTime, String content) {
        return "<xml><ToUserName>" + cdata(to) + "</ToUserName><FromUserName>" + cdata(from)
                + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + cdata(content) + "</Content></xml>";
    }

    /** The safe-mode envelope of an encrypted reply. */
    public static String encryptedReply(String encrypted, String signature, String timestamp, String nonce) {
        return "<xml><Encrypt>" + cdata(encrypted) + "</Encrypt><MsgSignature>" + cdata(signature)
                + "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + cdata(nonce) + "</Nonce></xml>";
    }

    private static String cdata(String text) {
        return "<![CDATA[" + (text == null ? "" : text.replace("]]>", "]]]]><![CDATA[>")) + "]]>";
    }
}
