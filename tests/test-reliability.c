/* test-reliability.c: hostile files, no lost work
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *  - every hostile file is refused with its own message, by the loader
 *    and by `raming --export`; a cycle of formulas is not a load error;
 *  - a save killed with SIGKILL at a random moment leaves the old or the
 *    new file on disk, never a mix, and a backup that loads; a file with
 *    a second name is still replaced as a whole;
 *  - an edit the file format refuses is not saved;
 *  - two processes saving the same file: the second is refused;
 *  - undo of a language switch gives back the formulas as written;
 *  - random documents survive save → load → save unchanged;
 *  - random edits, undone one by one, give back every earlier state.
 *
 * The child processes are this program again, started with --saver or
 * --other (see main()). Seeds are fixed; RAMING_TEST_SEED changes them.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef HAVE_VALGRIND_H
# include <valgrind/valgrind.h>
#else
# define RUNNING_ON_VALGRIND 0
#endif

#include "raming-document.h"
#include "raming-export.h"
#include "raming-fuzz.h"
#include "raming-note-table.h"
#include "random-document.h"

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif
#ifndef SANITIZED
# define SANITIZED 0
#endif

static char *self_path;

/* Under valgrind and AddressSanitizer the same checks run, fewer times. */
static guint
scaled (guint n)
{
  if (RUNNING_ON_VALGRIND)
    return MAX (n / 20, 2);
  if (SANITIZED)
    return MAX (n / 20, 2);
  return n;
}

static guint32
seed_for (guint32 fixed)
{
  const char *env = g_getenv ("RAMING_TEST_SEED");

  return env != NULL ? fixed ^ (guint32) g_ascii_strtoull (env, NULL, 10) : fixed;
}

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "zwolle-2021.raming", NULL);
}

static RamingDocument *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RamingDocument *document = raming_document_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static RamingDocument *
load_text (const char *text,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  RamingDocument *document = raming_document_load_from_data (text, length, &error);

  if (error != NULL)
    g_test_message ("does not load: %s\n%s", error->message, text);
  g_assert_no_error (error);
  return document;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, length, NULL))
    return NULL;
  return text;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Child processes                                                     */

/* The environment for a child process. .ci/sanitize asks for whole
 * stacks on every allocation (fast_unwind_on_malloc=0) to match the
 * suppression of a GLib test-harness leak; children run no test harness,
 * so they take the fast way, which makes them start ten times sooner. */
static char **
child_environment (void)
{
  char **envp = g_get_environ ();
  const char *asan = g_environ_getenv (envp, "ASAN_OPTIONS");

  if (asan != NULL)
    {
      g_autofree char *fast = g_strconcat (asan, ":fast_unwind_on_malloc=1", NULL);

      envp = g_environ_setenv (envp, "ASAN_OPTIONS", fast, TRUE);
    }
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  return envp;
}

typedef struct
{
  GPid  pid;
  int   in;     /* the child's stdin */
  int   out;    /* the child's stdout */
} Child;

static void
child_start (Child      *child,
             const char *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = child_environment ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, self_path);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &child->pid, &child->in, &child->out, NULL, &error);
  g_assert_no_error (error);
}

