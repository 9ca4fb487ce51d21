package cn.hotline12345.channels.wechat;

import cn.hotline12345.channels.ChannelInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WeChat official-account message protocol's cryptography: the SHA-1 signature over the sorted token, timestamp
 * and nonce (URL verification and plaintext mode; the encrypted payload joins them in safe mode), and AES-256-CBC with
 * the EncodingAESKey (IV = first 16 key bytes, PKCS#7 padding to 32 bytes; plaintext = 16 random bytes, 4-byte
 * big-endian length, message, app id).
 */
public final class WeChatCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final byte[] key;
    private final String appId;

    /**
     * @param token the token configured on the WeChat platform
     * @param encodingAesKey the 43-character EncodingAESKey, or null for plaintext mode only
     * @param appId the official account's app id
     */
    public WeChatCrypto(String token, String encodingAesKey, String appId) {
        this.token = token;
        this.key = encodingAesKey == null ? null : Base64.getDecoder().decode(encodingAesKey + "=");
        if (key != null && key.length != 32) {
            throw new IllegalArgumentException("EncodingAESKey must be 43 characters (32 bytes)");
        }
        this.appId = appId;
    }

    /** The SHA-1 hex signature of the sorted parts. */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} signs the token, timestamp and nonce (and, in safe mode, the encrypted payload). */
    public boolean verify(String signature, String timestamp, String nonce, String encrypted) {
        if (signature == null || timestamp == null || nonce == null) {
            return false;
        }
        String expected =
                encrypted == null ? signature(token, timestamp, nonce) : signature(token, timestamp, nonce, encrypted);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                signature.toLowerCase().getBytes(StandardCharsets.UTF_8));
    }

    /** The msg_signature of an encrypted reply. */
    public String sign(String timestamp, String nonce, String encrypted) {
        return signature(token, timestamp, nonce, encrypted);
    }

    /** Whether safe mode is configured. */
    public boolean safeMode() {
        return key != null;
    }

    /** The plaintext XML of an encrypted payload; fails if it does not decrypt or is for another app id. */
    public String decrypt(String encrypted) {
        if (key == null) {
            throw new ChannelInputException("Encrypt", "未配置 EncodingAESKey，不能解密安全模式消息");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
            int pad = plain[plain.length - 1] & 0xff;
            if (pad < 1 || pad > 32) {
                throw new ChannelInputException("Encrypt", "安全模式消息填充错误");
            }
            byte[] content = Arrays.copyOfRange(plain, 16, plain.length - pad);
            int length = ByteBuffer.wrap(content, 0, 4).getInt();
            if (length < 0 || length > content.length - 4) {
                throw new ChannelInputException("Encrypt", "安全模式消息长度错误");
            }
            String xml = new String(content, 4, length, StandardCharsets.UTF_8);
            String from = new String(content, 4 + length, content.length - 4 - length, StandardCharsets.UTF_8);
            if (!from.equals(appId)) {
                throw new ChannelInputException("Encrypt", "安全模式消息的 AppID 不符");
            }
            return xml;
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ChannelInputException("Encrypt", "安全模式消息无法解密");
        }
    }

    /** The encrypted payload of a reply. */
    public String encrypt(String xml) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + message.length + app.length;
        int pad = 32 - (length % 32);
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random).putInt(message.length).put(message).put(app);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
