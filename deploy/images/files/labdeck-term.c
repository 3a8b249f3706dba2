/*
 * labdeck-term: keeps a learner's shell alive in the sandbox, whatever happens to Labdeck.
 *
 * The shell runs under a small holder process on a pty of its own. Labdeck reaches it through a docker exec of
 * "labdeck-term open", which starts the holder if there is none and attaches to it over a unix socket. When Labdeck
 * restarts, its exec is gone but the holder, the shell and whatever runs in it (a long docker build) go on; the next
 * "open" attaches to the same shell, and the holder sends it the output it kept (the screen) first.
 *
 *   labdeck-term open SOCKET -- COMMAND...    attach to the holder at SOCKET, starting it with COMMAND if none runs
 *
 * The attaching side puts its own terminal (the exec's) into raw mode and hands it to the holder (SCM_RIGHTS): the
 * holder then reads the learner's input from it and writes the shell's output to it itself, with no relay between
 * (a relay through the socket cost the terminal a third of its throughput, inside the sandbox's CPU quota). A window
 * size change of that terminal (docker's exec resize) is passed on to the shell's pty. One client at a time: a new
 * one replaces the old, whose terminal the holder lets go and whose attach process then exits. Over the socket
 * holder and client speak in frames, a type byte and a 4-byte big-endian length: 'T' the terminal (its fds ride
 * along), 'W' window size (cols, rows, 2 bytes each), 'X' the shell's exit status (4 bytes).
 * Nothing blocks the holder: output to the client and input to the shell are queued, bounded, and reading stops
 * while a queue is full, which is back-pressure all the way to the shell or to Labdeck.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define RING (256 * 1024)       /* output kept for a client that attaches later: the screen */
#define QUEUE_MAX (256 * 1024)  /* queued bytes beyond which the holder stops reading that way */
#define CHUNK 65536

/* ---- a growable byte queue ---------------------------------------------------------------------------------- */

struct queue { char *data; size_t start, end, cap; };

static size_t qlen(const struct queue *q) { return q->end - q->start; }

static void qpush(struct queue *q, const void *p, size_t n) {
    if (q->start > 0 && q->end + n > q->cap) {
        memmove(q->data, q->data + q->start, qlen(q));
        q->end -= q->start;
        q->start = 0;
    }
    if (q->end + n > q->cap) {
        size_t cap = q->cap ? q->cap : 8192;
        while (cap < q->end + n) cap *= 2;
        char *grown = realloc(q->data, cap);
        if (!grown) { perror("labdeck-term: realloc"); exit(70); }
        q->data = grown;
        q->cap = cap;
    }
    memcpy(q->data + q->end, p, n);
    q->end += n;
}

static void qclear(struct queue *q) { q->start = q->end = 0; }

/* Writes what it can without blocking; -1 when the other end is gone. */
static int qflush(struct queue *q, int fd) {
    while (qlen(q) > 0) {
        ssize_t w = write(fd, q->data + q->start, qlen(q));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && errno == EAGAIN) return 0;
        if (w <= 0) return -1;
        q->start += (size_t) w;
    }
    qclear(q);
    return 0;
}

static void frame(struct queue *q, char type, const void *p, uint32_t n) {
    unsigned char head[5] = { (unsigned char) type, n >> 24, n >> 16, n >> 8, n };
    qpush(q, head, 5);
    if (n) qpush(q, p, n);
}

/* Parses whole frames from q; calls on_frame for each; leaves a partial frame in place. */
static void frames(struct queue *q, void (*on_frame)(char, const unsigned char *, uint32_t, void *), void *arg) {
    while (qlen(q) >= 5) {
        const unsigned char *h = (const unsigned char *) q->data + q->start;
        uint32_t n = (uint32_t) h[1] << 24 | (uint32_t) h[2] << 16 | (uint32_t) h[3] << 8 | h[4];
        if (n > 16 * 1024 * 1024) { fprintf(stderr, "labdeck-term: bad frame\n"); exit(65); }
        if (qlen(q) < 5 + (size_t) n) return;
        on_frame((char) h[0], h + 5, n, arg);
        q->start += 5 + n;
    }
    if (qlen(q) == 0) qclear(q);
}

static void nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

/* ---- the holder ----------------------------------------------------------------------------------------------- */

