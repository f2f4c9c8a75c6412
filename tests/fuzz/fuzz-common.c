/* fuzz-common.c: set-up shared by the fuzz targets
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "raming-fuzz.h"

/* A warning or critical from the core on hostile input is a bug too: a
 * g_return_if_fail() that fires means a caller went on with bad data. */
void
raming_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
