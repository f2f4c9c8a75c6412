/* fuzz-common.c: set-up shared by the fuzz targets
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "raming-fuzz.h"

/* A warning or critical from the core on hostile input is a bug too: a
 * g_return_if_fail() that fires means a caller went on with bad data.
 * GLib stops a fatal message with a breakpoint trap, which libFuzzer does
 * not catch, so this aborts instead. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

void
raming_fuzz_init (void)
{
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
}
