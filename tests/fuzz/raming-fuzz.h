/* raming-fuzz.h: the bodies of the fuzz targets
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each body is compiled twice: into a libFuzzer target (with
 * RAMING_LIBFUZZER defined, by .ci/fuzz) and into test-fuzz-replay, which
 * feeds it every file of the seed corpus and of the regressions with the
 * normal compiler. A body returns normally for any input; a broken
 * property aborts with a message.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void raming_fuzz_init     (void);
void raming_fuzz_document (const guint8 *data,
                           gsize         size);
void raming_fuzz_formula  (const guint8 *data,
                           gsize         size);
void raming_fuzz_json     (const guint8 *data,
                           gsize         size);

/* Not g_assert: that can be compiled out, and a fuzzer must see the
 * failure as a crash. */
#define RAMING_FUZZ_CHECK(condition, ...)                               \
  G_STMT_START {                                                        \
    if (G_UNLIKELY (!(condition)))                                      \
      {                                                                 \
        g_printerr ("%s:%d: %s failed: ", __FILE__, __LINE__, #condition); \
        g_printerr (__VA_ARGS__);                                       \
        g_printerr ("\n");                                              \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

G_END_DECLS