/* Reads one line the child wrote, e.g. "ready". */
static char *
child_read_line (Child *child)
{
  GString *line = g_string_new (NULL);
  char c;

  for (;;)
    {
      ssize_t n = read (child->out, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n')
        break;
      g_string_append_c (line, c);
    }
  return g_string_free (line, FALSE);
}

static void
child_write_line (Child      *child,
                  const char *line)
{
  g_assert_cmpint (write (child->in, line, strlen (line)), ==, (gssize) strlen (line));
  g_assert_cmpint (write (child->in, "\n", 1), ==, 1);
}

static int
child_wait (Child *child)
{
  int status;

  while (waitpid (child->pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  close (child->in);
  close (child->out);
  g_spawn_close_pid (child->pid);
  return status;
}

/* --saver FILE A B: loads A and B, says "ready", then saves them to FILE
 * in turn until it is killed. */
static int
run_saver (const char *path,
           const char *a_path,
           const char *b_path)
{
  g_autoptr(RamingDocument) a = load_path (a_path);
  g_autoptr(RamingDocument) b = load_path (b_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_print ("ready\n");
  fflush (stdout);
  for (;;)
    {
      RamingDocument *documents[] = { a, b };

      for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
        {
          g_autoptr(GError) error = NULL;

          if (!raming_document_save_to_file (documents[i], file, FALSE, NULL, &error))
            {
              g_printerr ("saver: %s\n", error->message);
              return 3;
            }
        }
    }
}

/* --other FILE: another Raming with the same file open. Loads it, says
 * "loaded", waits for "save", changes the title and saves with the
 * check. Exits 0 when saved, 3 when refused as changed on disk. */
static int
run_other (const char *path)
{
  g_autoptr(RamingDocument) document = load_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char line[64];

  g_print ("loaded\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL || !g_str_has_prefix (line, "save"))
    return 4;

  raming_document_edit (document, document, "title", "Versie van de ander", NULL);
  if (raming_document_save_to_file (document, file, TRUE, NULL, &error))
    return 0;
  g_printerr ("other: %s\n", error->message);
  return g_error_matches (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_CHANGED_ON_DISK) ? 3 : 5;
}

/* ------------------------------------------------------------------ */
/* Hostile files                                                       */

typedef struct
{
  int   status;
  char *err;
} Run;

/* raming --export=FORMAT --output=OUT DOCUMENT, without a display. */
static void
run_export (Run        *run,
            const char *format,
            const char *document,
            const char *output)
{
  g_autofree char *format_arg = g_strconcat ("--export=", format, NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  const char *binary = g_getenv ("RAMING_BIN");
  const char *argv[] = { binary, format_arg, output_arg, document, NULL };
  g_auto(GStrv) envp = child_environment ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (binary);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

/* Each hostile file: no document and its own message, from the loader
 * and from the command line (exit status 1, no output file). */
static void
test_hostile_files (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("raming-hostile-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "tabel.csv", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RamingDocument) document = NULL;
      Run run = { 0, };

      if (!g_str_has_suffix (name, ".raming"))
        continue;
      path = g_build_filename (dir, name, NULL);
      expected_path = g_strdup_printf ("%.*s.expected", (int) (strlen (path) - strlen (".raming")), path);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      g_strchomp (expected);
      g_assert_cmpstr (expected, !=, "");

      file = g_file_new_for_path (path);
      document = raming_document_load_from_file (file, NULL, &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      if (strstr (error->message, expected) == NULL)
        g_error ("%s: expected “%s” in “%s”", name, expected, error->message);
      /* The window shows it as it is. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      /* A specific message: no two hostile files say the same. */
      if (g_hash_table_contains (messages, error->message))
        g_error ("%s and %s give the same message “%s”", name,
                 (char *) g_hash_table_lookup (messages, error->message), error->message);
      g_hash_table_insert (messages, g_strdup (error->message), g_strdup (name));

      run_export (&run, "csv", path, out);
      g_test_message ("%s: exit %d: %s", name, run.status, g_strchomp (run.err));
      g_assert_true (WIFEXITED (run.status));
      g_assert_cmpint (WEXITSTATUS (run.status), ==, 1);
      if (strstr (run.err, expected) == NULL)
        g_error ("raming --export=csv %s: expected “%s” in “%s”", name, expected, run.err);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_true (g_utf8_validate (run.err, -1, NULL));
      g_free (run.err);
      n++;
    }

  g_test_message ("%u hostile files", n);
  g_assert_cmpuint (n, >=, 39);
  remove_tree (tmp);
}

/* Above 64 MB: refused before it is read, also by the command line; a
 * device that claims no size is refused at 64 MB. */
static void
test_hostile_huge (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.raming", NULL);
  g_autofree char *out = g_build_filename (dir, "tabel.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = NULL;
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  Run run = { 0, };
  FILE *f = fopen (path, "w");

  /* A sparse file: no 64 MB are written. */
  g_assert_nonnull (f);
  fputc ('{', f);
  g_assert_cmpint (fseek (f, RAMING_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  fputc ('}', f);
  fclose (f);

  run_export (&run, "csv", path, out);
  g_assert_true (WIFEXITED (run.status));
  g_assert_cmpint (WEXITSTATUS (run.status), ==, 1);
  g_assert_nonnull (strstr (run.err, "The file is larger than 64 MB"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_pointer (&run.err, g_free);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      document = raming_document_load_from_file (zero, NULL, &error);
      g_assert_null (document);
      g_assert_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_TOO_LARGE);

      if (!RUNNING_ON_VALGRIND)
        {
          run_export (&run, "csv", "/dev/zero", out);
          g_assert_true (WIFEXITED (run.status));
          g_assert_cmpint (WEXITSTATUS (run.status), ==, 1);
          g_assert_nonnull (strstr (run.err, "The file is larger than 64 MB"));
          g_free (run.err);
        }
    }

  remove_tree (dir);
}

/* A cycle of formulas is not a load error: the document opens, the cells
 * show the error, and the command line still exports, listing it. */
static void
test_hostile_cycle (void)
{
  const char *text =
    "{\"format\":\"raming\",\"version\":1,"
    "\"assumptions\":[{\"key\":\"a\",\"value\":\"=b + 1\"},{\"key\":\"b\",\"value\":\"=c * 2\"},"
    "{\"key\":\"c\",\"value\":\"=a\"},{\"key\":\"zelf\",\"value\":\"=zelf + 1\"}],"
    "\"measures\":[{\"id\":\"kringloop\",\"title\":\"Kringloop\",\"realistic\":\"=a\"},"
    "{\"id\":\"zelfverwijzing\",\"original\":\"=zelf\"},"
    "{\"id\":\"gezond\",\"realistic\":1000}]}";
  g_autofree char *dir = g_dir_make_tmp ("raming-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kringloop.raming", NULL);
  g_autofree char *out = g_build_filename (dir, "tabel.json", NULL);
  g_autoptr(RamingDocument) document = load_text (text, -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  RamingMeasure *m = raming_document_find_measure (document, "kringloop");
  RamingCell *cell = raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC);
  JsonArray *errors;
  guint n_cycle_messages = 0;
  gboolean cell_listed = FALSE;
  Run run = { 0, };

  g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_ERROR);
  g_assert_nonnull (strstr (raming_cell_get_error (cell), "Circular reference"));
  cell = raming_measure_get_cell (raming_document_find_measure (document, "zelfverwijzing"),
                                  RAMING_COLUMN_ORIGINAL);
  g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_ERROR);
  g_assert_nonnull (strstr (raming_cell_get_error (cell), "Circular reference"));
  for (const char *const *k = (const char *const[]) { "a", "b", "c", "zelf", NULL }; *k; k++)
    g_assert_nonnull (strstr (raming_assumption_get_error (raming_document_find_assumption (document, *k)),
                              "Circular reference"));
  /* The healthy measure still counts. */
  g_assert_cmpfloat (raming_totals_get (raming_document_get_totals (document), RAMING_TOTAL_REALISTIC), ==, 1000);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  run_export (&run, "json", path, out);
  g_test_message ("exit %d: %s", run.status, run.err);
  g_assert_true (WIFEXITED (run.status));
  g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
  g_free (run.err);

  g_assert_true (json_parser_load_from_file (parser, out, &error));
  g_assert_no_error (error);
  errors = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "errors");
  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *e = json_array_get_object_element (errors, i);

      if (strstr (json_object_get_string_member (e, "message"), "Circular reference"))
        n_cycle_messages++;
      if (g_strcmp0 (json_object_get_string_member_with_default (e, "measure", NULL), "kringloop") == 0 &&
          g_strcmp0 (json_object_get_string_member (e, "column"), "realistic") == 0)
        cell_listed = TRUE;
    }
  g_assert_true (cell_listed);
  /* four assumptions and two cells */
  g_assert_cmpuint (n_cycle_messages, ==, 6);

  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Saving, killed                                                      */

static char *
big_document_text (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(RamingDocument) document = load_path (path);
  GListModel *top = raming_document_get_measures (document);

  raming_document_edit (document, document, "title", "Versie B, met 200 maatregelen meer",
                        "uncertainty-samples", 1000u, NULL);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Extra maatregel %u", i);
      g_autofree char *id = raming_document_make_measure_id (document, title);
      g_autoptr(RamingMeasure) m = raming_measure_new (id, title);
      g_autoptr(RamingCellInput) amount = raming_cell_input_new_amount (1000 * i + 0.5);
      g_autoptr(RamingCellInput) formula = raming_cell_input_new_formula ("=poh_besparing_2019 / 200 * macro_aandeel",
                                                                          RAMING_LANGUAGE_NL);

      raming_measure_set_input (m, RAMING_COLUMN_ORIGINAL, amount);
      raming_measure_set_input (m, RAMING_COLUMN_REALISTIC, formula);
      raming_measure_set_note (m, "Een toelichting die het bestand wat groter maakt, met “aanhalingstekens”.");
      raming_document_insert_item (document, top, g_list_model_get_n_items (top), m);
    }
  return raming_document_save_to_data (document, NULL);
}

static gboolean
is_one_of (const char *text,
           gsize       length,
           const char *a,
           const char *b,
           char        which[2])
{
  if (length == strlen (a) && memcmp (text, a, length) == 0)
    which[0] = 'A';
  else if (length == strlen (b) && memcmp (text, b, length) == 0)
    which[0] = 'B';
  else
    return FALSE;
  which[1] = '\0';
  return TRUE;
}

/* A child saves version A and version B of a document to one file in
 * turn; it is killed with SIGKILL at random moments. Each time, the file
 * on disk is exactly A or exactly B and loads, and so does the backup. */
static void
test_save_killed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analyse.raming", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *a_path = g_build_filename (dir, "a.raming", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.raming", NULL);
  g_autofree char *scratch = g_build_filename (dir, "scratch.raming", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(RamingDocument) a = load_path (example);
  g_autoptr(RamingDocument) b = NULL;
  g_autofree char *a_text = raming_document_save_to_data (a, NULL);
  g_autofree char *b_text = big_document_text ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed_for (20260213));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *kills_env = g_getenv ("RAMING_TEST_KILLS");
  guint n_kills = kills_env != NULL ? (guint) g_ascii_strtoull (kills_env, NULL, 10) : scaled (200);
  guint found[2] = { 0, 0 };
  guint n_backups = 0, n_interrupted = 0;
  gint64 cycle;

  g_assert_true (g_file_set_contents (a_path, a_text, -1, NULL));
  g_assert_true (g_file_set_contents (b_path, b_text, -1, NULL));
  b = load_path (b_path);
  {
    g_autoptr(RamingDocument) a_loaded = load_path (a_path);
    g_autofree char *a_again = raming_document_save_to_data (a_loaded, NULL);
    g_autofree char *b_again = raming_document_save_to_data (b, NULL);

    g_assert_cmpstr (a_again, ==, a_text);
    g_assert_cmpstr (b_again, ==, b_text);
  }
  g_assert_true (raming_document_save_to_file (a, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* Kill within a few rounds of saving A and B. */
  {
    g_autoptr(GFile) s = g_file_new_for_path (scratch);
    gint64 start = g_get_monotonic_time ();

    for (guint i = 0; i < 3; i++)
      {
        g_assert_true (raming_document_save_to_file (a, s, FALSE, NULL, NULL));
        g_assert_true (raming_document_save_to_file (b, s, FALSE, NULL, NULL));
      }
    cycle = MAX ((g_get_monotonic_time () - start) / 3, 500);
    g_unlink (scratch);
    g_test_message ("saving A and B takes %" G_GINT64_FORMAT " µs; A is %zu bytes, B %zu",
                    cycle, strlen (a_text), strlen (b_text));
  }

  for (guint k = 0; k < n_kills; k++)
    {
      Child child;
      g_autofree char *ready = NULL;
      g_autofree char *text = NULL;
      gsize length;
      char which[2];
      int status;

      child_start (&child, "--saver", path, a_path, b_path, NULL);
      ready = child_read_line (&child);
      g_assert_cmpstr (ready, ==, "ready");
      g_usleep (g_rand_int_range (rand, 0, 4 * cycle));
      g_assert_cmpint (kill (child.pid, SIGKILL), ==, 0);
      status = child_wait (&child);
      /* It was killed, not stopped by an error of its own. */
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      text = read_file (path, &length);
      g_assert_nonnull (text);
      if (!is_one_of (text, length, a_text, b_text, which))
        g_error ("after kill %u the file is neither A nor B (%zu bytes)", k, length);
      /* Byte for byte A or B, which were shown to load and save to
       * exactly these texts above: so this file loads too. */
      found[which[0] - 'A']++;

      g_clear_pointer (&text, g_free);
      if ((text = read_file (backup, &length)) != NULL)
        {
          if (!is_one_of (text, length, a_text, b_text, which))
            g_error ("after kill %u the backup is neither A nor B (%zu bytes)", k, length);
          n_backups++;
        }

      /* A temporary file left behind: this kill came during a save. */
      {
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (d)))
          if (name[0] == '.')
            {
              g_autofree char *leftover = g_build_filename (dir, name, NULL);

              n_interrupted++;
              g_unlink (leftover);
            }
      }
    }

  g_test_message ("%u kills survived: A on disk %u times, B %u times, a backup %u times; "
                  "%u kills interrupted a save (left its temporary file)",
                  n_kills, found[0], found[1], n_backups, n_interrupted);
  g_assert_cmpuint (found[0] + found[1], ==, n_kills);
  if (!RUNNING_ON_VALGRIND && !SANITIZED)
    {
      /* Kills land in both versions, and some in the middle of a save;
       * otherwise the timing is off and the test proves nothing. */
      g_assert_cmpuint (found[0], >, 0);
      g_assert_cmpuint (found[1], >, 0);
      g_assert_cmpuint (n_interrupted, >, 0);
    }

  remove_tree (dir);
}

/* A kill between the two steps that make the backup (link the file to
 * "<name>~", rename the new one over it) leaves the document with two
 * names for one file. The next save must still replace it as a whole,
 * not rewrite it in place, where a kill would leave it half written. */
static void
test_save_hardlinked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-link-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analyse.raming", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(RamingDocument) document = load_path (example);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *in_backup = NULL;
  GStatBuf old_stat, new_stat;

  g_assert_true (raming_document_save_to_file (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  before = read_file (path, NULL);
  g_assert_cmpint (link (path, backup), ==, 0);
  g_assert_cmpint (g_stat (path, &old_stat), ==, 0);
  g_assert_cmpint (old_stat.st_nlink, ==, 2);

  raming_document_edit (document, document, "title", "Na de onderbreking", NULL);
  g_assert_true (raming_document_save_to_file (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* A new file took the name; the old one is still whole as the backup. */
  g_assert_cmpint (g_stat (path, &new_stat), ==, 0);
  g_assert_cmpuint (new_stat.st_ino, !=, old_stat.st_ino);
  g_assert_cmpint (new_stat.st_nlink, ==, 1);
  in_backup = read_file (backup, NULL);
  g_assert_cmpstr (in_backup, ==, before);

  remove_tree (dir);
}

/* Edits the file format refuses. The edit functions take them (the
 * window is to stop most of them first); saving must then refuse too,
 * rather than write a document that cannot be opened again. */
typedef struct
{
  const char *what;
  const char *message;   /* part of the loader's message */
  void      (*edit) (RamingDocument *document);
} UnsafeEdit;

static void
set_cell_text (RamingDocument *document,
               const char     *id,
               const char     *property,
               const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingCellInput) input = raming_cell_input_new_from_text (text, raming_document_get_language (document),
                                                                      &error);

  g_assert_no_error (error);
  raming_document_edit (document, raming_document_find_measure (document, id), property, input, NULL);
}

static gpointer
first_action (RamingDocument *document)
{
  g_autoptr(GObject) action = g_list_model_get_item (raming_document_get_actions (document), 0);

  return action;   /* the list keeps it */
}

static void
edit_negative_cell (RamingDocument *d)
{
  set_cell_text (d, "poh", "realistic", "-5.000");
}

static void
edit_value_outside_range (RamingDocument *d)
{
  RamingAssumption *a = raming_document_find_assumption (d, "macro_aandeel");
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (0.02);

  raming_document_begin_edit (d, NULL);
  raming_document_edit (d, a, "low", 0.008, "high", 0.01, NULL);
  raming_document_edit (d, a, "input", input, NULL);
  raming_document_end_edit (d);
}

static void
edit_macro_share_two (RamingDocument *d)
{
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (2);

  raming_document_edit (d, raming_document_find_assumption (d, "macro_aandeel"), "input", input, NULL);
}

static void
edit_coverage (RamingDocument *d)
{
  raming_document_edit (d, raming_document_find_partner (d, "huisartsen"), "coverage", 1.5, NULL);
}

static void
edit_action_title (RamingDocument *d)
{
  raming_document_edit (d, first_action (d), "title", "", NULL);
}

static void
edit_action_due (RamingDocument *d)
{
  raming_document_edit (d, first_action (d), "due", "najaar 2021", NULL);
}

static void
edit_duplicate_measure_id (RamingDocument *d)
{
  raming_document_edit (d, raming_document_find_measure (d, "poh"), "id", "bso_plus", NULL);
}

static void
edit_measure_id_space (RamingDocument *d)
{
  raming_document_edit (d, raming_document_find_measure (d, "poh"), "id", "met spatie", NULL);
}

static void
edit_second_macro_share (RamingDocument *d)
{
  raming_document_edit (d, raming_document_find_assumption (d, "poh_besparing_2019"),
                        "role", RAMING_ASSUMPTION_ROLE_MACRO_SHARE, NULL);
}

static void
edit_duplicate_key (RamingDocument *d)
{
  raming_document_edit (d, raming_document_find_assumption (d, "poh_besparing_2019"), "key", "bso_plus_kinderen", NULL);
}

static void
edit_negative_count (RamingDocument *d)
{
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (-3);

  raming_document_edit (d, raming_document_find_assumption (d, "poh_trajecten_2019"), "input", input, NULL);
}

static void
edit_document_date (RamingDocument *d)
{
  raming_document_edit (d, d, "date", "gisteren", NULL);
}

static void
edit_nest_nine_deep (RamingDocument *d)
{
  GListModel *list = raming_document_get_measures (d);

  raming_document_begin_edit (d, NULL);
  for (guint k = 0; k < 9; k++)
    {
      g_autofree char *id = g_strdup_printf ("groep_%u", k);
      g_autoptr(RamingMeasure) group = raming_measure_new_group (id, id);

      raming_document_insert_item (d, list, 0, group);
      list = raming_measure_get_children (group);
    }
  {
    /* A measure in the ninth group: at depth 9. An empty group at depth
     * 8 is fine. */
    g_autoptr(RamingMeasure) m = raming_measure_new ("te_diep", "Te diep");

    raming_document_insert_item (d, list, 0, m);
  }
  raming_document_end_edit (d);
}

static void
test_save_refuses_unreadable (void)
{
  static const UnsafeEdit edits[] = {
    { "a cell typed as -5.000", "savings are entered as positive amounts", edit_negative_cell },
    { "a value outside its own range", "lies outside its own range", edit_value_outside_range },
    { "a macro share of 2", "is not a share of the national budget", edit_macro_share_two },
    { "a coverage of 150 %", "is more than 100 %", edit_coverage },
    { "an action without a title", "actions[0].title", edit_action_title },
    { "a due date in words", "is not a date like", edit_action_due },
    { "two measures with one id", "is already the id of", edit_duplicate_measure_id },
    { "an id with a space", "cannot be used in formulas", edit_measure_id_space },
    { "a second macro share", "assumptions[2]", edit_second_macro_share },
    { "two assumptions with one key", "is used by two assumptions", edit_duplicate_key },
    { "a negative count", "cannot be below zero", edit_negative_count },
    { "a document date in words", "metadata.date", edit_document_date },
    { "a measure in groups nested 9 deep", "nested more than 8 deep", edit_nest_nine_deep },
  };
  g_autofree char *dir = g_dir_make_tmp ("raming-unsafe-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analyse.raming", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(RamingDocument) document = load_path (example);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_true (raming_document_save_to_file (document, file, TRUE, NULL, &error));
      g_assert_no_error (error);
      before = read_file (path, NULL);

      edits[i].edit (document);
      g_assert_true (raming_document_get_modified (document));
      g_assert_false (raming_document_save_to_file (document, file, TRUE, NULL, &error));
      g_test_message ("%s: %s", edits[i].what, error->message);
      g_assert_nonnull (strstr (error->message, "could not be opened again"));
      if (strstr (error->message, edits[i].message) == NULL)
        g_error ("%s: expected “%s” in “%s”", edits[i].what, edits[i].message, error->message);
      g_clear_error (&error);

      /* Nothing was written, and the document still has the edit. */
      after = read_file (path, NULL);
      g_assert_cmpstr (after, ==, before);
      g_assert_true (raming_document_get_modified (document));

      /* Undone, it saves. */
      g_assert_true (raming_document_undo (document));
      g_assert_true (raming_document_save_to_file (document, file, TRUE, NULL, &error));
      g_assert_no_error (error);
    }

  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Two processes, one file                                             */

/* Both have the file open; this process saves first; the other one's
 * save is refused and ours stays on disk, with the backup untouched. */
static void
test_two_processes_other_second (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-two-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analyse.raming", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(RamingDocument) ours = load_path (example);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *loaded_line = NULL;
  g_autofree char *now = NULL;
  g_autofree char *backup_now = NULL;
  Child other;
  int status;

  g_assert_true (raming_document_save_to_file (ours, file, TRUE, NULL, &error));
  first = read_file (path, NULL);

  child_start (&other, "--other", path, NULL);
  loaded_line = child_read_line (&other);
  g_assert_cmpstr (loaded_line, ==, "loaded");

  raming_document_edit (ours, ours, "title", "Onze versie", NULL);
  g_assert_true (raming_document_save_to_file (ours, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  mine = read_file (path, NULL);

  child_write_line (&other, "save");
  status = child_wait (&other);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);   /* CHANGED_ON_DISK */

  now = read_file (path, NULL);
  g_assert_cmpstr (now, ==, mine);
  backup_now = read_file (backup, NULL);
  g_assert_cmpstr (backup_now, ==, first);
  {
    g_autoptr(RamingDocument) check = load_path (path);

    g_assert_cmpstr (raming_document_get_title (check), ==, "Onze versie");
  }

  remove_tree (dir);
}

/* The other process saves first; our save with the check is refused,
 * theirs stays; asked to overwrite, ours goes through. */
static void
test_two_processes_we_second (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-two-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analyse.raming", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(RamingDocument) ours = load_path (example);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  g_autofree char *loaded_line = NULL;
  Child other;
  int status;

  g_assert_true (raming_document_save_to_file (ours, file, TRUE, NULL, &error));

  child_start (&other, "--other", path, NULL);
  loaded_line = child_read_line (&other);
  g_assert_cmpstr (loaded_line, ==, "loaded");
  child_write_line (&other, "save");
  status = child_wait (&other);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  theirs = read_file (path, NULL);
  g_assert_nonnull (strstr (theirs, "Versie van de ander"));

  raming_document_edit (ours, ours, "title", "Onze versie", NULL);
  g_assert_false (raming_document_save_to_file (ours, file, TRUE, NULL, &error));
  g_assert_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (raming_document_get_modified (ours));
  now = read_file (path, NULL);
  g_assert_cmpstr (now, ==, theirs);

  g_assert_true (raming_document_save_to_file (ours, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RamingDocument) check = load_path (path);

    g_assert_cmpstr (raming_document_get_title (check), ==, "Onze versie");
  }

  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Undo                                                                */

/* Switching the language rewrites the formulas; undo gives back the
 * formulas exactly as the adviser wrote them, not rewritten twice. */
static void
test_undo_language_exact (void)
{
  const char *text =
    "{\"format\":\"raming\",\"version\":1,\"metadata\":{\"language\":\"nl\"},"
    "\"assumptions\":[{\"key\":\"aandeel\",\"value\":\"=0,89%\",\"unit\":\"percent\"},"
    "{\"key\":\"basis\",\"value\":1000000}],"
    "\"measures\":[{\"id\":\"m\",\"realistic\":\"=MAX(basis * aandeel; 1,5e3)\","
    "\"results\":[{\"value\":\"=2e5\"}]}]}";
  g_autoptr(RamingDocument) document = load_text (text, -1);
  g_autofree char *original = raming_document_save_to_data (document, NULL);
  g_autofree char *english = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  RamingMeasure *m = raming_document_find_measure (document, "m");

  raming_document_set_language (document, RAMING_LANGUAGE_EN);
  g_assert_true (raming_document_get_modified (document));
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_measure_get_input (m, RAMING_COLUMN_REALISTIC)),
                   ==, "=max(basis * aandeel, 1500)");
  english = raming_document_save_to_data (document, NULL);

  /* One step, language and formulas together. */
  g_assert_true (raming_document_undo (document));
  g_assert_false (raming_document_get_can_undo (document));
  g_assert_false (raming_document_get_modified (document));
  undone = raming_document_save_to_data (document, NULL);
  g_assert_cmpstr (undone, ==, original);
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_measure_get_input (m, RAMING_COLUMN_REALISTIC)),
                   ==, "=MAX(basis * aandeel; 1,5e3)");
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC)), ==, 8900);

  g_assert_true (raming_document_redo (document));
  redone = raming_document_save_to_data (document, NULL);
  g_assert_cmpstr (redone, ==, english);
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC)), ==, 8900);
}

