/* outdir.c - each input's output file: --output-dir and --skip-existing.
 *
 * With --output-dir each output is written to a temporary file beside
 * its final name (".NAME.jsonl.PID.N.tmp", created O_EXCL|O_NOFOLLOW, so
 * never through a symbolic link) and renamed into place only once its
 * input is finished: a final name always holds a complete output.  On
 * SIGINT, SIGTERM or SIGHUP a watcher thread removes the temporary files
 * and lets the signal end the process (status 128 + N).  The inputs'
 * directories are kept below DIR (a/2023/x.txt -> DIR/a/2023/x.jsonl;
 * "..", "." and a leading "/" are dropped), and every directory below
 * DIR is entered without following symbolic links.
 * --skip-existing leaves out an input whose output is already there.
 *
 * Owns: temporary files and the signal watcher that removes them, the
 * paths and directories below --output-dir, opening and finishing one
 * input's output, --skip-existing.
 * Reads: the settings (cli.h) and the batch's jobs (batch.h). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"

/* ---- temporary files and signals ---------------------------------------- */

/* The temporary files in existence, for the signal watcher.  Creating,
 * renaming and removing one happen under the lock, which the watcher
 * takes and never gives back: once it runs, no file appears or gets
 * renamed until the process is gone. */
static struct {
    pthread_mutex_t lock;
    int cap;
    struct temp { int dirfd; char *name; } *slots;
} temps = {PTHREAD_MUTEX_INITIALIZER, 0, NULL};

static sigset_t watched;

static void *signal_watcher(void *arg)
{
    (void)arg;
    int sig;
    if (sigwait(&watched, &sig) != 0)
        return NULL;
    pthread_mutex_lock(&temps.lock);
    for (int i = 0; i < temps.cap; i++)
        if (temps.slots[i].name)
            unlinkat(temps.slots[i].dirfd, temps.slots[i].name, 0);
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    _exit(128 + sig);  /* not reached: the default action ends the process */
}

/* Watch SIGINT, SIGTERM and SIGHUP (those not ignored: nohup stays nohup)
 * in a thread of their own.  Called before any other thread starts, so
 * that all of them inherit the blocked mask.  room: how many temporary
 * files may exist at once. */
static int signals_watch(int room)
{
    temps.slots = calloc((size_t)room, sizeof *temps.slots);
    if (!temps.slots)
        return -1;
    temps.cap = room;
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    sigemptyset(&watched);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaddset(&watched, sigs[i]);
    }
    pthread_t id;
    if (pthread_sigmask(SIG_BLOCK, &watched, NULL) != 0 ||
        pthread_create(&id, NULL, signal_watcher, NULL) != 0) {
        pthread_sigmask(SIG_UNBLOCK, &watched, NULL);
        return -1;
    }
    pthread_detach(id);
    return 0;
}

/* Create NAME's temporary file in dirfd; its name goes to *tmp_name and
 * its place in the list to *slot.  Returns the descriptor or -1. */
static int temp_create(int dirfd, const char *name, char **tmp_name, int *slot)
{
    static atomic_int serial;
    /* room for the suffix within NAME_MAX */
    size_t len = strlen(name) > 200 ? 200 : strlen(name);
    size_t size = len + 64;
    char *tmp = malloc(size);
    if (!tmp)
        return -1;
    snprintf(tmp, size, ".%.*s.%ld.%d.tmp", (int)len, name, (long)getpid(),
             atomic_fetch_add(&serial, 1));
    pthread_mutex_lock(&temps.lock);
    int s = 0;
    while (s < temps.cap && temps.slots[s].name)
        s++;
    int fd = -1;
    if (s == temps.cap) {
        errno = EMFILE;
    } else {
        fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) {
            temps.slots[s].dirfd = dirfd;
            temps.slots[s].name = tmp;
        }
    }
    pthread_mutex_unlock(&temps.lock);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    *tmp_name = tmp;
    *slot = s;
    return fd;
}

/* Rename the temporary file to final (keep) or remove it.  Returns 0, or
 * -1 when the rename failed (the file is removed then). */
static int temp_finish(int dirfd, char *tmp_name, int slot, const char *final, int keep)
{
    pthread_mutex_lock(&temps.lock);
    int status = 0;
    if (keep && renameat(dirfd, tmp_name, dirfd, final) != 0) {
        status = -1;
        keep = 0;
    }
    int saved = errno;
    if (!keep)
        unlinkat(dirfd, tmp_name, 0);
    temps.slots[slot].name = NULL;
    pthread_mutex_unlock(&temps.lock);
    free(tmp_name);
    errno = saved;
    return status;
}

/* ---- --output-dir: names and directories --------------------------------- */

