/*
 * labdeck-term: keeps a learner's shell alive in the sandbox, whatever happens to Labdeck.
 *
 * The shell runs under a small holder process on a pty of its own. Labdeck reaches it through a docker exec of
 * "labdeck-term open", which starts the holder if there is none and attaches to it over a unix socket. When Labdeck
 * restarts, its exec is gone but the holder, the shell and whatever runs in it (a long docker build) go on; the next
 * "open" attaches to the same shell, and the holder sends it the output it kept (the screen) first.
 *
 *   labdeck-term open SOCKET -- COMMAND...    attach to the holder at SOCKET, starting it with COMMAND if none runs
 *   labdeck-term serve ATTACH SPAWN            hold shells for another container (a session's terminal container)
 *   labdeck-term attach ATTACH                 attach to that holder
 *   labdeck-term spawn SPAWN -- COMMAND...     run COMMAND on the holder's pty, unless a shell runs on it already
 *
 * serve, attach and spawn split the holder from the sandbox: the holder runs as PID 1 of a container of its own
 * (Labdeck's, on the runc runtime, with no network and no capability), and the shell runs in the sandbox. spawn,
 * started there by docker exec, fetches the slave of the holder's pty over SPAWN (a socket on a volume both
 * containers mount), makes it its controlling terminal and runs COMMAND on it, then tells the holder its exit
 * status ('X'). The shell stays in the sandbox's cgroup, namespaces and limits; only the holder's work on the pty
 * is charged elsewhere: reading a pty costs a synchronous wake of the kernel's tty worker per 4 KiB, which in the
 * sandbox's own CPU quota took a third of a flood's throughput. When a shell ends, the holder opens a fresh pty for
 * the next spawn, and forgets the screen it kept.
 *
 * The attaching side hands its stdin and stdout to the holder (SCM_RIGHTS): the holder then reads the learner's input
 * from them and writes the shell's output to them itself, with no relay between (a relay through the socket cost
 * the terminal a third of its throughput, inside the sandbox's CPU quota). Labdeck's exec has no TTY, only pipes:
 * a write to a pipe costs the holder a fraction of a write to a second pty, whose line discipline was charged to the
 * sandbox's quota too (throughput fell 35-40% with it). On pipes the input is framed: 'D' bytes for the shell and 'W'
 * window sizes, as docker's exec resize needs a TTY. On a terminal (a person's `docker exec -it ... labdeck-term
 * open`) the attach puts it into raw mode, the input is raw bytes, and a window size change of that terminal is
 * passed on to the shell's pty. One client at a time: a new
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
    pid_t shell;                 /* open: the shell, the holder's own child */
    int serving;                 /* serve: shells come from spawn, one after another */
    int slave;                   /* serve: the pty's slave until a spawn takes it */
    int spawner;                 /* serve: the connection of the spawn whose shell runs on the pty */
    int hung;                    /* the pty's slave is closed everywhere: nothing more to read from it */
    struct winsize size;
    char ring[RING];
    size_t ring_len, ring_pos;   /* a circular buffer: ring_pos is where the next byte goes */
    int ring_seen;               /* some of the kept output went to a client, whose screen may still show it */
    int framed;                  /* the client's input is pipes carrying 'D' and 'W' frames, not a terminal */
    struct queue to_client, to_shell, from_client, from_cin;
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

/*
 * A new client gets the output kept. When an earlier client had some of it (a Labdeck that restarted: its pages
 * still show it), a terminal reset goes first, so the screen is redrawn, not shown twice. Output that no client saw
 * (a new shell's first prompt, printed before its attach arrived) comes without one, which would wipe the page.
 */
static void ring_send(struct holder *h) {
    if (h->ring_len == 0) return;
    if (h->ring_seen) qpush(&h->to_client, "\033c", 2);
    h->ring_seen = 1;
    size_t first = (h->ring_pos + RING - h->ring_len) % RING;
    size_t tail = first + h->ring_len <= RING ? h->ring_len : RING - first;
    if (tail) qpush(&h->to_client, h->ring + first, tail);
    if (h->ring_len > tail) qpush(&h->to_client, h->ring, h->ring_len - tail);
}