/* A formula that cannot be read is kept as written when the language
 * changes, and then read as the saved file will be: what the cell shows
 * is what the file gives when it is opened again. */
static void
test_language_unreadable_formula (void)
{
  const char *text =
    "{\"format\":\"raming\",\"version\":1,\"metadata\":{\"language\":\"nl\"},"
    "\"measures\":[{\"id\":\"m\",\"realistic\":\"=max(1,5,2)\"}]}";
  g_autoptr(RamingDocument) document = load_text (text, -1);
  g_autoptr(RamingDocument) reloaded = NULL;
  g_autofree char *saved = NULL;
  RamingCell *cell = raming_measure_get_cell (raming_document_find_measure (document, "m"),
                                              RAMING_COLUMN_REALISTIC);

  g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_ERROR);

  raming_document_set_language (document, RAMING_LANGUAGE_EN);
  g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_VALUE);
  g_assert_cmpfloat (raming_cell_get_value (cell), ==, 5);
  saved = raming_document_save_to_data (document, NULL);
  g_assert_nonnull (strstr (saved, "\"=max(1,5,2)\""));
  reloaded = load_text (saved, -1);
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (raming_document_find_measure (reloaded, "m"),
                                                                     RAMING_COLUMN_REALISTIC)), ==, 5);

  g_assert_true (raming_document_undo (document));
  g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_ERROR);
}

