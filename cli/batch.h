/* batch.h - what batch.c and outdir.c share (private to the CLI).
 *
 * batch.c runs the inputs (one thread or several) and outdir.c opens and
 * finishes each one's output file below --output-dir; both read the
 * batch's jobs and settings. */
#ifndef LGX_BATCH_H
#define LGX_BATCH_H

#include <pthread.h>

#include "cli.h"

#define UNIT_BYTES (512 * 1024)
#define FRAGMENT_SPILL (8 * 1024 * 1024)
#define WINDOW_PER_JOB 4
/* The stdio buffer of an --output-dir file: stdio's own is one block
 * (4 KiB), a write() every eight-odd JSON records. */
#define OWN_BUFFER (64 * 1024)

/* One input of the batch. */
typedef struct job {
    const char *path;     /* NULL: refused before the run */
    char *out_path;       /* --output-dir: DIR/REL/NAME.EXT, as messages name it */
    const char *out_rel;  /* REL/NAME.EXT, its part below DIR */
    output own;           /* --output-dir: the temporary file being written */
    char *own_buffer;     /* its stdio buffer (OWN_BUFFER bytes), or NULL for stdio's */
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

/* ---- outdir.c --------------------------------------------------------- */

/* --output-dir: where the output of input goes (DIR/REL/NAME.EXT,
 * allocated), *rel pointing at REL within it; NULL when out of memory. */
char *output_path(const settings *set, const char *input, const char **rel);
/* Refuse the later inputs whose outputs would share a name with an
 * earlier one's, before anything is written.  -1 when out of memory. */
int refuse_name_clashes(batch *b);
/* Set up --output-dir: the directory, its descriptor, the watcher that
 * removes temporary files on a signal. */
int setup_output_dir(batch *b);
/* Open j's input and its output.  Returns the input's descriptor; -1
 * when it failed (j->status says so) or was skipped. */
int start_input(batch *b, job *j, output *shared);
/* Finish j's output: a file of --output-dir is closed and renamed into
 * place, or removed if anything went wrong with it or the batch stopped. */
void finish_output(batch *b, job *j);

#endif