static void client_frame(char type, const unsigned char *p, uint32_t n, void *arg) {
    struct holder *h = arg;
    if (type == 'D') qpush(&h->to_shell, p, n);
    if (type == 'W' && n == 4) {
        struct winsize ws = { .ws_col = (unsigned short) (p[0] << 8 | p[1]), .ws_row = (unsigned short) (p[2] << 8 | p[3]) };
        if (ws.ws_col > 0 && ws.ws_row > 0) {
            h->size = ws;
            ioctl(h->master, TIOCSWINSZ, &ws);
        }
    }
}

static void drop_client(struct holder *h) {
    if (h->client >= 0) close(h->client);
    if (h->cin >= 0) close(h->cin);
    if (h->cout >= 0 && h->cout != h->cin) close(h->cout);
    h->client = h->cin = h->cout = -1;
    qclear(&h->to_client);
    qclear(&h->from_client);
    qclear(&h->from_cin);
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
                h->framed = !isatty(h->cin);
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

static void send_frame_blocking(int fd, char type, const void *p, uint32_t n) {
    struct queue q = { 0 };
    frame(&q, type, p, n);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    qflush(&q, fd);
    free(q.data);
}

/* The shell's last words, then its exit status to the client, whose attach then ends with it. */
static void shell_ended(struct holder *h, int code) {
    char buf[CHUNK];
    ssize_t n;
    while (!h->hung && (n = read(h->master, buf, sizeof buf)) > 0) {
        ring_add(h, buf, (size_t) n);
        if (h->cout >= 0) qpush(&h->to_client, buf, (size_t) n);
    }
    if (h->cout >= 0) {
        fcntl(h->cout, F_SETFL, fcntl(h->cout, F_GETFL) & ~O_NONBLOCK);
        qflush(&h->to_client, h->cout);
    }
    if (h->client >= 0) {
        unsigned char x[4] = { (unsigned char) (code >> 24), (unsigned char) (code >> 16), (unsigned char) (code >> 8),
            (unsigned char) code };
        send_frame_blocking(h->client, 'X', x, 4);
    }
}

/* serve: a fresh pty for the next spawn, at the last window size. */
static void new_pty(struct holder *h) {
    if (h->master >= 0) close(h->master);
    if (h->slave >= 0) close(h->slave);
    if (openpty(&h->master, &h->slave, NULL, NULL, &h->size) < 0) { perror("labdeck-term: openpty"); exit(71); }
    fcntl(h->master, F_SETFD, FD_CLOEXEC);
    fcntl(h->slave, F_SETFD, FD_CLOEXEC);
    nonblocking(h->master);
    h->hung = 0;
    qclear(&h->to_shell);
}

/* serve: a spawn gets the pty's slave ('S', the fd alongside), or 'N' when a shell runs on it already. */
static void accept_spawn(struct holder *h, int listener) {
    int c = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0) return;
    if (h->spawner >= 0 || h->slave < 0) {
        send_frame_blocking(c, 'N', NULL, 0);
        close(c);
        return;
    }
    unsigned char head[5] = { 'S', 0, 0, 0, 0 };
    union { struct cmsghdr align; char space[CMSG_SPACE(sizeof(int))]; } control;
    memset(&control, 0, sizeof control);
    struct iovec io = { head, sizeof head };
    struct msghdr m = { .msg_iov = &io, .msg_iovlen = 1, .msg_control = control.space,
        .msg_controllen = sizeof control.space };
    struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &h->slave, sizeof(int));
    if (sendmsg(c, &m, 0) != (ssize_t) sizeof head) { close(c); return; }
    close(h->slave);   /* only the shell's side holds it now: its end is the pty's hang-up */
    h->slave = -1;
    nonblocking(c);
    h->spawner = c;
}

static void spawner_frame(char type, const unsigned char *p, uint32_t n, void *arg) {
    int *code = arg;
    if (type == 'X' && n == 4) *code = (int) ((uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3]);
}

/* serve: the spawn says how its shell ended, or goes away (its sandbox stopped): either way the shell has ended. */
static void read_spawner(struct holder *h, struct queue *from_spawner) {
    char buf[64];
    ssize_t n = read(h->spawner, buf, sizeof buf);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
    int code = -1;
    if (n > 0) {
        qpush(from_spawner, buf, (size_t) n);
        frames(from_spawner, spawner_frame, &code);
        if (code < 0) return;
    }
    close(h->spawner);
    h->spawner = -1;
    qclear(from_spawner);
    shell_ended(h, code < 0 ? 129 : code);
    drop_client(h);
    new_pty(h);
    /* The next shell starts on a clean slate: a client that attaches for it gets no reset and no old screen (which
     * would wipe what the page wrote after the exit), as when a new holder started the shell. */
    h->ring_len = h->ring_pos = 0;
    h->ring_seen = 0;
}