/* ------------------------------------------------------------------ */
/* Random documents                                                    */

static gboolean
close_enough (double a,
              double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) <= 1e-6 * (1 + fabs (b));
}

/* The saved text loads, saves to the same text, and the fresh document
 * computes what the live one shows. */
static void
check_reload (RamingDocument *live,
              const char     *text,
              const char     *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) fresh = raming_document_load_from_data (text, -1, &error);
  g_autofree char *again = NULL;
  RamingTotals *a, *b;

  if (fresh == NULL)
    g_error ("after %s the saved document does not load: %s\n%s", what, error->message, text);
  again = raming_document_save_to_data (fresh, NULL);
  if (!g_str_equal (text, again))
    g_error ("after %s save → load → save differs:\n%s\n---\n%s", what, text, again);

  a = raming_document_get_totals (live);
  b = raming_document_get_totals (fresh);
  for (RamingTotal t = 0; t < RAMING_N_TOTALS; t++)
    if (!close_enough (raming_totals_get (a, t), raming_totals_get (b, t)))
      g_error ("after %s the live %s is %.17g, loaded anew %.17g", what,
               raming_total_to_property (t), raming_totals_get (a, t), raming_totals_get (b, t));
  if (g_list_model_get_n_items (raming_document_get_errors (live)) !=
      g_list_model_get_n_items (raming_document_get_errors (fresh)))
    g_error ("after %s the live document has %u errors, loaded anew %u", what,
             g_list_model_get_n_items (raming_document_get_errors (live)),
             g_list_model_get_n_items (raming_document_get_errors (fresh)));
}

