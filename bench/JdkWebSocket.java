import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The JDK's websocket client (`-Dbench.client=jdk`): its listener hands each frame to the measuring thread. */
final class JdkWebSocket extends TerminalBench.QueuedTerminal implements WebSocket.Listener {

    private WebSocket ws;

    static JdkWebSocket open(URI uri, String cookie) throws Exception {
        JdkWebSocket s = new JdkWebSocket();
        s.ws = TerminalBench.HTTP.newWebSocketBuilder().header("Cookie", cookie).buildAsync(uri, s).get(20, TimeUnit.SECONDS);
        return s;
    }

    @Override
    void send(String text) {
        ws.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true).join();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        chunks.add(b);
        webSocket.request(1);
        return null;
    }

    @Override
    void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
