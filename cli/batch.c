/* batch.c - many inputs: standard output or --output-dir, one thread or
 * several (-j).
 *
 * With -j N and standard output, each input's records go to its own
 * tmpfile() (disk, not memory, so a large batch stays small) and the main
 * thread appends them to standard output in input order: the output is
 * byte for byte what -j 1 writes.  Workers never run more than a window
 * of inputs ahead of the one being written, which bounds the open
 * temporary files.  With --output-dir every input has its own file and
 * order does not matter. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct job {
    const char *path;
    char *out_path;       /* --output-dir: where its records go */
    output out;           /* its own output; unused when writing to stdout directly */
    int status;           /* EXIT_RECORDS or EXIT_TROUBLE */
    int done;             /* guarded by batch.lock */
    int opened;           /* its input could be opened */
    long long found;      /* the records it gave, for -c and --files-without-records */
} job;

typedef struct batch {
    const settings *set;
    job *jobs;
    int count;
    output stdout_out;    /* standard output, without --output-dir */
    atomic_int cancel;    /* standard output failed: stop everything */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int next_claim;       /* the next job a worker takes */
    int next_collect;     /* the next job the main thread appends */
    int window;           /* how far next_claim may run ahead of next_collect */
    long long listed;     /* --files-without-records: the inputs named */
} batch;

/* ---- --output-dir ------------------------------------------------------- */

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

/* DIR/NAME.EXT, NAME being the input's base name without its extension;
 * standard input is "stdin". */
static char *output_path(const settings *set, const char *input)
{
    const char *base = strrchr(input, '/') ? strrchr(input, '/') + 1 : input;
    size_t len = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)  /* ".profile" has no extension */
        len = (size_t)(dot - base);
    if (strcmp(input, "-") == 0 || len == 0) {
        base = "stdin";
        len = 5;
    }
    const char *ext = format_extension(set->format);
    size_t size = strlen(set->output_dir) + 1 + len + 1 + strlen(ext) + 1;
    char *path = malloc(size);
    if (path)
        snprintf(path, size, "%s/%.*s.%s", set->output_dir, (int)len, base, ext);
    return path;
}

static int compare_out_paths(const void *a, const void *b)
{
    const job *const *x = a, *const *y = b;
    int c = strcmp((*x)->out_path, (*y)->out_path);
    /* equal names: the earlier input (lower in the jobs array) keeps it */
    return c ? c : (*x < *y ? -1 : *x > *y);
}

/* a/report.txt and b/report.txt would both write DIR/report.jsonl, one
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

/* `--output-dir . corpus.jsonl` would truncate its own input before
 * reading it. */
static int is_own_input(const char *out_path, int input_fd)
{
    struct stat out, in;
    return stat(out_path, &out) == 0 && fstat(input_fd, &in) == 0
           && out.st_dev == in.st_dev && out.st_ino == in.st_ino;
}

/* ---- one job ----------------------------------------------------------- */

/* Where the job's records go, made only once its input opened, so a
 * missing input leaves no empty output behind. */
static int open_job_output(batch *b, job *j, int input_fd)
{
    if (b->set->output_dir) {
        if (is_own_input(j->out_path, input_fd)) {
            diag_error("%s: skipped: its output %s is the input itself", j->path, j->out_path);
            return -1;
        }
        j->out.fp = fopen(j->out_path, "w");
        if (!j->out.fp) {
            diag_error("%s: %s", j->out_path, strerror(errno));
            return -1;
        }
    } else {
        j->out.fragment = 1;
        j->out.fp = tmpfile();
        if (!j->out.fp) {
            diag_error("%s: temporary file: %s", j->path, strerror(errno));
            return -1;
        }
    }
    output_begin(&j->out, b->set);
    return 0;
}

/* Finish the job's output: close a file of --output-dir; keep a fragment
 * open for collect_in_order() to append. */
static void close_job_output(batch *b, job *j)
{
    output_release(&j->out);
    output_end(&j->out, b->set);
    if (j->out.fragment) {
        if (fflush(j->out.fp) != 0 && !j->out.error)
            j->out.error = errno;
        if (j->out.error)
            diag_error("%s: temporary file: %s", j->path, strerror(j->out.error));
    } else {
        if (fclose(j->out.fp) != 0 && !j->out.error)
            j->out.error = errno;
        j->out.fp = NULL;
        if (j->out.error)
            diag_error("%s: %s", j->out_path, strerror(j->out.error));
    }
    if (j->out.error)
        j->status = EXIT_TROUBLE;
}

/* Extract one input.  direct: write to standard output as we go (one
 * thread, no --output-dir). */
static void run_job(batch *b, job *j, int direct)
{
    int fd = j->path ? input_open(j->path) : -1;  /* no path: refused */
    if (fd < 0) {
        j->status = EXIT_TROUBLE;
        progress_file_done(0);
        return;
    }
    j->opened = 1;
    if (direct) {
        long long before = b->stdout_out.records;
        j->status = input_extract(b->set, fd, j->path, &b->stdout_out, &b->cancel);
        j->found = b->stdout_out.records - before;
    } else if (open_job_output(b, j, fd) == 0) {
        j->status = input_extract(b->set, fd, j->path, &j->out, &b->cancel);
        j->found = j->out.records;
        close_job_output(b, j);
    } else {
        j->status = EXIT_TROUBLE;
    }
    progress_file_done(input_size(b->set, fd));
    if (fd != STDIN_FILENO)
        close(fd);
}

/* -c prints FILE:N for each input it could open, --files-without-records
 * the name of each that gave none, in input order as grep -c and grep -L
 * do.  Called on the main thread only. */
static void list_job(batch *b, const job *j)
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

/* ---- threads ------------------------------------------------------------ */