static void
count_measure (gpointer item,
               gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Random documents: they load, save → load → save gives the same text,
 * the reloaded document computes and exports exactly the same, and so
 * does it after switching the document's language (the fuzz body). */
static void
test_random_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed_for (1));
  guint n = scaled (500);
  guint n_measures = 0, n_with_errors = 0, n_assumptions = 0;
  gsize n_bytes = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_document_text (rand, 1 + i % 12);
      g_autoptr(GError) error = NULL;
      g_autoptr(RamingDocument) document = raming_document_load_from_data (text, -1, &error);
      g_autofree char *saved = NULL;

      if (document == NULL)
        g_error ("random document %u does not load: %s\n%s", i, error->message, text);
      saved = raming_document_save_to_data (document, NULL);
      check_reload (document, saved, "loading");

      raming_fuzz_document ((const guint8 *) text, strlen (text));

      raming_document_foreach_measure (document, count_measure, &n_measures);
      n_assumptions += g_list_model_get_n_items (raming_document_get_assumptions (document));
      n_with_errors += g_list_model_get_n_items (raming_document_get_errors (document)) > 0;
      n_bytes += strlen (text);
    }

  g_test_message ("%u random documents round-tripped (%u measures, %u assumptions, "
                  "%u with formula errors, %" G_GSIZE_FORMAT " KB)",
                  n, n_measures, n_assumptions, n_with_errors, n_bytes / 1024);
}

