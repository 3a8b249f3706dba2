/*
 * labdeck-agent: Labdeck's exec agent, one long-lived process per sandbox that runs checks on request.
 *
 * A docker exec costs 100-150 ms on small machines; a request to this agent costs a fork and an exec. It replaces
 * a shell agent for one reason: a learner is root where checks run, and could read a shell agent's memory or write
 * into its answer pipe through /proc/<pid>/fd/1, forging "passed". This process makes itself non-dumpable first:
 * the kernel then refuses ptrace, /proc/<pid>/mem and the fds under /proc/<pid>/fd to every process without CAP_SYS_PTRACE in
 * its user namespace, which no learner has. Each request carries a nonce that lives only here and in Labdeck, and
 * every answer repeats it, so nothing a learner prints can pass for an answer.
 *
 *   labdeck-agent [RUNNER...]        requests on stdin, answers on stdout; each script runs as
 *                                    RUNNER... sh -c SCRIPT  (no RUNNER: sh -c SCRIPT)
 * Request:  <nonce> <deadline seconds> <output cap bytes> <script bytes>\n<script>
 * Answer:   LABDECK-AGENT <nonce> <exit> <stdout sent> <stderr sent> <stdout printed> <stderr printed>\n
 *           <stdout><stderr>            each stream sent up to the cap; "printed" says how much it wrote
 * The script runs in a session (and process group) of its own, stdin /dev/null. When it exits, at its deadline
 * (exit 137), or once it has printed FLOOD times the cap (exit 153, as when a file size limit stops a writer), the
 * whole group is killed: a check leaves nothing running, and no watchdog process outlives it. A malformed request
 * ends the agent (Labdeck starts another).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#define MAX_SCRIPT (120 * 1024)     /* below the kernel's 128 KiB limit for one argument */
#define MAX_CAP (4 * 1024 * 1024)
#define FLOOD 8                     /* a script that prints 8 times the cap is stopped */
#define GRACE_MS 100                /* after the script exits: how long to drain what its group still writes */

struct stream { int fd; char *buf; size_t kept, printed; };

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int read_full(int fd, char *p, size_t n) {
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r; n -= (size_t) r;
    }
    return 0;
}

static int write_full(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w; n -= (size_t) w;
    }
    return 0;
}

