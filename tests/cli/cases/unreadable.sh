# A file we may not read is an error; the other files are still read.  Root
# reads everything, so as root the case runs as nobody (setpriv).
cp tests/cli/fixtures/hangzhou.txt "$WORK/secret.txt"
cp tests/cli/fixtures/ningbo.txt "$WORK/open.txt"
chmod 000 "$WORK/secret.txt"
chmod 755 "$WORK"
as=""
[ "$(id -u)" -eq 0 ] && as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
cd "$WORK" && $as $LGX --fields file,value secret.txt open.txt 2> err
status=$?
sed 's/^/stderr: /' err
exit $status
