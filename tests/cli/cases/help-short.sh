# -h is --help.
$LGX -h > "$WORK/h"
$LGX --help | cmp - "$WORK/h" && echo "-h is --help"
