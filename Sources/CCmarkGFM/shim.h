// The public cmark-gfm headers only; the ones under /usr/include/cmark-gfm/ are internal.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
