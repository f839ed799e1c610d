/* batch.c - many inputs: standard output or --output-dir, one thread or
 * several (-j), and runs that can be interrupted and resumed.
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
 *
 * With -j N the main thread cuts the work into units - a text input, or
 * about UNIT_BYTES of whole lines of a JSON Lines corpus - that N worker
 * threads extract, each into a fragment held in memory (spilled to a
 * tmpfile() past FRAGMENT_SPILL bytes).  The main thread appends the
 * fragments in input order, so the output is byte for byte what -j 1
 * writes, and runs at most WINDOW_PER_JOB units per worker ahead of the
 * one being written, which bounds memory. */
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

#include "cli.h"

#define UNIT_BYTES (512 * 1024)
#define FRAGMENT_SPILL (8 * 1024 * 1024)
#define WINDOW_PER_JOB 4

/* One input of the batch. */
typedef struct job {
    const char *path;     /* NULL: refused before the run */
    char *out_path;       /* --output-dir: DIR/REL/NAME.EXT, as messages name it */
    const char *out_rel;  /* REL/NAME.EXT, its part below DIR */
    output own;           /* --output-dir: the temporary file being written */
    int dirfd;            /* the directory of own, or -1 */
    char *tmp_name;       /* own's name in dirfd */
    int temp_slot;        /* its place in the list the signal watcher removes */
    output *out;          /* where its records go: &own or standard output */
    int status;           /* EXIT_RECORDS or EXIT_TROUBLE */
    int opened;           /* its input could be opened */
    long long found;      /* the records it gave, for -c and --files-without-records */
} job;

enum { UNIT_FREE, UNIT_READY, UNIT_RUNNING, UNIT_DONE };

/* A piece of work for a thread: a whole text input, or whole lines of a
 * JSON Lines corpus.  Small text inputs in a row share a unit, so that
 * threads meet once per UNIT_BYTES, not once per file. */
typedef struct unit {
    job *job;             /* the (first) input */
    int inputs;           /* text: inputs job[0..inputs) */
    char *data;           /* corpus lines, len bytes (cap allocated) */
    size_t len, cap;
    long long first_line, first_offset;  /* of data[0] in the corpus */
    int last;             /* the input's last unit: its output is finished after it */
    int incomplete;       /* reading or extracting it stopped short */
    output out;           /* its records, a fragment */
    int status;
    int state;            /* guarded by batch.lock */
} unit;