/* One header line, read a byte at a time so that nothing after it is consumed. */
static int read_line(char *line, size_t size) {
    size_t n = 0;
    for (;;) {
        char c;
        ssize_t r = read(0, &c, 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        if (c == '\n') { line[n] = 0; return 0; }
        if (n + 1 >= size) return -1;
        line[n++] = c;
    }
}

static void drain(struct stream *s, size_t cap) {
    char chunk[65536];
    ssize_t r = read(s->fd, chunk, sizeof chunk);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (r <= 0) { close(s->fd); s->fd = -1; return; }
    if (s->kept < cap) {
        size_t take = (size_t) r < cap - s->kept ? (size_t) r : cap - s->kept;
        memcpy(s->buf + s->kept, chunk, take);
        s->kept += take;
    }
    s->printed += (size_t) r;
}

/* A request too long to run as an argument: answered as a failure (exit 126) with the reason on stderr. */
static int refuse(const char *nonce, const char *why) {
    char head[256];
    size_t n = strlen(why);
    int len = snprintf(head, sizeof head, "LABDECK-AGENT %s 126 0 %zu 0 %zu\n", nonce, n, n);
    return write_full(1, head, (size_t) len) || write_full(1, why, n) ? -1 : 0;
}

static pid_t spawn(char **runner, int nrunner, const char *script, int out, int err, sigset_t *old) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    sigprocmask(SIG_SETMASK, old, NULL);
    signal(SIGPIPE, SIG_DFL);
    setsid();
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0); dup2(out, 1); dup2(err, 2);
    closefrom(3);
    char *argv[nrunner + 4];
    for (int i = 0; i < nrunner; i++) argv[i] = runner[i];
    argv[nrunner] = "sh"; argv[nrunner + 1] = "-c"; argv[nrunner + 2] = (char *) script; argv[nrunner + 3] = NULL;
    execvp(argv[0], argv);
    dprintf(2, "labdeck-agent: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

/* Runs one script to its end and answers; returns -1 if the answer could not be written. */
static int run(char **runner, int nrunner, const char *nonce, long secs, size_t cap, const char *script,
        int sigfd, sigset_t *old) {
    int po[2], pe[2];
    if (pipe2(po, O_CLOEXEC)) return -1;
    if (pipe2(pe, O_CLOEXEC)) { close(po[0]); close(po[1]); return -1; }
    struct stream s[2] = { { po[0], malloc(cap + 1), 0, 0 }, { pe[0], malloc(cap + 1), 0, 0 } };
    pid_t pid = s[0].buf && s[1].buf ? spawn(runner, nrunner, script, po[1], pe[1], old) : -1;
    close(po[1]); close(pe[1]);
    if (pid < 0) { close(po[0]); close(pe[0]); free(s[0].buf); free(s[1].buf); return -1; }
    fcntl(po[0], F_SETFL, O_NONBLOCK); fcntl(pe[0], F_SETFL, O_NONBLOCK);
    long long deadline = now_ms() + secs * 1000, drained_by = -1;
    int status = 0, exited = 0, killed = 0, flooded = 0;
    while (!exited || ((s[0].fd >= 0 || s[1].fd >= 0) && now_ms() < drained_by)) {
        long long until = exited ? drained_by : deadline;
        int wait = (int) (until - now_ms());
        if (wait < 0) wait = 0;
        struct pollfd fds[3] = { { s[0].fd, POLLIN, 0 }, { s[1].fd, POLLIN, 0 }, { sigfd, POLLIN, 0 } };
        int n = poll(fds, 3, wait);
        if (n < 0 && errno != EINTR) {     /* cannot wait any more: end the script, and report it killed */
            kill(-pid, SIGKILL);
            killed = 1;
            waitpid(pid, &status, 0);
            exited = 1;
            break;
        }
        for (int i = 0; i < 2; i++)
            if (s[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) drain(&s[i], cap);
        if (fds[2].revents & POLLIN) {
            struct signalfd_siginfo info;
            while (read(sigfd, &info, sizeof info) == sizeof info) {}
        }
        if (!exited) {
            pid_t w = waitpid(pid, &status, WNOHANG);
            if (w == pid || (w < 0 && errno == ECHILD)) {
                exited = 1;
                kill(-pid, SIGKILL);        /* whatever the script left running in its group */
                drained_by = now_ms() + GRACE_MS;
            }
        }
        if (!exited && !killed && !flooded && (now_ms() >= deadline || s[0].printed + s[1].printed > FLOOD * cap)) {
            kill(-pid, SIGKILL);
            if (now_ms() >= deadline) killed = 1; else flooded = 1;
            deadline = now_ms() + 5000;     /* the kill takes effect at once; this only guards the loop */
        } else if (!exited && (killed || flooded) && now_ms() >= deadline) {
            exited = 1;                     /* killed 5 s ago and still not gone (stuck in the kernel): give up */
            drained_by = now_ms();
        }
    }
    for (int i = 0; i < 2; i++) if (s[i].fd >= 0) close(s[i].fd);
    int code = killed ? 137 : flooded ? 153 : WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
    char head[256];
    int len = snprintf(head, sizeof head, "LABDECK-AGENT %s %d %zu %zu %zu %zu\n", nonce, code, s[0].kept, s[1].kept,
            s[0].printed, s[1].printed);
    int rc = write_full(1, head, (size_t) len) || write_full(1, s[0].buf, s[0].kept) || write_full(1, s[1].buf, s[1].kept)
            ? -1 : 0;
    free(s[0].buf); free(s[1].buf);
    return rc;
}

int main(int argc, char **argv) {
    /* First of all: no learner process may read this one's memory or open its file descriptors. */
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) { perror("labdeck-agent: prctl"); return 1; }
    signal(SIGPIPE, SIG_IGN);
    sigset_t chld, old;
    sigemptyset(&chld); sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    int sigfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigfd < 0) { perror("labdeck-agent: signalfd"); return 1; }
    char line[256], nonce[65];
    for (;;) {
        long secs; size_t cap, size;
        if (read_line(line, sizeof line) != 0) return 0;
        if (sscanf(line, "%64s %ld %zu %zu", nonce, &secs, &cap, &size) != 4 || secs < 1 || cap > MAX_CAP
                || size > 64 * 1024 * 1024) {
            fprintf(stderr, "labdeck-agent: malformed request\n");
            return 2;
        }
        char *script = malloc(size + 1);
        if (!script || read_full(0, script, size) != 0) return 2;
        script[size] = 0;
        int rc = size > MAX_SCRIPT
                ? refuse(nonce, "labdeck-agent: the script is longer than 120 KiB, the most one argument may be\n")
                : run(argv + 1, argc - 1, nonce, secs, cap, script, sigfd, &old);
        memset(line, 0, sizeof line);
        free(script);
        if (rc != 0) return 3;
    }
}
