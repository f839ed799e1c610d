/* diag.c - every message on stderr, and the progress line.
 *
 * Worker threads report errors while the main thread may be drawing the
 * progress line, so one mutex guards stderr: a message first clears the
 * progress line, the next update redraws it.  Standard output never sees
 * any of this, and the line is not drawn on the terminal records go to.
 * Skipped inputs (--skip-existing) count as done; with the total size
 * known the line says the share of bytes read and the time left. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* The progress line waits this long before it shows, so short runs stay
 * silent, and redraws at most this often. */
#define PROGRESS_DELAY 1.0
#define PROGRESS_INTERVAL 0.2

static pthread_mutex_t diag_lock = PTHREAD_MUTEX_INITIALIZER;
static int diag_quiet;

static struct {
    int enabled;
    int total, done, skipped;
    long long bytes, total_bytes;
    long long skipped_bytes;  /* of bytes: inputs skipped, not read */
    double start, last_draw;
    int shown;            /* characters of the line on screen, 0 if none */
} progress;

void diag_setup(int quiet)
{
    diag_quiet = quiet;
}

/* Called with diag_lock held. */
static void progress_clear(void)
{
    if (progress.shown)
        fprintf(stderr, "\r%*s\r", progress.shown, "");
    progress.shown = 0;
}

static void vmessage(const char *format, va_list ap)
{
    pthread_mutex_lock(&diag_lock);
    progress_clear();
    fputs(PROG ": ", stderr);
    vfprintf(stderr, format, ap);
    fputc('\n', stderr);
    pthread_mutex_unlock(&diag_lock);
}

void diag_error(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vmessage(format, ap);
    va_end(ap);
}

void diag_warning(const char *format, ...)
{
    if (diag_quiet)
        return;
    va_list ap;
    va_start(ap, format);
    vmessage(format, ap);
    va_end(ap);
}

void diag_note(const char *format, ...)
{
    if (diag_quiet)
        return;
    va_list ap;
    va_start(ap, format);
    vmessage(format, ap);
    va_end(ap);
}

int diag_try_help(void)
{
    fputs("Try '" PROG " --help' for more information.\n", stderr);
    return EXIT_TROUBLE;
}

int diag_usage_error(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vmessage(format, ap);
    va_end(ap);
    return diag_try_help();
}

/* ---- progress ---------------------------------------------------------- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Records going to the terminal the line would be drawn on would get
 * glued to it: then there is no progress line. */
int progress_wanted(void)
{
    if (diag_quiet || !isatty(STDERR_FILENO))
        return 0;
    struct stat out, err;
    if (!isatty(STDOUT_FILENO) || fstat(STDOUT_FILENO, &out) != 0 ||
        fstat(STDERR_FILENO, &err) != 0)
        return 1;
    return out.st_rdev != err.st_rdev;
}

void progress_start(int total_files, long long total_bytes)
{
    progress.enabled = progress_wanted();
    progress.total = total_files;
    progress.total_bytes = total_bytes;
    progress.start = now();
}

/* "1:05:09", "4:12" */
static void format_duration(char *buf, size_t size, double seconds)
{
    long s = (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

/* Called with diag_lock held. */
static void progress_draw(void)
{
    double t = now();
    double elapsed = t - progress.start;
    if (elapsed < PROGRESS_DELAY || t - progress.last_draw < PROGRESS_INTERVAL)
        return;
    progress.last_draw = t;
    double mb = (double)(progress.bytes - progress.skipped_bytes) / 1e6;
    char share[64] = "", skipped[32] = "";
    if (progress.total_bytes > 0 && mb > 0) {
        double done = (double)progress.bytes / (double)progress.total_bytes;
        double rest = (double)(progress.total_bytes - progress.bytes) / 1e6;
        char left[32];
        format_duration(left, sizeof left, rest > 0 ? rest / (mb / elapsed) : 0);
        snprintf(share, sizeof share, " (%.0f%%), %s left", 100 * (done > 1 ? 1 : done), left);
    }
    if (progress.skipped)
        snprintf(skipped, sizeof skipped, ", %d skipped", progress.skipped);
    int n = fprintf(stderr, "\r" PROG ": %d/%d files%s, %.1f MB, %.1f MB/s%s",
                    progress.done, progress.total, skipped, mb, mb / elapsed, share);
    /* a shorter line than the last one leaves its tail: blank it out */
    int len = n > 0 ? n - 1 : 0;
    if (len < progress.shown)
        fprintf(stderr, "%*s", progress.shown - len, "");
    if (len > progress.shown)
        progress.shown = len;
    fflush(stderr);
}

void progress_add_bytes(long long bytes)
{
    if (!progress.enabled)
        return;
    pthread_mutex_lock(&diag_lock);
    progress.bytes += bytes;
    progress_draw();
    pthread_mutex_unlock(&diag_lock);
}

void progress_file_done(long long bytes)
{
    if (!progress.enabled)
        return;
    pthread_mutex_lock(&diag_lock);
    progress.done++;
    progress.bytes += bytes;
    progress_draw();
    pthread_mutex_unlock(&diag_lock);
}

void progress_skipped(long long bytes)
{
    if (!progress.enabled)
        return;
    pthread_mutex_lock(&diag_lock);
    progress.skipped++;
    progress.bytes += bytes;
    progress.skipped_bytes += bytes;
    progress.done++;
    progress_draw();
    pthread_mutex_unlock(&diag_lock);
}

void progress_finish(void)
{
    pthread_mutex_lock(&diag_lock);
    progress_clear();
    progress.enabled = 0;
    pthread_mutex_unlock(&diag_lock);
}
