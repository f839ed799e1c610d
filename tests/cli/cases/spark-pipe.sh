# The README's PySpark line: pipe() splits its string as a shell would
# (shlex) and, with checkCode=True, fails the job on a non-zero exit.  The
# command, split so and fed a partition as pipe() feeds it, exits 0 on a
# partition without records and on one with records, and not on a malformed
# line.
mkdir -p "$WORK/bin"
ln -s "$LGX" "$WORK/bin/lawgov-extract"
PATH=$WORK/bin:$PATH python3 - <<'PY'
import re, shlex, subprocess
readme = open("README.md", encoding="utf-8").read()
m = re.search(r'\.pipe\((".*?"), checkCode=True\)', readme)
command = eval(m.group(1))
argv = shlex.split(command)
print("argv:", argv)
corpus = open("tests/cli/fixtures/corpus.jsonl", "rb").read()
for name, partition in (("empty partition", b""), ("no records", b'{"id":1,"text":"no figure"}\n'),
                        ("corpus", corpus), ("malformed line", b"{oops\n")):
    p = subprocess.run(argv, input=partition, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    print("%s: exit %d, %d records" % (name, p.returncode, p.stdout.count(b"\n")))
PY