typedef struct batch {
    const settings *set;
    job *jobs;
    int count;
    int out_dirfd;        /* --output-dir, opened once */
    output stdout_out;    /* standard output, without --output-dir */
    long long fragment_records;  /* records of fragments meant for stdout */
    atomic_int cancel;    /* standard output failed: stop everything */
    batch_summary *summary;
    /* -j: units and their ring */
    atomic_int skipped;   /* --skip-existing */
    long long listed;     /* --files-without-records: the inputs named */
    pthread_mutex_t lock;
    pthread_cond_t work;  /* to the workers: a unit is ready, or all are */
    pthread_cond_t done;  /* to the main thread: a unit is done */
    unit *ring;
    int window;
    long long next_fill, next_run, next_collect;  /* unit numbers */
    int produced_all;
    int threaded;         /* run_units() ran: records counted as fragments */
    /* -j: the corpus being cut into units */
    int next_input;
    job *reading;
    FILE *reader;
    int reader_fd;
    long long reader_line, reader_offset;
    char *line;
    size_t line_cap;
} batch;

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
static char *output_path(const settings *set, const char *input, const char **rel)
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
static int refuse_name_clashes(batch *b)
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
static void finish_output(batch *b, job *j)
{
    if (j->out != &j->own)
        return;
    output_release(&j->own);
    output_end(&j->own, b->set);
    if (fclose(j->own.fp) != 0 && !j->own.error)
        j->own.error = errno;
    j->own.fp = NULL;
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
static int start_input(batch *b, job *j, output *shared)
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

/* ---- fragments ---------------------------------------------------------- */

static int fragment_open(output *frag)
{
    memset(frag, 0, sizeof *frag);
    frag->fragment = 1;
    frag->fp = open_memstream(&frag->mem, &frag->mem_size);
    return frag->fp ? 0 : -1;
}

void fragment_check(output *frag)
{
    if (!frag->mem || frag->error || (frag->records & 255))
        return;
    long pos = ftell(frag->fp);
    if (pos < FRAGMENT_SPILL)
        return;
    /* too large to keep in memory: move it to a temporary file */
    FILE *disk = tmpfile();
    if (!disk || fflush(frag->fp) != 0 ||
        fwrite(frag->mem, 1, frag->mem_size, disk) != frag->mem_size) {
        frag->error = errno ? errno : EIO;
        if (disk)
            fclose(disk);
        return;
    }
    fclose(frag->fp);
    free(frag->mem);
    frag->mem = NULL;
    frag->fp = disk;
}

/* Append a fragment to out.  0, or -1 as output_append(). */
static int fragment_append(output *out, output *frag, const settings *set)
{
    if (!frag->records)
        return 0;
    if (!frag->mem)
        return output_append(out, frag, set);
    if (fflush(frag->fp) != 0) {
        frag->error = errno;
        return -1;
    }
    output reader = *frag;
    reader.fp = fmemopen(frag->mem, frag->mem_size, "r");
    if (!reader.fp) {
        frag->error = errno;
        return -1;
    }
    int status = output_append(out, &reader, set);
    frag->error = reader.error;
    fclose(reader.fp);
    return status;
}

static void fragment_close(output *frag)
{
    output_release(frag);
    if (frag->fp)
        fclose(frag->fp);
    free(frag->mem);
    memset(frag, 0, sizeof *frag);
}

/* ---- one thread ------------------------------------------------------------ */

/* Extract input j from start to finish, its records going to shared
 * without --output-dir. */
static void run_input(batch *b, job *j, output *shared)
{
    int fd = start_input(b, j, shared);
    if (fd < 0)
        return;
    long long before = j->out->records;
    j->status = input_extract(b->set, fd, j->path, j->out, &b->cancel);
    j->found = j->out->records - before;
    if (b->stdout_out.error)
        atomic_store(&b->cancel, 1);
    finish_output(b, j);
    progress_file_done(0);  /* its bytes are counted as read */
    if (fd != STDIN_FILENO)
        close(fd);
}

/* -c prints FILE:N for each input it could open, --files-without-records
 * the name of each that gave none, in input order as grep -c and grep -L
 * do.  Called on the main thread only. */
static void list_input(batch *b, const job *j)
{
    if (!b->set->list_mode || !j->opened)
        return;
    errno = 0;
    if (b->set->list_mode == LIST_COUNT) {
        printf("%s:%lld\n", j->path, j->found);
    } else if (j->found == 0) {
        printf("%s\n", j->path);
        b->listed++;
    }
    if (ferror(stdout) && !b->stdout_out.error)
        b->stdout_out.error = errno ? errno : EIO;
}

static void run_sequential(batch *b)
{
    for (int i = 0; i < b->count && !atomic_load(&b->cancel); i++) {
        run_input(b, &b->jobs[i], &b->stdout_out);
        list_input(b, &b->jobs[i]);
        if (b->stdout_out.error)
            atomic_store(&b->cancel, 1);
    }
}

/* ---- threads: cutting the work into units --------------------------------- */

static void stop_reading(batch *b)
{
    if (b->reader)
        fclose(b->reader);
    if (b->reader_fd >= 0 && b->reader_fd != STDIN_FILENO)
        close(b->reader_fd);
    b->reader = NULL;
    b->reader_fd = -1;
    b->reading = NULL;
}

/* Fill u with whole corpus lines, about UNIT_BYTES of them; the input's
 * last unit (perhaps empty) at the end of the file. */
static void read_lines(batch *b, unit *u)
{
    u->job = b->reading;
    u->first_line = b->reader_line + 1;
    u->first_offset = b->reader_offset;
    ssize_t got = 0;
    while (u->len < UNIT_BYTES && (got = getline(&b->line, &b->line_cap, b->reader)) > 0) {
        if (u->len + (size_t)got > u->cap) {
            size_t cap = (u->len + (size_t)got) * 2;
            char *grown = realloc(u->data, cap);
            if (!grown) {
                diag_error("%s: %s", b->reading->path, strerror(ENOMEM));
                u->status = EXIT_TROUBLE;
                u->incomplete = 1;
                break;
            }
            u->data = grown;
            u->cap = cap;
        }
        memcpy(u->data + u->len, b->line, (size_t)got);
        u->len += (size_t)got;
        b->reader_line++;
        b->reader_offset += got;
    }
    progress_add_bytes((long long)u->len);
    if (got > 0 && u->status == EXIT_RECORDS)
        return;
    if (ferror(b->reader)) {
        diag_error("%s: %s", b->reading->path, strerror(errno));
        u->status = EXIT_TROUBLE;
        u->incomplete = 1;
    }
    u->last = 1;
    stop_reading(b);
}

/* Text inputs: the next ones, as many as make about UNIT_BYTES (at
 * least one).  The worker opens them. */
static int next_text_inputs(batch *b, unit *u)
{
    if (b->next_input >= b->count)
        return 0;
    u->job = &b->jobs[b->next_input];
    u->inputs = 0;
    long long size = 0;
    do {
        struct stat st;
        if (b->jobs[b->next_input].path && stat(b->jobs[b->next_input].path, &st) == 0)
            size += (long long)st.st_size;
        u->inputs++;
        b->next_input++;
    } while (b->next_input < b->count && u->inputs < 64 && size < UNIT_BYTES);
    u->last = 1;
    return 1;
}

/* Corpora: start the next one that opens, to be read by read_lines().
 * Returns 0 when there is none left. */
static int start_next_corpus(batch *b, unit *u)
{
    while (b->next_input < b->count && !atomic_load(&b->cancel)) {
        job *j = &b->jobs[b->next_input++];
        int fd = start_input(b, j, &b->stdout_out);
        if (fd < 0)
            continue;
        int own = dup(fd);
        b->reader = own < 0 ? NULL : fdopen(own, "r");
        b->reader_fd = fd;
        b->reading = j;
        b->reader_line = b->reader_offset = 0;
        if (!b->reader) {
            diag_error("%s: %s", j->path, strerror(errno));
            if (own >= 0)
                close(own);
            u->job = j;
            u->status = EXIT_TROUBLE;
            u->incomplete = 1;
            u->last = 1;
            stop_reading(b);
            return 1;
        }
        read_lines(b, u);
        return 1;
    }
    return 0;
}

/* Make the next unit in u (a free slot).  Returns 0 when the work is all
 * cut. */
static int produce(batch *b, unit *u)
{
    u->inputs = 0;
    u->len = 0;
    u->last = 0;
    u->incomplete = 0;
    u->status = EXIT_RECORDS;
    if (!b->set->jsonl_input)
        return next_text_inputs(b, u);
    if (b->reading) {
        read_lines(b, u);
        return 1;
    }
    return start_next_corpus(b, u);
}

/* A worker's part: extract one unit into its fragment. */
static void run_unit(batch *b, unit *u)
{
    if (atomic_load(&b->cancel) || u->status != EXIT_RECORDS)
        return;
    if (fragment_open(&u->out) != 0) {
        diag_error("%s: %s", u->job->path, strerror(errno));
        u->status = EXIT_TROUBLE;
        u->incomplete = 1;
        for (int i = 0; i < u->inputs; i++)
            u->job[i].status = EXIT_TROUBLE;
        return;
    }
    for (int i = 0; i < u->inputs && !atomic_load(&b->cancel); i++)
        run_input(b, &u->job[i], &u->out);
    if (u->len)
        u->status = input_extract_lines(b->set, u->job->path, u->data, u->len, u->first_line,
                                        u->first_offset, &u->out, &b->cancel);
    if (!u->out.error && u->out.fp && fflush(u->out.fp) != 0)
        u->out.error = errno;
    if (u->out.error) {
        diag_error("%s: temporary file: %s", u->job->path, strerror(u->out.error));
        u->status = EXIT_TROUBLE;
        for (int i = 0; i < u->inputs; i++)
            u->job[i].status = EXIT_TROUBLE;
    }
    u->incomplete |= u->out.incomplete || u->out.error;
}

static void *worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->next_run == b->next_fill && !b->produced_all)
            pthread_cond_wait(&b->work, &b->lock);
        if (b->next_run == b->next_fill)
            break;
        unit *u = &b->ring[b->next_run++ % b->window];
        u->state = UNIT_RUNNING;
        pthread_mutex_unlock(&b->lock);
        run_unit(b, u);
        pthread_mutex_lock(&b->lock);
        u->state = UNIT_DONE;
        pthread_cond_signal(&b->done);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* Append u's fragment to out, the output of input j (its first). */