/* Runs until the shell exits (open), or for good (serve: spawns is the spawn socket). Sockets are bound already. */
static void hold(int listener, int spawns, const char *socket_path, char **command) {
    struct holder *h = calloc(1, sizeof *h);
    h->client = h->cin = h->cout = h->slave = h->spawner = h->master = -1;
    h->size = (struct winsize) { .ws_col = 80, .ws_row = 24 };
    h->serving = spawns >= 0;
    if (h->serving) {
        new_pty(h);
    } else {
        h->shell = forkpty(&h->master, NULL, NULL, &h->size);
        if (h->shell < 0) { perror("labdeck-term: forkpty"); exit(71); }
        if (h->shell == 0) {
            close(listener);
            signal(SIGPIPE, SIG_DFL);
            execvp(command[0], command);
            fprintf(stderr, "labdeck-term: cannot run %s: %s\r\n", command[0], strerror(errno));
            _exit(127);
        }
        nonblocking(h->master);
    }
    nonblocking(listener);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    int sigfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
    int status = 0, exited = 0;
    struct queue from_spawner = { 0 };
    char buf[CHUNK];
    while (!exited) {
        short out = (short) ((!h->hung && qlen(&h->to_client) < QUEUE_MAX ? POLLIN : 0) | (qlen(&h->to_shell) ? POLLOUT : 0));
        struct pollfd fds[8] = {
            { out ? h->master : -1, out, 0 },
            { listener, POLLIN, 0 },
            { h->client, POLLIN, 0 },
            { sigfd, POLLIN, 0 },
            { qlen(&h->to_shell) < QUEUE_MAX ? h->cin : -1, POLLIN, 0 },
            { qlen(&h->to_client) ? h->cout : -1, POLLOUT, 0 },
            { spawns, POLLIN, 0 },
            { h->spawner, POLLIN, 0 },
        };
        if (poll(fds, 8, -1) < 0 && errno != EINTR) break;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            /* A pty gives a few KiB per read: read on while it has more, so a flood is written in large pieces. */
            size_t got = 0;
            for (int reads = 0; got < sizeof buf - 4096 && reads < 16; reads++) {
                ssize_t n = read(h->master, buf + got, sizeof buf - got);
                if (n < 0 && errno == EIO && h->serving) h->hung = 1;   /* the shell's side is gone; spawn says more */
                if (n <= 0) break;
                got += (size_t) n;
            }
            if (got > 0) {
                ring_add(h, buf, got);
                if (h->cout >= 0) {
                    qpush(&h->to_client, buf, got);
                    h->ring_seen = 1;
                }
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
            if (n > 0 && h->framed) {
                qpush(&h->from_cin, buf, (size_t) n);
                frames(&h->from_cin, client_frame, h);
            } else if (n > 0) {
                qpush(&h->to_shell, buf, (size_t) n);
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) drop_client(h);   /* the exec is gone */
        }
        if (h->cout >= 0 && qlen(&h->to_client) && qflush(&h->to_client, h->cout) < 0) drop_client(h);
        if (fds[6].revents & POLLIN) accept_spawn(h, spawns);
        if (h->spawner >= 0 && (fds[7].revents & (POLLIN | POLLHUP | POLLERR))) read_spawner(h, &from_spawner);
        if (fds[3].revents & POLLIN) {
            struct signalfd_siginfo info;
            while (read(sigfd, &info, sizeof info) == sizeof info) {}
            if (h->serving) {
                while (waitpid(-1, NULL, WNOHANG) > 0) {}   /* PID 1 of its container: reap what is left to it */
            } else if (waitpid(h->shell, &status, WNOHANG) == h->shell) {
                exited = 1;
            }
        }
    }
    /* open: the socket goes first, so that the next open starts a new shell. */
    unlink(socket_path);
    close(listener);
    shell_ended(h, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
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
        hold(s, -1, path, command);
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

/* Binds a listening socket at PATH with MODE; exits when it cannot. */
static int listen_at(const char *path, mode_t mode) {
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    unlink(path);
    if (bind(s, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(s, 4) < 0 || chmod(path, mode) < 0) {
        fprintf(stderr, "labdeck-term: cannot listen on %s: %s\n", path, strerror(errno));
        exit(72);
    }
    return s;
}

static void serve(const char *attach_path, const char *spawn_path) {
    int listener = listen_at(attach_path, 0600);
    /* Anyone in the sandbox may ask for the pty (its root, or a rootless engine's user): it is theirs anyway. */
    int spawns = listen_at(spawn_path, 0666);
    nonblocking(spawns);
    hold(listener, spawns, attach_path, NULL);
}

static void dial_frame(char type, const unsigned char *p, uint32_t n, void *arg) {
    (void) p; (void) n;
    *(char *) arg = type;
}

/* Receives the holder's answer to a spawn: 'S' and the pty's slave, or 'N'. Returns the slave, or -1. */
static int receive_slave(int s) {
    unsigned char head[5];
    union { struct cmsghdr align; char space[CMSG_SPACE(sizeof(int))]; } control;
    struct iovec io = { head, sizeof head };
    struct msghdr m = { .msg_iov = &io, .msg_iovlen = 1, .msg_control = control.space,
        .msg_controllen = sizeof control.space };
    if (recvmsg(s, &m, MSG_CMSG_CLOEXEC) != (ssize_t) sizeof head) return -1;
    struct queue q = { 0 };
    qpush(&q, head, sizeof head);
    char type = 0;
    frames(&q, dial_frame, &type);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    if (type != 'S' || !c || c->cmsg_type != SCM_RIGHTS) return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof fd);
    return fd;
}

/* In the sandbox: COMMAND on the holder's pty, as the leader of a session of its own; its status to the holder. */
static int spawn(const char *path, char **command) {
    int s = -1;
    for (int tries = 0; s < 0 && tries < 500; tries++) {   /* the holder may be starting too: up to 10 s */
        s = dial(path);
        if (s < 0) usleep(20000);
    }
    if (s < 0) { fprintf(stderr, "labdeck-term: no holder at %s: %s\n", path, strerror(errno)); return 69; }
    int slave = receive_slave(s);
    if (slave < 0) return 0;   /* a shell runs on the pty already: it stays the learner's */
    pid_t shell = fork();
    if (shell < 0) { perror("labdeck-term: fork"); return 71; }
    if (shell == 0) {
        setsid();
        ioctl(slave, TIOCSCTTY, 0);
        dup2(slave, 0); dup2(slave, 1); dup2(slave, 2);
        if (slave > 2) close(slave);
        signal(SIGPIPE, SIG_DFL);
        execvp(command[0], command);
        fprintf(stderr, "labdeck-term: cannot run %s: %s\r\n", command[0], strerror(errno));
        _exit(127);
    }
    close(slave);
    int status = 0;
    while (waitpid(shell, &status, 0) < 0 && errno == EINTR) {}
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    unsigned char x[4] = { (unsigned char) (code >> 24), (unsigned char) (code >> 16), (unsigned char) (code >> 8),
        (unsigned char) code };
    send_frame_blocking(s, 'X', x, 4);
    return 0;
}

static int usage(void) {
    fprintf(stderr, "usage: labdeck-term open SOCKET -- COMMAND...\n"
            "       labdeck-term serve ATTACH-SOCKET SPAWN-SOCKET\n"
            "       labdeck-term attach ATTACH-SOCKET\n"
            "       labdeck-term spawn SPAWN-SOCKET -- COMMAND...\n");
    return 64;
}

static int path_ok(const char *path) {
    if (strlen(path) < sizeof ((struct sockaddr_un *) 0)->sun_path) return 1;
    fprintf(stderr, "labdeck-term: socket path too long: %s\n", path);
    return 0;
}

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    if (argc == 4 && strcmp(argv[1], "serve") == 0) {
        if (!path_ok(argv[2]) || !path_ok(argv[3])) return 64;
        serve(argv[2], argv[3]);
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "attach") == 0) {
        if (!path_ok(argv[2])) return 64;
        int s = dial(argv[2]);
        if (s < 0) { fprintf(stderr, "labdeck-term: no holder at %s: %s\n", argv[2], strerror(errno)); return 69; }
        nonblocking(s);
        return attach(s);
    }
    if (argc >= 5 && strcmp(argv[1], "spawn") == 0 && strcmp(argv[3], "--") == 0) {
        return path_ok(argv[2]) ? spawn(argv[2], argv + 4) : 64;
    }
    if (argc < 5 || strcmp(argv[1], "open") != 0 || strcmp(argv[3], "--") != 0) return usage();
    const char *path = argv[2];
    if (!path_ok(path)) return 64;
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