static GPtrArray *
text_list_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* Appends text unless it equals the last one. */
static void
text_list_push (GPtrArray *list,
                char      *text)
{
  if (list->len > 0 && g_str_equal (list->pdata[list->len - 1], text))
    g_free (text);
  else
    g_ptr_array_add (list, text);
}

/* Random edits of every kind on random documents. After each edit the
 * document saves to a file that loads and computes the same; undoing
 * them one by one passes through every earlier state in reverse, back
 * to the original text; redo all gives the last state again. */
static void
test_random_edits_undo (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed_for (2));
  guint n_documents = scaled (40);
  guint n_edits = 50;
  guint n_steps = 0;

  for (guint d = 0; d < n_documents; d++)
    {
      g_autofree char *text = random_document_text (rand, 3 + d % 8);
      g_autoptr(RamingDocument) document = load_text (text, -1);
      g_autoptr(GPtrArray) forward = text_list_new ();
      g_autoptr(GPtrArray) backward = text_list_new ();
      g_autoptr(GString) log = g_string_new (NULL);
      const char *original;
      const char *last;

      text_list_push (forward, raming_document_save_to_data (document, NULL));
      original = forward->pdata[0];
      g_assert_false (raming_document_get_modified (document));

      for (guint e = 0; e < n_edits; e++)
        {
          char *now;
          g_autofree char *what = NULL;
          gsize before = log->len;

          random_document_edit (document, rand, log);
          what = g_strdup_printf ("edit %u of document %u (%s)", e, d, log->str + before);
          now = raming_document_save_to_data (document, NULL);
          check_reload (document, now, what);
          text_list_push (forward, now);
        }
      last = forward->pdata[forward->len - 1];

      /* Undo, step by step. */
      text_list_push (backward, raming_document_save_to_data (document, NULL));
      while (raming_document_undo (document))
        {
          n_steps++;
          text_list_push (backward, raming_document_save_to_data (document, NULL));
        }
      for (guint i = 0; i < MIN (forward->len, backward->len); i++)
        if (!g_str_equal (forward->pdata[forward->len - 1 - i], backward->pdata[i]))
          g_error ("document %u: undo step %u gives another state than the edits passed through.\n"
                   "Edits: %s\nExpected:\n%s\n---\nGot:\n%s", d, i, log->str,
                   (char *) forward->pdata[forward->len - 1 - i], (char *) backward->pdata[i]);
      g_assert_cmpuint (backward->len, ==, forward->len);
      g_assert_false (raming_document_get_modified (document));

      /* Redo all, then undo all once more. */
      while (raming_document_redo (document))
        ;
      {
        g_autofree char *redone = raming_document_save_to_data (document, NULL);

        g_assert_cmpstr (redone, ==, last);
        g_assert_true (raming_document_get_modified (document) || g_str_equal (last, original));
      }
      while (raming_document_undo (document))
        ;
      {
        g_autofree char *undone = raming_document_save_to_data (document, NULL);

        g_assert_cmpstr (undone, ==, original);
      }
    }

  g_test_message ("%u documents × %u random edits; %u undo steps, each compared with the state before it",
                  n_documents, n_edits, n_steps);
}

