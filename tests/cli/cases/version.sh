# --version and -V print the version to standard output.
$LGX --version && $LGX -V
