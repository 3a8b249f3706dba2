import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The lightest websocket client this benchmark can have: one blocking socket, read on the thread that waits for the
 * output, with no thread between the socket and the measurement (as `docker exec -t`, the baseline, has none). Binary
 * frames are the terminal's output; text frames (status, pong) are skipped; a ping is answered.
 */
final class RawWebSocket extends TerminalBench.Terminal {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] mask = new byte[4];

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = socket.getOutputStream();
    }

    static RawWebSocket open(URI uri, String cookie) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nCookie: " + cookie + "\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String status = ws.line();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("websocket upgrade refused: " + status);
        }
        while (!ws.line().isEmpty()) {
            // response headers
        }
        return ws;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("connection closed during the upgrade");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    void send(String text) throws IOException {
        frame(0x2, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A client frame: FIN, the opcode, the masked payload, in one write. */
    private void frame(int opcode, byte[] payload) throws IOException {
        int header = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        if (header == 2) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (header == 4) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) payload.length >> (56 - 8 * i));
            }
        }
        // Masking is the protocol's, not a secret: a cheap random keeps system calls out of the timed path.
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(frame);
        out.flush();
    }

    @Override
    byte[] poll(long millis) throws IOException {
        while (true) {
            int first;
            socket.setSoTimeout((int) Math.max(1, millis));
            try {
                first = in.read();
            } catch (SocketTimeoutException e) {
                return null;
            }
            socket.setSoTimeout(0);
            if (first < 0) {
                throw new EOFException("the server closed the terminal");
            }
            byte[] payload = payload();
            switch (first & 0x0f) {
                case 0x0, 0x2 -> {
                    return payload;
                }
                case 0x8 -> throw new EOFException("the server closed the terminal: " + new String(payload, StandardCharsets.UTF_8));
                case 0x9 -> frame(0xA, payload);
                default -> {
                    // text (status, pong) and pong frames are not terminal output
                }
            }
        }
    }

    private byte[] payload() throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return payload;
    }

    @Override
    void close() throws IOException {
        frame(0x8, new byte[] {0x03, (byte) 0xe8});
        socket.close();
    }
}