struct holder {
    int master, client, cin, cout;   /* the control socket, and the client's terminal once it has handed it over */
    pid_t shell;
    char ring[RING];
    size_t ring_len, ring_pos;   /* a circular buffer: ring_pos is where the next byte goes */
    struct queue to_client, to_shell, from_client;
};

/* In at most two copies (a byte at a time cost more CPU than the rest of the holder under a flood). */
static void ring_add(struct holder *h, const char *p, size_t n) {
    if (n >= RING) {                       /* only the last RING bytes can stay */
        p += n - RING;
        n = RING;
    }
    size_t room = RING - h->ring_pos;
    size_t first = n < room ? n : room;
    memcpy(h->ring + h->ring_pos, p, first);
    memcpy(h->ring, p + first, n - first);
    h->ring_pos = (h->ring_pos + n) % RING;
    h->ring_len = h->ring_len + n > RING ? RING : h->ring_len + n;
}

/* A new client gets a terminal reset, then the output kept: the screen redrawn, not shown twice. */
static void ring_send(struct holder *h) {
    if (h->ring_len == 0) return;
    qpush(&h->to_client, "\033c", 2);
    size_t first = (h->ring_pos + RING - h->ring_len) % RING;
    size_t tail = first + h->ring_len <= RING ? h->ring_len : RING - first;
    if (tail) qpush(&h->to_client, h->ring + first, tail);
    if (h->ring_len > tail) qpush(&h->to_client, h->ring, h->ring_len - tail);
}

static void client_frame(char type, const unsigned char *p, uint32_t n, void *arg) {
    struct holder *h = arg;
    if (type == 'W' && n == 4) {
        struct winsize ws = { .ws_col = (unsigned short) (p[0] << 8 | p[1]), .ws_row = (unsigned short) (p[2] << 8 | p[3]) };
        if (ws.ws_col > 0 && ws.ws_row > 0) ioctl(h->master, TIOCSWINSZ, &ws);
    }
}

static void drop_client(struct holder *h) {
    if (h->client >= 0) close(h->client);
    if (h->cin >= 0) close(h->cin);
    if (h->cout >= 0 && h->cout != h->cin) close(h->cout);
    h->client = h->cin = h->cout = -1;
    qclear(&h->to_client);
    qclear(&h->from_client);
}

/* Reads control frames from the client; the first carries its terminal's two fds. -1 when the client is gone. */
static ssize_t read_client(struct holder *h, char *buf, size_t size) {
    union { struct cmsghdr align; char space[CMSG_SPACE(2 * sizeof(int))]; } control;
    struct iovec io = { buf, size };
    struct msghdr m = { .msg_iov = &io, .msg_iovlen = 1, .msg_control = control.space,
        .msg_controllen = sizeof control.space };
    ssize_t n = recvmsg(h->client, &m, MSG_CMSG_CLOEXEC);
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); n > 0 && c; c = CMSG_NXTHDR(&m, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && c->cmsg_len == CMSG_LEN(2 * sizeof(int))) {
            int fds[2];
            memcpy(fds, CMSG_DATA(c), sizeof fds);
            if (h->cin < 0) {
                h->cin = fds[0];
                h->cout = fds[1];
                nonblocking(h->cin);
                nonblocking(h->cout);
                ring_send(h);
            } else {
                close(fds[0]);
                close(fds[1]);
            }
        }
    }
    return n;
}