static void append_unit(batch *b, unit *u, job *j, output *out)
{
    if (out == &b->stdout_out)
        b->fragment_records += u->out.records;
    if (!u->out.fp || atomic_load(&b->cancel) || fragment_append(out, &u->out, b->set) == 0)
        return;
    if (u->out.error) {  /* the fragment, not the output */
        diag_error("%s: temporary file: %s", j->path, strerror(u->out.error));
        j->status = EXIT_TROUBLE;
        u->incomplete = 1;
    } else if (out == &b->stdout_out) {
        atomic_store(&b->cancel, 1);
    }
}

/* The main thread's part for a finished unit: append its records in
 * order.  Text inputs have finished their own outputs already (with
 * --output-dir they write them directly); a corpus's output is finished
 * after its last unit. */
static void collect(batch *b, unit *u)
{
    job *j = u->job;
    if (u->inputs) {
        if (!b->set->output_dir)
            append_unit(b, u, j, &b->stdout_out);
        fragment_close(&u->out);
        for (int i = 0; i < u->inputs; i++)
            list_input(b, &j[i]);
        return;
    }
    if (u->status > j->status)
        j->status = u->status;
    j->found += u->out.records;
    append_unit(b, u, j, j->out);
    fragment_close(&u->out);
    if (u->incomplete)
        j->out->incomplete = 1;
    if (u->last) {
        finish_output(b, j);
        progress_file_done(0);
        list_input(b, j);
    }
}

