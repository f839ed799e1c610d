/* Run a command a few times; print its best wall time and its peak RSS.
 *
 * usage: peakrss [-n RUNS] [-b BUDGET] [-t TIMEOUT] [-i FILE] [-e FILE] -- COMMAND [ARG]...
 *
 * Prints one line:  BEST_SECONDS PEAK_RSS_KB STATUS RUNS BEST_CPU_SECONDS
 *
 * COMMAND's standard output goes to /dev/null, its standard error is
 * appended to the -e FILE (default /dev/null), its standard input is the -i
 * FILE or else inherited (a pipe from a generator: a stream).  PEAK_RSS_KB
 * is the largest ru_maxrss wait4(2) reports for COMMAND.  STATUS is the first
 * abnormal status seen (negative: killed by that signal; "timeout" when the
 * -t TIMEOUT seconds expired), else the status of the last run.  -b BUDGET
 * stops repeating once BUDGET seconds have been spent (one run at least).
 * BEST_CPU_SECONDS is the least user + system time of a run: on a machine
 * others share, it varies less than the wall time.
 *
 * Why not python or a shell: Linux charges a process, at exec, with the
 * peak RSS of the image it replaces, so a child forked from python3 reports
 * at least python's own ~14 MB.  This program is small and forks the
 * command from itself, so the figure is the command's own.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;
static volatile pid_t running;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
    if (running > 0)
        kill(running, SIGKILL);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void usage(void)
{
    fprintf(stderr, "usage: peakrss [-n RUNS] [-b BUDGET] [-t TIMEOUT] [-i FILE] [-e FILE] -- COMMAND [ARG]...\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int runs = 3;
    double budget = 0, timeout = 0;
    const char *in = NULL, *err = "/dev/null";
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (i + 1 >= argc)
            usage();
        if (strcmp(argv[i], "-n") == 0)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-b") == 0)
            budget = atof(argv[++i]);
        else if (strcmp(argv[i], "-t") == 0)
            timeout = atof(argv[++i]);
        else if (strcmp(argv[i], "-i") == 0)
            in = argv[++i];
        else if (strcmp(argv[i], "-e") == 0)
            err = argv[++i];
        else
            usage();
    }
    if (i >= argc)
        usage();
    char **cmd = argv + i;
    if (runs < 1)
        runs = 1;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);

    double best = -1, best_cpu = -1, spent = 0;
    long peak = 0;
    char status[32] = "0";
    int done = 0;
    while (done < runs) {
        double t0 = now();
        pid_t pid = fork();
        if (pid < 0) {
            perror("peakrss: fork");
            return 2;
        }
        if (pid == 0) {
            int out = open("/dev/null", O_WRONLY);
            int e = open(err, O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (out < 0 || e < 0 || dup2(out, 1) < 0 || dup2(e, 2) < 0)
                _exit(126);
            if (in) {
                int fd = open(in, O_RDONLY);
                if (fd < 0 || dup2(fd, 0) < 0)
                    _exit(126);
            }
            execvp(cmd[0], cmd);
            _exit(127);
        }
        running = pid;
        if (timeout > 0) {
            struct itimerval it;
            memset(&it, 0, sizeof it);
            it.it_value.tv_sec = (time_t)timeout;
            it.it_value.tv_usec = (suseconds_t)((timeout - (double)(time_t)timeout) * 1e6);
            setitimer(ITIMER_REAL, &it, NULL);
        }
        int st;
        struct rusage ru;
        while (wait4(pid, &st, 0, &ru) < 0) {
            if (errno != EINTR) {
                perror("peakrss: wait4");
                return 2;
            }
        }
        double elapsed = now() - t0;
        running = 0;
        if (timeout > 0) {
            struct itimerval off;
            memset(&off, 0, sizeof off);
            setitimer(ITIMER_REAL, &off, NULL);
        }
        done++;
        spent += elapsed;
        if (best < 0 || elapsed < best)
            best = elapsed;
        double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
        if (best_cpu < 0 || cpu < best_cpu)
            best_cpu = cpu;
        if (ru.ru_maxrss > peak)
            peak = ru.ru_maxrss;
        if (timed_out) {
            snprintf(status, sizeof status, "timeout");
            break;
        }
        if (WIFSIGNALED(st)) {
            snprintf(status, sizeof status, "-%d", WTERMSIG(st));
            break;
        }
        int rc = WEXITSTATUS(st);
        snprintf(status, sizeof status, "%d", rc);
        if (rc != 0 && rc != 1)
            break;
        if (budget > 0 && spent >= budget)
            break;
    }
    printf("%.4f %ld %s %d %.4f\n", best, peak, status, done, best_cpu);
    return 0;
}
