#!/usr/bin/env python3
"""Run a command a few times; print its best wall time and its peak RSS.

usage: measure.py [--runs N] [--budget S] [--timeout S] [--stderr FILE]
                  [--stdin FILE | --stdin-repeat FILE --stdin-bytes N]
                  -- COMMAND [ARG]...

Standard output of COMMAND goes to /dev/null.  Prints one line:

    BEST_SECONDS PEAK_RSS_KB STATUS RUNS BEST_CPU_SECONDS

BEST_CPU_SECONDS is the least user + system time of a run.
PEAK_RSS_KB is the largest ru_maxrss of COMMAND itself over the runs, read
with wait4(2) on its pid (a wrapper that execs, such as taskset, is the same
process; the process feeding standard input is not counted).  STATUS is the
first abnormal exit status seen (negative: killed by that signal, "timeout"
when --timeout expired), else the exit status of the last run.

--stdin-repeat FILE --stdin-bytes N feeds COMMAND the content of FILE over
and over, N bytes in all, through a pipe: a stream longer than any file on
disk.  --budget S stops repeating once S seconds have been spent (at least
one run is always made), so a slow build does not make the benchmark slow.
"""
import argparse
import os
import signal
import subprocess
import sys
import threading
import time


def feed(fd, path, total):
    block = open(path, "rb").read()
    view = memoryview(block)
    left = total
    try:
        while left > 0 and block:
            chunk = view[: min(len(block), left)]
            while chunk:
                n = os.write(fd, chunk)
                chunk = chunk[n:]
                left -= n
    except (BrokenPipeError, OSError):
        pass
    finally:
        os.close(fd)


def run_once(cmd, args):
    stdin = subprocess.DEVNULL
    feeder = None
    wfd = None
    if args.stdin:
        stdin = open(args.stdin, "rb")
    elif args.stdin_repeat:
        rfd, wfd = os.pipe()
        stdin = rfd
    err = open(args.stderr, "ab") if args.stderr else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err)
    if args.stdin_repeat:
        os.close(rfd)
        feeder = threading.Thread(target=feed, args=(wfd, args.stdin_repeat, args.stdin_bytes))
        feeder.start()
    timer = None
    timed_out = []
    if args.timeout:
        def kill():
            timed_out.append(True)
            try:
                os.kill(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(args.timeout, kill)
        timer.start()
    while True:
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            break
        except InterruptedError:
            continue
    elapsed = time.perf_counter() - start
    if timer:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if feeder:
        feeder.join()
    if hasattr(stdin, "close"):
        stdin.close()
    if hasattr(err, "close"):
        err.close()
    rc = "timeout" if timed_out else str(proc.returncode)
    return elapsed, usage.ru_maxrss, rc, usage.ru_utime + usage.ru_stime


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--budget", type=float, default=0.0)
    p.add_argument("--timeout", type=float, default=0.0)
    p.add_argument("--stderr")
    p.add_argument("--stdin")
    p.add_argument("--stdin-repeat")
    p.add_argument("--stdin-bytes", type=int, default=0)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    args = p.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        p.error("no command")
    best = None
    best_cpu = None
    peak = 0
    status = "0"
    spent = 0.0
    runs = 0
    for _ in range(max(1, args.runs)):
        elapsed, rss, rc, cpu = run_once(cmd, args)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        runs += 1
        spent += elapsed
        peak = max(peak, rss)
        best = elapsed if best is None else min(best, elapsed)
        if rc == "timeout" or rc.startswith("-") or rc not in ("0", "1"):
            status = rc
            break
        status = rc
        if args.budget and spent >= args.budget:
            break
    print("%.4f %d %s %d %.4f" % (best, peak, status, runs, best_cpu))


if __name__ == "__main__":
    sys.exit(main())