typedef enum { STEP_COLLECT, STEP_PRODUCE, STEP_END } step;

/* What the main thread does next: collect the oldest unit when it is
 * done, else cut a new one when there is room, else wait. */
static step next_step(batch *b)
{
    for (;;) {
        if (b->next_collect < b->next_fill &&
            b->ring[b->next_collect % b->window].state == UNIT_DONE)
            return STEP_COLLECT;
        if (!b->produced_all && b->next_fill - b->next_collect < b->window)
            return STEP_PRODUCE;
        if (b->produced_all && b->next_collect == b->next_fill)
            return STEP_END;
        pthread_cond_wait(&b->done, &b->lock);
    }
}

static void run_units(batch *b)
{
    pthread_mutex_lock(&b->lock);
    for (step s; (s = next_step(b)) != STEP_END;) {
        unit *u = &b->ring[(s == STEP_COLLECT ? b->next_collect : b->next_fill) % b->window];
        pthread_mutex_unlock(&b->lock);
        int made = 0;
        if (s == STEP_COLLECT)
            collect(b, u);
        else
            made = !atomic_load(&b->cancel) && produce(b, u);
        pthread_mutex_lock(&b->lock);
        if (s == STEP_COLLECT) {
            u->state = UNIT_FREE;
            b->next_collect++;
        } else if (made) {
            u->state = UNIT_READY;
            b->next_fill++;
            pthread_cond_signal(&b->work);
        } else {
            b->produced_all = 1;
            pthread_cond_broadcast(&b->work);
        }
    }
    pthread_mutex_unlock(&b->lock);
}

static void run_threads(batch *b, int threads)
{
    b->window = WINDOW_PER_JOB * threads;
    b->ring = calloc((size_t)b->window, sizeof *b->ring);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    int started = 0;
    while (b->ring && ids && started < threads &&
           pthread_create(&ids[started], NULL, worker, b) == 0)
        started++;
    if (started == 0) {
        /* no thread at all: do the work here */
        run_sequential(b);
    } else {
        b->threaded = 1;
        run_units(b);
    }
    if (b->reading) {  /* stopped mid-corpus (standard output failed) */
        job *j = b->reading;
        stop_reading(b);
        finish_output(b, j);
    }
    for (int t = 0; t < started; t++)
        pthread_join(ids[t], NULL);
    free(ids);
    for (int i = 0; b->ring && i < b->window; i++)
        free(b->ring[i].data);
    free(b->ring);
    free(b->line);
}

/* ---- the whole batch ------------------------------------------------------ */

static int setup_jobs(batch *b, char *const *paths)
{
    b->jobs = calloc((size_t)b->count, sizeof *b->jobs);
    if (!b->jobs)
        return -1;
    for (int i = 0; i < b->count; i++) {
        job *j = &b->jobs[i];
        j->path = paths[i];
        j->dirfd = -1;
        if (b->set->output_dir && !(j->out_path = output_path(b->set, paths[i], &j->out_rel)))
            return -1;
    }
    return b->set->output_dir ? refuse_name_clashes(b) : 0;
}

static void free_jobs(batch *b)
{
    for (int i = 0; b->jobs && i < b->count; i++)
        free(b->jobs[i].out_path);
    free(b->jobs);
}

/* Standard output's stdio buffer.  The default is one block (4 KiB): a
 * write() every ten-odd JSON records.  A terminal keeps its line
 * buffering, to show records as they are found. */
static char stdout_buffer[256 * 1024];