/* The next job to run, or -1 when there is none left or we stop. */
static int claim_job(batch *b)
{
    pthread_mutex_lock(&b->lock);
    while (b->next_claim < b->count && b->next_claim >= b->next_collect + b->window
           && !atomic_load(&b->cancel))
        pthread_cond_wait(&b->changed, &b->lock);
    int i = -1;
    if (b->next_claim < b->count && !atomic_load(&b->cancel))
        i = b->next_claim++;
    pthread_mutex_unlock(&b->lock);
    return i;
}

static void *worker(void *arg)
{
    batch *b = arg;
    int i;
    while ((i = claim_job(b)) >= 0) {
        run_job(b, &b->jobs[i], 0);
        pthread_mutex_lock(&b->lock);
        b->jobs[i].done = 1;
        pthread_cond_broadcast(&b->changed);
        pthread_mutex_unlock(&b->lock);
    }
    return NULL;
}

/* Wait for job i; 0 when it is done, -1 when it will never run. */
static int wait_for_job(batch *b, int i)
{
    pthread_mutex_lock(&b->lock);
    while (!b->jobs[i].done && !(atomic_load(&b->cancel) && i >= b->next_claim))
        pthread_cond_wait(&b->changed, &b->lock);
    int done = b->jobs[i].done;
    pthread_mutex_unlock(&b->lock);
    return done ? 0 : -1;
}

static void stop_all(batch *b)
{
    pthread_mutex_lock(&b->lock);
    atomic_store(&b->cancel, 1);
    pthread_cond_broadcast(&b->changed);
    pthread_mutex_unlock(&b->lock);
}

/* Append each job's fragment to standard output in input order, as soon
 * as it is done. */
static void collect_in_order(batch *b)
{
    for (int i = 0; i < b->count; i++) {
        if (wait_for_job(b, i) != 0)
            break;
        job *j = &b->jobs[i];
        list_job(b, j);
        if (j->out.fp && j->out.fragment && !atomic_load(&b->cancel)) {
            if (output_append(&b->stdout_out, &j->out, b->set) != 0) {
                if (j->out.error) {  /* the temporary file, not stdout */
                    diag_error("%s: temporary file: %s", j->path, strerror(j->out.error));
                    j->status = EXIT_TROUBLE;
                } else {
                    stop_all(b);
                }
            }
        }
        if (j->out.fp) {
            fclose(j->out.fp);
            j->out.fp = NULL;
        }
        pthread_mutex_lock(&b->lock);
        b->next_collect = i + 1;
        pthread_cond_broadcast(&b->changed);
        pthread_mutex_unlock(&b->lock);
    }
}

static void run_threads(batch *b, int threads)
{
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    int started = 0;
    while (ids && started < threads && pthread_create(&ids[started], NULL, worker, b) == 0)
        started++;
    if (started == 0) {
        /* no thread at all: do the work here, with no window to wait on */
        b->window = b->count;
        worker(b);
    }
    collect_in_order(b);
    for (int t = 0; t < started; t++)
        pthread_join(ids[t], NULL);
    free(ids);
    /* jobs done after a cancel were never appended */
    for (int i = 0; i < b->count; i++)
        if (b->jobs[i].out.fp)
            fclose(b->jobs[i].out.fp);
}

static void run_sequential(batch *b)
{
    int direct = !b->set->output_dir;
    for (int i = 0; i < b->count && !atomic_load(&b->cancel); i++) {
        run_job(b, &b->jobs[i], direct);
        list_job(b, &b->jobs[i]);
        if (b->stdout_out.error)
            atomic_store(&b->cancel, 1);
    }
}

/* ---- the whole batch ------------------------------------------------------ */

static int setup_jobs(batch *b, char *const *paths)
{
    b->jobs = calloc((size_t)b->count, sizeof *b->jobs);
    if (!b->jobs)
        return -1;
    for (int i = 0; i < b->count; i++) {
        b->jobs[i].path = paths[i];
        if (b->set->output_dir && !(b->jobs[i].out_path = output_path(b->set, paths[i])))
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
 * record counts once written to its job's output (a fragment, with -j),
 * whether or not a reader that stopped early (| head) took it: the same
 * input must give the same status with -j 1 and -j N. */
static int batch_status(const batch *b)
{
    long long found = b->stdout_out.records;
    int status = EXIT_RECORDS;
    for (int i = 0; i < b->count; i++) {
        if (b->jobs[i].status > status)
            status = b->jobs[i].status;
        found += b->jobs[i].out.records;
    }
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

int batch_run(const settings *set, char *const *paths, int count)
{
    batch b;
    memset(&b, 0, sizeof b);
    b.set = set;
    b.count = count;
    b.stdout_out.fp = stdout;
    /* with --output-dir there is nothing to append and no order to keep */
    b.window = set->output_dir ? count : 4 * set->jobs;
    atomic_init(&b.cancel, 0);
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.changed, NULL);
    int status = EXIT_TROUBLE;
    if (set->output_dir && make_dirs(set->output_dir) != 0) {
        diag_error("%s: %s", set->output_dir, strerror(errno));
    } else if (setup_jobs(&b, paths) != 0) {
        diag_error("%s", strerror(ENOMEM));
    } else {
        if (!set->output_dir) {
            buffer_stdout();
            output_begin(&b.stdout_out, set);
        }
        progress_start(count);
        if (set->jobs > 1 && count > 1)
            run_threads(&b, set->jobs < count ? set->jobs : count);
        else
            run_sequential(&b);
        progress_finish();
        status = batch_status(&b);
        if (report_stdout(&b) != 0)
            status = EXIT_TROUBLE;
    }
    output_release(&b.stdout_out);
    free_jobs(&b);
    pthread_cond_destroy(&b.changed);
    pthread_mutex_destroy(&b.lock);
    return status;
}
