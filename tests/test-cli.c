/* test-cli.c: exporting from the command line, without a display
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "raming-export.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs raming with DISPLAY and WAYLAND_DISPLAY unset. */
static void
run_raming (Run         *run,
            const char  *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("RAMING_BIN");
  va_list args;

  g_assert_nonnull (binary);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "zwolle-2021.raming", NULL);
}

static void
assert_same_file (const char *actual,
                  const char *expected)
{
  g_autofree char *a = NULL;
  g_autofree char *e = NULL;
  gsize la, le;

  g_assert_true (g_file_get_contents (actual, &a, &la, NULL));
  g_assert_true (g_file_get_contents (expected, &e, &le, NULL));
  if (la != le || memcmp (a, e, la) != 0)
    g_error ("%s differs from %s:\n%s\n---\n%s", actual, expected, a, e);
}

static void
test_csv_golden (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "tabel.csv", NULL);
  g_autofree char *out_en = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *golden = data_path ("zwolle-2021.csv");
  g_autofree char *golden_en = data_path ("zwolle-2021.en.csv");
  g_autofree char *output_arg = g_strconcat ("--output=", out, NULL);
  g_autofree char *output_en_arg = g_strconcat ("--output=", out_en, NULL);
  Run run = { 0, };

  run_raming (&run, "--export=csv", output_arg, example, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.err, ==, "");
  assert_same_file (out, golden);
  run_clear (&run);

  run_raming (&run, "--export=csv", "--language=en", output_en_arg, example, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  assert_same_file (out_en, golden_en);
  run_clear (&run);

  g_unlink (out);
  g_unlink (out_en);
  g_rmdir (dir);
}

/* The golden CSV itself matches the reference table, cell by cell: the
 * totals and the Dutch separators are what a spreadsheet will read. */
static void
test_csv_cells (void)
{
  g_autofree char *golden = data_path ("zwolle-2021.csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (golden, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\357\273\277Maatregel;Inschatting AEF doorberekend naar Zwolle;"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[1], ==, "POH bij de huisartsen;667500;800000;2019 ev;1000000;1000000");
  g_assert_cmpstr (lines[4], ==, "Heldere afbakening onderwijs vs jeugdhulp*;577165;;;;");
  g_assert_cmpstr (lines[12], ==, "Totaal;;951000;;4700000;1450000");
}

static void
test_json_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "tabel.json", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *output_arg = g_strconcat ("--output=", out, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *summary, *poh, *cells;
  Run run = { 0, };

  run_raming (&run, "--export=json", output_arg, example, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  run_clear (&run);

  g_assert_true (json_parser_load_from_file (parser, out, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "realistic"), ==, 1450000);
  g_assert_cmpint (json_object_get_int_member (summary, "gap"), ==, 3250000);
  poh = json_array_get_object_element (json_object_get_array_member (root, "rows"), 0);
  cells = json_object_get_object_member (poh, "cells");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (cells, "national"), "value"), ==, 667500);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (cells, "national"), "rounded"), ==, 668000);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (root, "rows"), 1), "cells"),
                     "realistic"), "status"), ==, "to-explore");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "errors")), ==, 0);

  g_unlink (out);
  g_rmdir (dir);
}

/* A bad document: the window's message, a non-zero exit, no file. */
static void
test_bad_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "tabel.csv", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "broken", "bad-cell.raming", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", out, NULL);
  Run run = { 0, };

  run_raming (&run, "--export=csv", output_arg, bad, NULL);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (WIFEXITED (run.status) && WEXITSTATUS (run.status) == 1);
  g_assert_nonnull (strstr (run.err, "Could not open “bad-cell.raming”: measures[3].realistic: “abc” is not an amount, formula or status"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&run);

  g_rmdir (dir);
}

static void
test_usage_errors (void)
{
  g_autofree char *example = example_path ();
  Run run = { 0, };

  run_raming (&run, "--export=xls", "--output=/tmp/x", example, NULL);
  g_assert_true (WIFEXITED (run.status) && WEXITSTATUS (run.status) == 2);
  g_assert_nonnull (strstr (run.err, "unknown export format “xls”"));
  run_clear (&run);

  run_raming (&run, "--export=csv", example, NULL);
  g_assert_true (WIFEXITED (run.status) && WEXITSTATUS (run.status) == 2);
  g_assert_nonnull (strstr (run.err, "--output=FILE"));
  run_clear (&run);

  run_raming (&run, "--help", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, "--export=FORMAT"));
  g_assert_nonnull (strstr (run.out, "--output=FILE"));
  g_assert_nonnull (strstr (run.out, "csv, json"));
  run_clear (&run);
}

static void
test_formula_injection_guard (void)
{
  g_autofree char *a = raming_csv_guard ("=cmd|' /C calc'!A0");
  g_autofree char *b = raming_csv_guard ("+31 6 1234");
  g_autofree char *c = raming_csv_guard ("@SUM(A1)");
  g_autofree char *d = raming_csv_guard ("-");
  g_autofree char *e = raming_csv_guard ("– Dyslexiezorg");
  g_autofree char *f = raming_csv_guard ("-2+3");

  g_assert_cmpstr (a, ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (b, ==, "'+31 6 1234");
  g_assert_cmpstr (c, ==, "'@SUM(A1)");
  g_assert_cmpstr (d, ==, "-");
  g_assert_cmpstr (e, ==, "– Dyslexiezorg");
  g_assert_cmpstr (f, ==, "'-2+3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/csv/golden", test_csv_golden);
  g_test_add_func ("/cli/csv/cells", test_csv_cells);
  g_test_add_func ("/cli/json", test_json_export);
  g_test_add_func ("/cli/bad-document", test_bad_document);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/csv/formula-injection", test_formula_injection_guard);

  return g_test_run ();
}
