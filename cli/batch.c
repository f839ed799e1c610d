/* batch.c - many inputs: standard output or --output-dir, one thread or
 * several (-j), and runs that can be interrupted and resumed.
 *
 * With -j N the main thread cuts the work into units - a text input, or
 * about UNIT_BYTES of whole lines of a JSON Lines corpus - that N worker
 * threads extract, each into a fragment held in memory (spilled to a
 * tmpfile() past FRAGMENT_SPILL bytes).  The main thread appends the
 * fragments in input order, so the output is byte for byte what -j 1
 * writes, and runs at most WINDOW_PER_JOB units per worker ahead of the
 * one being written, which bounds memory.
 *
 * Owns: the run, its jobs, units and threads, fragments, the exit status
 * (each input's output file, --output-dir and --skip-existing: outdir.c).
 * Reads: the settings (cli.h); each input through input.c. */
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
    if (u->len) {
        corpus_lines lines = {u->job->path, u->data, u->len, u->first_line, u->first_offset};
        u->status = input_extract_lines(b->set, &lines, &u->out, &b->cancel);
    }
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