static void buffer_stdout(void)
{
    /* on failure stdout keeps its own buffer, which works too */
    if (!isatty(STDOUT_FILENO))
        (void)setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
}

/* The exit status: an error wins, then whether any record was found.  A
 * record counts once written to its input's output (a fragment, with -j),
 * whether or not a reader that stopped early (| head) took it: the same
 * input must give the same status with -j 1 and -j N. */
static int batch_status(batch *b)
{
    long long found = b->threaded ? b->fragment_records : b->stdout_out.records;
    int status = EXIT_RECORDS;
    for (int i = 0; i < b->count; i++) {
        if (b->jobs[i].status > status)
            status = b->jobs[i].status;
        if (b->jobs[i].status > EXIT_RECORDS)
            b->summary->failed++;
        found += b->jobs[i].own.records;
    }
    b->summary->records = found;
    /* as grep -L: success when some input was named */
    if (b->set->list_mode == LIST_WITHOUT_RECORDS)
        found = b->listed;
    if (status == EXIT_RECORDS && found == 0)
        status = EXIT_NO_RECORDS;
    return status;
}

/* A closed pipe (`| head`) is how a reader says "enough": stop quietly.
 * Any other failed write to standard output is an error. */
static int report_stdout(batch *b)
{
    if (!b->set->output_dir && !atomic_load(&b->cancel))
        output_end(&b->stdout_out, b->set);
    /* stdio may still hold the last records: only fclose() tells whether
     * they reached the file */
    if (fclose(stdout) != 0 && !b->stdout_out.error)
        b->stdout_out.error = errno;
    if (!b->stdout_out.error || b->stdout_out.error == EPIPE)
        return 0;
    diag_error("write error: %s", strerror(b->stdout_out.error));
    return -1;
}

/* The total size of the inputs for the progress line, or -1 when one of
 * them is no regular file (a pipe, a terminal). */
static long long total_size(char *const *paths, int count)
{
    long long total = 0;
    for (int i = 0; i < count; i++) {
        struct stat st;
        int known = strcmp(paths[i], "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(paths[i], &st);
        if (known != 0 || !S_ISREG(st.st_mode))
            return -1;
        total += (long long)st.st_size;
    }
    return total;
}

/* Set up --output-dir: the directory, its descriptor, the watcher that
 * removes temporary files on a signal. */
static int setup_output_dir(batch *b)
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

static void run_all(batch *b, char *const *paths)
{
    if (!b->set->output_dir) {
        buffer_stdout();
        output_begin(&b->stdout_out, b->set);
    }
    progress_start(b->count, progress_wanted() ? total_size(paths, b->count) : -1);
    int threads = b->set->jobs < b->count || b->set->jsonl_input ? b->set->jobs : b->count;
    if (threads > 1)
        run_threads(b, threads);
    else
        run_sequential(b);
    progress_finish();
    b->summary->skipped = atomic_load(&b->skipped);
    if (b->summary->skipped)
        diag_note("%d of %d input%s skipped: %s (--skip-existing)", b->summary->skipped,
                  b->count, b->count == 1 ? "" : "s",
                  b->summary->skipped == 1 ? "its output exists" : "their outputs exist");
}

int batch_run(const settings *set, char *const *paths, int count, batch_summary *summary)
{
    batch_summary ignored;
    batch b;
    memset(&b, 0, sizeof b);
    b.set = set;
    b.count = count;
    b.out_dirfd = -1;
    b.reader_fd = -1;
    b.stdout_out.fp = stdout;
    b.summary = summary ? summary : &ignored;
    memset(b.summary, 0, sizeof *b.summary);
    b.summary->inputs = count;
    atomic_init(&b.cancel, 0);
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.work, NULL);
    pthread_cond_init(&b.done, NULL);
    int status = EXIT_TROUBLE;
    if (set->output_dir && setup_output_dir(&b) != 0) {
        /* said why */
    } else if (setup_jobs(&b, paths) != 0) {
        diag_error("%s", strerror(ENOMEM));
    } else {
        run_all(&b, paths);
        status = batch_status(&b);
        if (report_stdout(&b) != 0)
            status = EXIT_TROUBLE;
    }
    output_release(&b.stdout_out);
    free_jobs(&b);
    if (b.out_dirfd >= 0)
        close(b.out_dirfd);
    pthread_cond_destroy(&b.work);
    pthread_cond_destroy(&b.done);
    pthread_mutex_destroy(&b.lock);
    return status;
}
