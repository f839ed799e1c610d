# --help prints the option table to standard output and exits 0.
$LGX --help