int
main (int   argc,
      char *argv[])
{
  self_path = g_canonicalize_filename (argv[0], NULL);

  if (argc == 5 && g_str_equal (argv[1], "--saver"))
    return run_saver (argv[2], argv[3], argv[4]);
  if (argc == 3 && g_str_equal (argv[1], "--other"))
    return run_other (argv[2]);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reliability/hostile/files", test_hostile_files);
  g_test_add_func ("/reliability/hostile/huge", test_hostile_huge);
  g_test_add_func ("/reliability/hostile/cycle", test_hostile_cycle);
  g_test_add_func ("/reliability/save/killed", test_save_killed);
  g_test_add_func ("/reliability/save/hardlinked", test_save_hardlinked);
  g_test_add_func ("/reliability/save/refuses-unreadable", test_save_refuses_unreadable);
  g_test_add_func ("/reliability/save/two-processes/other-second", test_two_processes_other_second);
  g_test_add_func ("/reliability/save/two-processes/we-second", test_two_processes_we_second);
  g_test_add_func ("/reliability/undo/language-exact", test_undo_language_exact);
  g_test_add_func ("/reliability/undo/language-unreadable-formula", test_language_unreadable_formula);
  g_test_add_func ("/reliability/random/round-trip", test_random_round_trip);
  g_test_add_func ("/reliability/random/edits-undo", test_random_edits_undo);

  return g_test_run ();
}
