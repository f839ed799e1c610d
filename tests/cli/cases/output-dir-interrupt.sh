# A batch killed mid-file by SIGINT, SIGTERM or SIGHUP (with -j 1 and -j 2)
# dies of the signal (status 128 + N in a shell) and leaves in --output-dir
# only complete outputs - no temporary file, nothing cut off; the same
# command with --skip-existing then finishes the run, and the outputs are
# those of a run never interrupted.
python3 - "$LGX" "$WORK" <<'PY'
import json, os, signal, subprocess, sys, time
lgx, work = sys.argv[1], sys.argv[2]
fixtures = os.path.join(os.getcwd(), "tests/cli/fixtures")
os.chdir(work)
os.makedirs("in/2023"); os.makedirs("in/2024")
for name, src in (("in/2023/a.txt", "hangzhou.txt"), ("in/2024/a.txt", "ningbo.txt")):
    with open(name, "wb") as f, open(os.path.join(fixtures, src), "rb") as g:
        f.write(g.read())
with open(os.path.join(fixtures, "hangzhou.txt"), "rb") as g:
    slow_text = g.read() * 3000          # ~600 KB: more than a pipe holds
with open("slow.full", "wb") as f:
    f.write(slow_text)

def files(top):
    return sorted(os.path.relpath(os.path.join(d, n), top)
                  for d, _, ns in os.walk(top) for n in ns)

def run(out, jobs, extra, slow, sig=None):
    """Run over a, a, slow (a FIFO fed by us); kill with sig once the
    output of slow has begun."""
    if os.path.exists("in/slow.txt"):
        os.unlink("in/slow.txt")
    os.mkfifo("in/slow.txt")
    def default_signals():
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, signal.SIG_DFL)
    p = subprocess.Popen([lgx, "-j", str(jobs), "--output-dir", out] + extra +
                         ["in/2023/a.txt", "in/2024/a.txt", "in/slow.txt"],
                         stdout=subprocess.DEVNULL, stderr=open(out + ".err", "w"),
                         preexec_fn=default_signals)
    with open("in/slow.txt", "wb") as fifo:
        if sig is None:
            fifo.write(slow)
        else:
            fifo.write(slow[:len(slow) // 2])
            fifo.flush()
            seen = False
            for _ in range(1000):   # until the temporary file is there
                seen = any(os.path.basename(n).startswith(".") for n in files(out))
                if seen:
                    break
                time.sleep(0.01)
            print("   mid-file (its temporary file seen):", seen)
            p.send_signal(sig)
            p.wait()
            try:
                fifo.write(slow[len(slow) // 2:])
            except BrokenPipeError:
                pass
    return p.wait()

def valid(out):
    for name in files(out):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            for line in f:
                json.loads(line)
    return True

status = run("whole", 1, [], slow_text)
print("uninterrupted: exit", status, files("whole"))
for jobs in (1, 2):
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        out = "out-%s-j%d" % (sig.name, jobs)
        status = run(out, jobs, [], slow_text, sig)
        left = files(out)
        temps = [n for n in left if os.path.basename(n).startswith(".")]
        print("%s -j %d: %s, temporary files: %d, complete outputs valid: %s, slow written: %s"
              % (sig.name, jobs, "killed by the signal" if status == -sig else "exit %d" % status,
                 len(temps), valid(out), "in/slow.jsonl" in left))
        status = run(out, jobs, ["--skip-existing"], slow_text)
        with open(out + ".err") as f:
            note = [l.strip() for l in f if "skipped" in l]
        same = all(open(os.path.join(out, n), "rb").read() == open(os.path.join("whole", n), "rb").read()
                   for n in files("whole")) and files(out) == files("whole")
        print("   resumed: exit %d, %s, outputs as uninterrupted: %s" % (status, note, same))
PY
# and a JSON Lines corpus cut between threads (-j 2), killed mid-corpus
python3 - "$LGX" "$WORK" <<'PY'
import json, os, signal, subprocess, sys, time
lgx, work = sys.argv[1], sys.argv[2]
os.chdir(work)
text = open("in/2023/a.txt", encoding="utf-8").read()   # made by the script above
lines = "".join(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n" for i in range(6000)).encode()
os.mkfifo("corpus.jsonl")
p = subprocess.Popen([lgx, "-j", "2", "--input-format", "jsonl", "--output-dir", "cj", "corpus.jsonl"],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))
with open("corpus.jsonl", "wb") as fifo:
    fifo.write(lines[:len(lines) // 2])
    fifo.flush()
    for _ in range(1000):
        if os.path.isdir("cj") and any(n.startswith(".") for n in os.listdir("cj")):
            break
        time.sleep(0.01)
    seen = any(n.startswith(".") for n in os.listdir("cj"))
    p.send_signal(signal.SIGTERM)
    status = p.wait()
print("corpus, -j 2: temporary file seen: %s; %s; left in the directory: %s"
      % (seen, "killed by SIGTERM" if status == -signal.SIGTERM else "exit %d" % status, os.listdir("cj")))
PY