/* mkdir -p: make each missing component of dir. */
static int make_dirs(const char *dir)
{
    if (!*dir) {
        errno = ENOENT;
        return -1;
    }
    char *path = strdup(dir);
    if (!path)
        return -1;
    for (char *p = path + 1; ; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            free(path);
            return -1;
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(path);
    struct stat st;
    if (stat(dir, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* DIR/REL/NAME.EXT: the input's path with its extension replaced, its
 * empty and "." components dropped, a ".." taking off the component
 * before it (or nothing, at the top: REL never leaves DIR) and a leading
 * "/" dropped; standard input, or a path with no name left, is "stdin".
 * *rel points at REL within it. */
char *output_path(const settings *set, const char *input, const char **rel)
{
    const char *ext = format_extension(set->format);
    size_t dir_len = strlen(set->output_dir), in_len = strlen(input);
    size_t size = dir_len + in_len + strlen(ext) + 16;
    char *path = malloc(size);
    size_t *starts = malloc((in_len / 2 + 2) * sizeof *starts);  /* of kept components */
    if (!path || !starts) {
        free(path);
        free(starts);
        return NULL;
    }
    memcpy(path, set->output_dir, dir_len);
    path[dir_len] = '/';
    size_t o = dir_len + 1, depth = 0;
    for (const char *s = strcmp(input, "-") == 0 ? "" : input; *s;) {
        size_t len = strcspn(s, "/");
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            if (depth)
                o = starts[--depth];
        } else if (len && !(len == 1 && s[0] == '.')) {
            starts[depth++] = o;
            memcpy(path + o, s, len);
            o += len;
            path[o++] = '/';
        }
        s += len + (s[len] == '/');
    }
    size_t last = depth ? starts[depth - 1] : o, last_len = depth ? o - 1 - last : 5;
    free(starts);
    if (!depth)
        memcpy(path + last, "stdin", 5);
    for (size_t k = last_len; k > 1; k--)  /* ".profile" has no extension */
        if (path[last + k - 1] == '.') {
            last_len = k - 1;
            break;
        }
    snprintf(path + last + last_len, size - last - last_len, ".%s", ext);
    *rel = path + dir_len + 1;
    return path;
}

static int compare_out_paths(const void *a, const void *b)
{
    const job *const *x = a, *const *y = b;
    int c = strcmp((*x)->out_path, (*y)->out_path);
    /* equal names: the earlier input (lower in the jobs array) keeps it */
    return c ? c : (*x < *y ? -1 : *x > *y);
}

/* a/report.txt and a/report.md would both write DIR/a/report.jsonl, one
 * over the other: refuse the later ones before anything is written.
 * Returns -1 when out of memory. */
int refuse_name_clashes(batch *b)
{
    job **sorted = malloc((size_t)b->count * sizeof *sorted);
    if (!sorted)
        return -1;
    for (int i = 0; i < b->count; i++)
        sorted[i] = &b->jobs[i];
    qsort(sorted, (size_t)b->count, sizeof *sorted, compare_out_paths);
    for (int i = 1; i < b->count; i++) {
        if (strcmp(sorted[i]->out_path, sorted[i - 1]->out_path) != 0)
            continue;
        diag_error("%s: skipped: %s is already the output of %s", sorted[i]->path,
                   sorted[i]->out_path, sorted[i - 1]->path);
        sorted[i]->status = EXIT_TROUBLE;
        sorted[i]->path = NULL;  /* not to be read */
        sorted[i] = sorted[i - 1];  /* a third clash names the first input */
    }
    free(sorted);
    return 0;
}

/* Open the directory of rel below DIR, making the missing ones when
 * create is set, never following a symbolic link.  Returns a descriptor
 * (to close) and sets *name to rel's last component; -1 with errno. */
static int open_out_dir(const batch *b, const char *rel, int create, const char **name)
{
    int fd = dup(b->out_dirfd);
    const char *s = rel;
    char part[NAME_MAX + 1];
    for (const char *slash; fd >= 0 && (slash = strchr(s, '/')); s = slash + 1) {
        size_t len = (size_t)(slash - s);
        if (len > NAME_MAX) {
            close(fd);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(part, s, len);
        part[len] = '\0';
        if (create && mkdirat(fd, part, 0777) != 0 && errno != EEXIST) {
            close(fd);
            return -1;
        }
        int next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        struct stat st;
        if (next < 0 && fstatat(fd, part, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
            errno = ELOOP;  /* "Too many levels of symbolic links": say it is one */
        int saved = errno;
        close(fd);
        errno = saved;
        fd = next;
    }
    *name = s;
    return fd;
}

/* --skip-existing: the output is a regular file already (complete, since
 * only finished outputs get their final name). */
static int output_exists(const batch *b, const job *j)
{
    const char *name;
    int fd = open_out_dir(b, j->out_rel, 0, &name);
    if (fd < 0)
        return 0;
    struct stat st;
    int exists = fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
    close(fd);
    return exists;
}

/* `--output-dir . corpus.jsonl` would replace its own input. */
static int is_own_input(int dirfd, const char *name, int input_fd)
{
    struct stat out, in;
    return fstatat(dirfd, name, &out, AT_SYMLINK_NOFOLLOW) == 0 && fstat(input_fd, &in) == 0
           && out.st_dev == in.st_dev && out.st_ino == in.st_ino;
}

/* ---- one input: its output opened and finished ---------------------------- */

/* Open the temporary file of j's output.  Returns 0, or -1 after a
 * message. */
static int open_own_output(batch *b, job *j, int input_fd)
{
    const char *name;
    j->dirfd = open_out_dir(b, j->out_rel, 1, &name);
    if (j->dirfd < 0 && errno == ELOOP) {
        diag_error("%s: not written: a directory on its way is a symbolic link", j->out_path);
        return -1;
    }
    if (j->dirfd < 0) {
        diag_error("%s: %s", j->out_path, strerror(errno));
        return -1;
    }
    if (is_own_input(j->dirfd, name, input_fd)) {
        diag_error("%s: skipped: its output %s is the input itself", j->path, j->out_path);
        return -1;
    }
    int fd = temp_create(j->dirfd, name, &j->tmp_name, &j->temp_slot);
    j->own.fp = fd < 0 ? NULL : fdopen(fd, "w");
    if (!j->own.fp) {
        diag_error("%s: %s", j->out_path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            temp_finish(j->dirfd, j->tmp_name, j->temp_slot, NULL, 0);
        }
        return -1;
    }
    /* without the memory, stdio's own buffer does */
    if ((j->own_buffer = malloc(OWN_BUFFER)) != NULL &&
        setvbuf(j->own.fp, j->own_buffer, _IOFBF, OWN_BUFFER) != 0) {
        free(j->own_buffer);
        j->own_buffer = NULL;
    }
    return 0;
}

/* Where j's records go (shared: standard output or a fragment, without
 * --output-dir), made only once its input opened, so a missing input
 * leaves nothing behind.  Returns 0, or -1 after a message. */
static int start_output(batch *b, job *j, int input_fd, output *shared)
{
    if (!b->set->output_dir) {
        j->out = shared;
        return 0;
    }
    if (open_own_output(b, j, input_fd) != 0) {
        if (j->dirfd >= 0)
            close(j->dirfd);
        j->dirfd = -1;
        return -1;
    }
    j->out = &j->own;
    output_begin(&j->own, b->set);
    return 0;
}

/* Finish j's output: a file of --output-dir is closed and renamed into
 * place, or removed if anything went wrong with it or the batch stopped. */
void finish_output(batch *b, job *j)
{
    if (j->out != &j->own)
        return;
    output_release(&j->own);
    output_end(&j->own, b->set);
    if (fclose(j->own.fp) != 0 && !j->own.error)
        j->own.error = errno;
    j->own.fp = NULL;
    free(j->own_buffer);
    j->own_buffer = NULL;
    /* a malformed corpus line costs its records only (reported); a read
     * error or a stop leaves the output incomplete: never under its name */
    int keep = !j->own.error && !j->own.incomplete && !atomic_load(&b->cancel);
    const char *name = strrchr(j->out_rel, '/') ? strrchr(j->out_rel, '/') + 1 : j->out_rel;
    if (temp_finish(j->dirfd, j->tmp_name, j->temp_slot, name, keep) != 0 && !j->own.error)
        j->own.error = errno;
    if (j->own.error) {
        diag_error("%s: %s", j->out_path, strerror(j->own.error));
        j->status = EXIT_TROUBLE;
    } else if (j->own.incomplete) {
        diag_error("%s: not written: %s could not be read to its end", j->out_path, j->path);
        j->status = EXIT_TROUBLE;
    }
    close(j->dirfd);
    j->dirfd = -1;
    j->out = NULL;
}

/* Open j's input and its output.  Returns the input's descriptor; -1
 * when it failed (j->status says so) or was skipped. */
int start_input(batch *b, job *j, output *shared)
{
    if (!j->path)  /* refused */
        return -1;
    if (b->set->skip_existing && output_exists(b, j)) {
        struct stat st;
        atomic_fetch_add(&b->skipped, 1);
        progress_skipped(stat(j->path, &st) == 0 ? (long long)st.st_size : 0);
        return -1;
    }
    int fd = input_open(j->path);
    if (fd >= 0)
        j->opened = 1;
    if (fd >= 0 && start_output(b, j, fd, shared) != 0) {
        if (fd != STDIN_FILENO)
            close(fd);
        fd = -1;
    }
    if (fd < 0) {
        j->status = EXIT_TROUBLE;
        progress_file_done(0);
    }
    return fd;
}

/* Set up --output-dir: the directory, its descriptor, the watcher that
 * removes temporary files on a signal. */
int setup_output_dir(batch *b)
{
    if (make_dirs(b->set->output_dir) != 0 ||
        (b->out_dirfd = open(b->set->output_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        diag_error("%s: %s", b->set->output_dir, strerror(errno));
        return -1;
    }
    /* at most one temporary file per unit in flight, and one more */
    if (signals_watch(WINDOW_PER_JOB * b->set->jobs + 2) != 0) {
        diag_error("%s", strerror(errno ? errno : ENOMEM));
        return -1;
    }
    return 0;
}
