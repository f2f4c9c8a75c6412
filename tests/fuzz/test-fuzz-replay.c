/* test-fuzz-replay.c: the fuzz targets' seeds and past crashes, replayed
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with the normal compiler and run with the core suite: every file
 * in tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/
 * goes through the very function the libFuzzer target calls. A
 * regression that comes back aborts the test with the broken property.
 */

#include "config.h"

#include <string.h>

#include "raming-fuzz.h"

typedef struct
{
  const char *target;
  const char *directory;   /* corpus or regressions */
  guint       minimum;     /* an empty seed corpus is a mistake */
  void      (*body) (const guint8 *data, gsize size);
} Replay;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay (gconstpointer user_data)
{
  const Replay *r = user_data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", r->directory, r->target, NULL);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));

  /* The same order on every machine, so a failure can be found again. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *data = NULL;
      gsize size;

      g_assert_true (g_file_get_contents (path, &data, &size, &error));
      g_test_message ("%s/%s/%s (%" G_GSIZE_FORMAT " bytes)", r->directory, r->target,
                      (char *) names->pdata[i], size);
      r->body ((const guint8 *) data, size);
    }

  g_test_message ("%u files", names->len);
  g_assert_cmpuint (names->len, >=, r->minimum);
}

int
main (int   argc,
      char *argv[])
{
  static const Replay replays[] = {
    { "document", "corpus", 40, raming_fuzz_document },
    { "document", "regressions", 0, raming_fuzz_document },
    { "formula", "corpus", 40, raming_fuzz_formula },
    { "formula", "regressions", 0, raming_fuzz_formula },
    { "json", "corpus", 40, raming_fuzz_json },
    { "json", "regressions", 0, raming_fuzz_json },
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  raming_fuzz_init ();

  for (guint i = 0; i < G_N_ELEMENTS (replays); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fuzz-replay/%s/%s", replays[i].target, replays[i].directory);

      g_test_add_data_func (path, &replays[i], replay);
    }

  return g_test_run ();
}