/* Runs until the shell exits; the listening socket is already bound. */
static void hold(int listener, const char *socket_path, char **command) {
    struct holder *h = calloc(1, sizeof *h);
    h->client = h->cin = h->cout = -1;
    struct winsize ws = { .ws_col = 80, .ws_row = 24 };
    h->shell = forkpty(&h->master, NULL, NULL, &ws);
    if (h->shell < 0) { perror("labdeck-term: forkpty"); exit(71); }
    if (h->shell == 0) {
        close(listener);
        signal(SIGPIPE, SIG_DFL);
        execvp(command[0], command);
        fprintf(stderr, "labdeck-term: cannot run %s: %s\r\n", command[0], strerror(errno));
        _exit(127);
    }
    nonblocking(h->master);
    nonblocking(listener);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    int sigfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
    int status = 0, exited = 0;
    char buf[CHUNK];
    while (!exited) {
        struct pollfd fds[6] = {
            { h->master, (short) ((qlen(&h->to_client) < QUEUE_MAX ? POLLIN : 0) | (qlen(&h->to_shell) ? POLLOUT : 0)), 0 },
            { listener, POLLIN, 0 },
            { h->client, POLLIN, 0 },
            { sigfd, POLLIN, 0 },
            { qlen(&h->to_shell) < QUEUE_MAX ? h->cin : -1, POLLIN, 0 },
            { qlen(&h->to_client) ? h->cout : -1, POLLOUT, 0 },
        };
        if (poll(fds, 6, -1) < 0 && errno != EINTR) break;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            /* A pty gives a few KiB per read: read on while it has more, so a flood is written in large pieces. */
            size_t got = 0;
            for (int reads = 0; got < sizeof buf - 4096 && reads < 16; reads++) {
                ssize_t n = read(h->master, buf + got, sizeof buf - got);
                if (n <= 0) break;
                got += (size_t) n;
            }
            if (got > 0) {
                ring_add(h, buf, got);
                if (h->cout >= 0) qpush(&h->to_client, buf, got);
            }
        }
        if ((fds[0].revents & POLLOUT) && qflush(&h->to_shell, h->master) < 0) qclear(&h->to_shell);
        if (fds[1].revents & POLLIN) {
            int c = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (c >= 0) {
                drop_client(h);       /* the one before (a Labdeck that is gone) lets go */
                h->client = c;
            }
        }
        if (h->client >= 0 && (fds[2].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = read_client(h, buf, sizeof buf);
            if (n > 0) {
                qpush(&h->from_client, buf, (size_t) n);
                frames(&h->from_client, client_frame, h);
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                drop_client(h);
            }
        }
        if (h->cin >= 0 && (fds[4].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = read(h->cin, buf, sizeof buf);
            if (n > 0) qpush(&h->to_shell, buf, (size_t) n);
            else if (n == 0 || (errno != EAGAIN && errno != EINTR)) drop_client(h);   /* the exec is gone */
        }
        if (h->cout >= 0 && qlen(&h->to_client) && qflush(&h->to_client, h->cout) < 0) drop_client(h);
        if (fds[3].revents & POLLIN) {
            struct signalfd_siginfo info;
            while (read(sigfd, &info, sizeof info) == sizeof info) {}
            if (waitpid(h->shell, &status, WNOHANG) == h->shell) exited = 1;
        }
    }
    /* The shell's last words, then its exit status, then the socket goes: the next open starts a new shell. */
    unlink(socket_path);
    close(listener);
    ssize_t n;
    while ((n = read(h->master, buf, sizeof buf)) > 0) {
        if (h->cout >= 0) qpush(&h->to_client, buf, (size_t) n);
    }
    if (h->cout >= 0) {
        fcntl(h->cout, F_SETFL, fcntl(h->cout, F_GETFL) & ~O_NONBLOCK);
        qflush(&h->to_client, h->cout);
    }
    if (h->client >= 0) {
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        unsigned char x[4] = { (unsigned char) (code >> 24), (unsigned char) (code >> 16), (unsigned char) (code >> 8),
            (unsigned char) code };
        struct queue q = { 0 };
        frame(&q, 'X', x, 4);
        fcntl(h->client, F_SETFL, fcntl(h->client, F_GETFL) & ~O_NONBLOCK);
        qflush(&q, h->client);
    }
    exit(0);
}

/* Binds SOCKET and starts a holder on it, detached (its own session, re-parented to the sandbox's init). */
static void start_holder(const char *path, char **command) {
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    unlink(path);   /* a holder that died left it: nothing listens on it (the caller could not connect) */
    mode_t old = umask(077);
    if (bind(s, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(s, 4) < 0) {
        fprintf(stderr, "labdeck-term: cannot listen on %s: %s\n", path, strerror(errno));
        exit(72);
    }
    umask(old);
    pid_t first = fork();
    if (first < 0) { perror("labdeck-term: fork"); exit(71); }
    if (first == 0) {
        setsid();
        if (fork() != 0) _exit(0);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0); dup2(null, 1); dup2(null, 2);
        if (null > 2) close(null);
        hold(s, path, command);
    }
    close(s);
    waitpid(first, NULL, 0);
}

/* ---- the client ----------------------------------------------------------------------------------------------- */

static struct termios saved;
static int raw;

static void restore(void) { if (raw) tcsetattr(0, TCSANOW, &saved); }

static int dial(const char *path) {
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    if (connect(s, (struct sockaddr *) &addr, sizeof addr) < 0) { close(s); return -1; }
    return s;
}

static void send_size(struct queue *q) {
    struct winsize ws;
    if (ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        unsigned char p[4] = { ws.ws_col >> 8, ws.ws_col, ws.ws_row >> 8, ws.ws_row };
        frame(q, 'W', p, 4);
    }
}

static void holder_frame(char type, const unsigned char *p, uint32_t n, void *arg) {
    int *code = arg;
    if (type == 'X' && n == 4) {
        *code = (int) ((uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3]);
    }
}

/* Hands the holder this process's terminal (stdin, stdout) in a 'T' frame. */
static int hand_over(int s) {
    unsigned char head[5] = { 'T', 0, 0, 0, 0 };
    int fds[2] = { 0, 1 };
    union { struct cmsghdr align; char space[CMSG_SPACE(sizeof fds)]; } control;
    memset(&control, 0, sizeof control);
    struct iovec io = { head, sizeof head };
    struct msghdr m = { .msg_iov = &io, .msg_iovlen = 1, .msg_control = control.space,
        .msg_controllen = sizeof control.space };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof fds);
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    return sendmsg(s, &m, 0) == (ssize_t) sizeof head ? 0 : -1;
}

