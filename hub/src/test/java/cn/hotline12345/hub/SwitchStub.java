package cn.hotline12345.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted FreeSWITCH event socket (mod_event_socket, inbound mode) as the published protocol describes it: greets
 * with {@code auth/request}, checks the password ({@code +OK accepted} or {@code -ERR invalid} and a disconnect
 * notice), confirms the {@code event plain} subscription, then pushes {@code text/event-plain} frames on demand.
 */
public final class SwitchStub {

    private final ServerSocket server;
    private final List<Socket> subscribed = new CopyOnWriteArrayList<>();
    private final List<String> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile String password;

    private SwitchStub(ServerSocket server, String password) {
        this.server = server;
        this.password = password;
    }

    /** Starts on a free loopback port, accepting {@code password}. */
    public static SwitchStub start(String password) {
        try {
            SwitchStub stub = new SwitchStub(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), password);
            Thread acceptor = new Thread(stub::accept, "switch-stub");
            acceptor.setDaemon(true);
            acceptor.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Accepts only {@code newPassword} from now on. */
    public void requirePassword(String newPassword) {
        password = newPassword;
    }

    /** How many authentications it refused. */
    public int refused() {
        return refused.get();
    }

    /** How many connections authenticated and subscribed so far. */
    public int accepted() {
        return accepted.get();
    }

    /** The connections currently subscribed. */
    public int connected() {
        return subscribed.size();
    }

    /** The subscription commands received, e.g. {@code event plain CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE}. */
    public List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Sends an event with these headers (values URL-encoded, as FreeSWITCH does) to every subscribed connection. */
    public void event(Map<String, String> headers) {
        StringBuilder body = new StringBuilder();
        headers.forEach((name, value) -> body.append(name)
                .append(": ")
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"))
                .append('\n'));
        body.append('\n');
        int length = body.toString().getBytes(StandardCharsets.UTF_8).length;
        raw("Content-Length: " + length + "\nContent-Type: text/event-plain\n\n" + body);
    }

    /** Sends bytes as they are to every subscribed connection. */
    public void raw(String text) {
        for (Socket socket : subscribed) {
            try {
                write(socket.getOutputStream(), text);
            } catch (IOException e) {
                subscribed.remove(socket);
            }
        }
    }

    /** Closes every connection without notice, as a crashed switch or a broken network would. */
    public void drop() {
        for (Socket socket : subscribed) {
            subscribed.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "switch-stub-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            write(out, "Content-Type: auth/request\n\n");
            String auth = command(in);
            if (auth == null || !auth.equals("auth " + password)) {
                refused.incrementAndGet();
                write(out, "Content-Type: command/reply\nReply-Text: -ERR invalid\n\n");
                String notice = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";
                write(
                        out,
                        "Content-Type: text/disconnect-notice\nContent-Length: "
                                + notice.getBytes(StandardCharsets.UTF_8).length + "\n\n" + notice);
                return;
            }
            write(out, "Content-Type: command/reply\nReply-Text: +OK accepted\n\n");
            String subscription = command(in);
            if (subscription == null || !subscription.startsWith("event plain ")) {
                write(out, "Content-Type: command/reply\nReply-Text: -ERR command not found\n\n");
                return;
            }
            subscriptions.add(subscription);
            write(out, "Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n");
            subscribed.add(socket);
            accepted.incrementAndGet();
            while (command(in) != null) {
                write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
            }
        } catch (IOException e) {
            // the hub went away
        } finally {
            subscribed.remove(socket);
        }
    }

    private static synchronized void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String command(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n' && previous == '\n') {
                return line.toString(StandardCharsets.UTF_8).strip();
            }
            line.write(b);
            previous = b;
        }
        return null;
    }
}
