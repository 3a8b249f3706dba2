# A learner's app for PortPreviewDockerTest: pages with absolute links and a websocket echo, from the stdlib only.
import base64, hashlib, http.server, struct

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
PAGES = {"/": ("text/html", '<html><body><a href="/static/app.css">absolute</a></body></html>'),
         "/static/app.css": ("text/css", "body{color:teal}")}


class App(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/ws":
            return self.echo()
        kind, body = PAGES.get(self.path, ("text/plain", "hello from the sandbox, cookie=" + str(self.headers["Cookie"])))
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def echo(self):
        accept = base64.b64encode(hashlib.sha1((self.headers["Sec-WebSocket-Key"] + GUID).encode()).digest())
        self.send_response(101)
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept.decode())
        self.end_headers()
        self.wfile.flush()
        while True:
            head = self.rfile.read(2)
            if len(head) < 2 or head[0] & 15 == 8:
                return
            n = head[1] & 127
            if n == 126:
                n = struct.unpack(">H", self.rfile.read(2))[0]
            mask = self.rfile.read(4)
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(self.rfile.read(n)))
            size = bytes([len(data)]) if len(data) < 126 else bytes([126]) + struct.pack(">H", len(data))
            self.wfile.write(bytes([0x80 | (head[0] & 15)]) + size + data)
            self.wfile.flush()


http.server.ThreadingHTTPServer(("", 8000), App).serve_forever()