/* Raw mode, the terminal to the holder, then only window sizes go this way, until the holder lets go. */
static int attach(int s) {
    if (isatty(0) && tcgetattr(0, &saved) == 0) {
        struct termios t = saved;
        cfmakeraw(&t);
        if (tcsetattr(0, TCSANOW, &t) == 0) { raw = 1; atexit(restore); }
    }
    sigset_t winch;
    sigemptyset(&winch);
    sigaddset(&winch, SIGWINCH);
    sigprocmask(SIG_BLOCK, &winch, NULL);
    int sigfd = signalfd(-1, &winch, SFD_NONBLOCK | SFD_CLOEXEC);
    if (hand_over(s) < 0) { perror("labdeck-term: hand over the terminal"); return 75; }
    struct queue to_holder = { 0 }, from_holder = { 0 };
    int code = -1;
    send_size(&to_holder);
    char buf[4096];
    for (;;) {
        struct pollfd fds[2] = {
            { s, (short) (POLLIN | (qlen(&to_holder) ? POLLOUT : 0)), 0 },
            { sigfd, POLLIN, 0 },
        };
        if (poll(fds, 2, -1) < 0 && errno != EINTR) return 1;
        if (fds[1].revents & POLLIN) {
            struct signalfd_siginfo info;
            while (read(sigfd, &info, sizeof info) == sizeof info) {}
            send_size(&to_holder);
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = read(s, buf, sizeof buf);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
                return code >= 0 ? code : 75;   /* 75: replaced by a newer client, or the holder is gone */
            }
            if (n > 0) {
                qpush(&from_holder, buf, (size_t) n);
                frames(&from_holder, holder_frame, &code);
            }
        }
        if (qlen(&to_holder) && qflush(&to_holder, s) < 0) return 75;
    }
}

int main(int argc, char **argv) {
    if (argc < 5 || strcmp(argv[1], "open") != 0 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: labdeck-term open SOCKET -- COMMAND...\n");
        return 64;
    }
    const char *path = argv[2];
    if (strlen(path) >= sizeof ((struct sockaddr_un *) 0)->sun_path) {
        fprintf(stderr, "labdeck-term: socket path too long\n");
        return 64;
    }
    signal(SIGPIPE, SIG_IGN);
    int s = dial(path);
    if (s < 0) {
        /* One opener at a time may start a holder; the others find it running. */
        char lock[200];
        snprintf(lock, sizeof lock, "%s.lock", path);
        int l = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (l >= 0) flock(l, LOCK_EX);
        s = dial(path);
        if (s < 0) {
            start_holder(path, argv + 4);
            s = dial(path);
        }
        if (l >= 0) close(l);
    }
    if (s < 0) { fprintf(stderr, "labdeck-term: no holder at %s: %s\n", path, strerror(errno)); return 69; }
    nonblocking(s);
    return attach(s);
}
