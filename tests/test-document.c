/* test-document.c: the file format and the note table of the example
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "raming-document.h"
#include "raming-note-table.h"

static RamingDocument *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "zwolle-2021.raming", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RamingDocument *document = raming_document_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
example_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "zwolle-2021.raming", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The example's table equals the reference table of the note, cell by
 * cell: the golden file was typed in by hand from domain.md. */
static void
test_example_reference_table (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "zwolle-2021.reference.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint row = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const RamingNoteRow *note_row;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);

      if (row < raming_note_table_get_n_rows (table))
        note_row = raming_note_table_get_row (table, row);
      else
        {
          g_assert_cmpuint (row, ==, raming_note_table_get_n_rows (table));
          note_row = raming_note_table_get_total (table);
        }

      g_test_message ("row %u: %s", row, fields[0]);
      g_assert_cmpstr (note_row->title, ==, fields[0]);
      for (guint c = 0; c < RAMING_N_COLUMNS; c++)
        g_assert_cmpstr (note_row->cells[c].text, ==, fields[c + 1]);
      row++;
    }

  /* Every row of the table was compared, and the totals row last. */
  g_assert_cmpuint (row, ==, raming_note_table_get_n_rows (table) + 1);
  g_assert_cmpuint (raming_note_table_get_n_rows (table), ==, 11);
}

static void
test_example_figures (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  RamingTotals *totals = raming_document_get_totals (document);
  static const struct {
    const char *id;
    double national;
  } expected[] = {
    { "poh", 667500 },
    { "afbakening_wlz", 640800 },
    { "wijkteam_zelf_hulp", 71200 },
    { "afbakening_onderwijs", 577165 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RamingMeasure *m = raming_document_find_measure (document, expected[i].id);
      RamingCell *cell = raming_measure_get_cell (m, RAMING_COLUMN_NATIONAL);

      g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_VALUE);
      g_assert_cmpfloat_with_epsilon (raming_cell_get_value (cell), expected[i].national, 1e-6);
    }

  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_RESULT), 951000, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_ORIGINAL), 4700000, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), 1450000, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_TARGET), 4700000, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_GAP), 3250000, 1e-6);
  g_assert_true (raming_totals_get_has_target (totals));
  g_assert_cmpuint (raming_totals_get_n_errors (totals), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (raming_document_get_errors (document)), ==, 0);

  /* The band lies inside the extremes and is ordered. */
  g_assert_true (raming_totals_get_has_band (totals));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC_LOW), <=, raming_totals_get (totals, RAMING_TOTAL_P10));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P10), <, raming_totals_get (totals, RAMING_TOTAL_P50));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P50), <, raming_totals_get (totals, RAMING_TOTAL_P90));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P90), <=, raming_totals_get (totals, RAMING_TOTAL_REALISTIC_HIGH));

  /* The contents of section H and the partners of the seeds. */
  g_assert_cmpuint (g_list_model_get_n_items (raming_document_get_actions (document)), ==, 10);
  g_assert_nonnull (raming_document_find_partner (document, "huisartsen"));
  g_assert_cmpfloat (raming_partner_get_field (raming_document_find_partner (document, "huisartsen"),
                                               RAMING_PARTNER_FIELD_COVERAGE), ==, 0.8);
}

static void
test_example_english (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_EN);
  const RamingNoteRow *total = raming_note_table_get_total (table);
  const RamingNoteRow *wlz = raming_note_table_get_row (table, 1);

  g_assert_cmpstr (raming_note_table_get_header (table, 0), ==, "Measure");
  g_assert_cmpstr (raming_note_table_get_header (table, 4), ==, "Realistic estimate Zwolle (total)");
  g_assert_cmpstr (total->title, ==, "Total");
  g_assert_cmpstr (total->cells[RAMING_COLUMN_REALISTIC].text, ==, "1,450,000");
  g_assert_cmpstr (wlz->cells[RAMING_COLUMN_RESULT].text, ==, "Unknown");
  g_assert_cmpstr (wlz->cells[RAMING_COLUMN_NATIONAL].text, ==, "641,000");
}

/* Whatever the process locale, the numbers follow the document. */
static void
test_locale_independent (void)
{
  g_autoptr(RamingDocument) document = NULL;
  g_autoptr(RamingNoteTable) table = NULL;
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL && setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  document = load_example ();
  table = raming_note_table_new (document, RAMING_LANGUAGE_EN);
  g_assert_cmpstr (raming_note_table_get_total (table)->cells[RAMING_COLUMN_REALISTIC].text, ==, "1,450,000");
  setlocale (LC_ALL, saved);
}

static void
test_round_trip (void)
{
  g_autoptr(RamingDocument) first = load_example ();
  g_autoptr(RamingDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length;

  saved = raming_document_save_to_data (first, &length);
  second = raming_document_load_from_data (saved, length, &error);
  g_assert_no_error (error);
  saved_again = raming_document_save_to_data (second, NULL);

  g_assert_cmpstr (saved, ==, saved_again);
  g_assert_true (raming_document_equal (first, second));

  /* Numbers are written the way people type them. */
  g_assert_nonnull (strstr (saved, "\"value\": 0.0089"));
  g_assert_nonnull (strstr (saved, "\"value\": 4700000"));
}

/* Fields this version does not know are kept, at every level. */
static void
test_unknown_fields_kept (void)
{
  g_autofree char *text = example_text ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = NULL;
  g_autoptr(JsonParser) reparsed = json_parser_new ();
  g_autofree char *modified = NULL;
  g_autofree char *saved = NULL;
  JsonObject *root, *measure, *group, *child;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));

  json_object_set_string_member (root, "x_root", "root");
  json_object_set_int_member (json_object_get_object_member (root, "metadata"), "x_meta", 1);
  json_object_set_boolean_member (json_object_get_object_member (root, "settings"), "x_settings", TRUE);
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "sources"), 0), "x_source", "s");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "assumptions"), 0), "x_assumption", "a");
  measure = json_array_get_object_element (json_object_get_array_member (root, "measures"), 0);
  json_object_set_string_member (measure, "x_measure", "m");
  json_object_set_string_member (json_object_get_object_member (measure, "realistic"), "x_cell", "c");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (measure, "national_estimates"), 0), "x_estimate", "e");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (measure, "results"), 0), "x_result", "r");
  group = json_array_get_object_element (json_object_get_array_member (root, "measures"), 3);
  child = json_array_get_object_element (json_object_get_array_member (group, "children"), 0);
  json_object_set_string_member (child, "x_child", "k");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "partners"), 0), "x_partner", "p");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "actions"), 0), "x_action", "t");

  json_generator_set_root (generator, json_parser_get_root (parser));
  modified = json_generator_to_data (generator, NULL);

  document = raming_document_load_from_data (modified, -1, &error);
  g_assert_no_error (error);
  saved = raming_document_save_to_data (document, NULL);

  g_assert_true (json_parser_load_from_data (reparsed, saved, -1, &error));
  root = json_node_get_object (json_parser_get_root (reparsed));
  g_assert_cmpstr (json_object_get_string_member (root, "x_root"), ==, "root");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "metadata"), "x_meta"), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root, "settings"), "x_settings"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "sources"), 0), "x_source"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "assumptions"), 0), "x_assumption"), ==, "a");
  measure = json_array_get_object_element (json_object_get_array_member (root, "measures"), 0);
  g_assert_cmpstr (json_object_get_string_member (measure, "x_measure"), ==, "m");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (measure, "realistic"), "x_cell"), ==, "c");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (measure, "national_estimates"), 0), "x_estimate"), ==, "e");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (measure, "results"), 0), "x_result"), ==, "r");
  group = json_array_get_object_element (json_object_get_array_member (root, "measures"), 3);
  child = json_array_get_object_element (json_object_get_array_member (group, "children"), 0);
  g_assert_cmpstr (json_object_get_string_member (child, "x_child"), ==, "k");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "partners"), 0), "x_partner"), ==, "p");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "actions"), 0), "x_action"), ==, "t");
}

static void
test_save_atomic_with_backup (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("raming-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analyse.raming", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *in_backup = NULL;
  RamingAssumption *macro;
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (0.0095);

  g_assert_true (raming_document_save_to_file (document, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (raming_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  macro = raming_document_find_assumption (document, "macro_aandeel");
  raming_document_edit (document, macro, "input", input, NULL);
  g_assert_true (raming_document_get_modified (document));

  g_assert_true (raming_document_save_to_file (document, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_true (g_file_get_contents (backup, &in_backup, NULL, NULL));
  g_assert_cmpstr (in_backup, ==, first);
  g_assert_nonnull (strstr (on_disk, "0.0095"));

  /* No temporary file is left beside it. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)))
      n++;
    g_assert_cmpuint (n, ==, 2);
  }

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

/* Someone else saved the file: ours is refused, theirs stays. */
static void
test_changed_on_disk (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("raming-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analyse.raming", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(RamingDocument) other = NULL;

  g_assert_true (raming_document_save_to_file (document, file, TRUE, NULL, &error));

  /* The other one opens, edits and saves; the etag changes. */
  other = raming_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_usleep (G_USEC_PER_SEC / 50);
  raming_document_edit (other, other, "title", "Hun versie", NULL);
  g_assert_true (raming_document_save_to_file (other, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

  raming_document_edit (document, document, "title", "Onze versie", NULL);
  g_assert_false (raming_document_save_to_file (document, file, TRUE, NULL, &error));
  g_assert_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  {
    g_autofree char *now = NULL;

    g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
    g_assert_cmpstr (now, ==, theirs);
  }

  /* Asked to overwrite, it does. */
  g_assert_true (raming_document_save_to_file (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

/* Every broken file gives its own message and no document. */
static void
test_broken_files (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RamingDocument) document = NULL;

      if (!g_str_has_suffix (name, ".raming"))
        continue;

      path = g_build_filename (dir, name, NULL);
      stem = g_strndup (path, strlen (path) - strlen (".raming"));
      expected_path = g_strconcat (stem, ".expected", NULL);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      g_strchomp (expected);

      file = g_file_new_for_path (path);
      document = raming_document_load_from_file (file, NULL, &error);
      g_test_message ("%s: %s", name, error ? error->message : "(loaded)");
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (error->domain == RAMING_DOCUMENT_ERROR);
      if (strstr (error->message, expected) == NULL)
        g_error ("%s: expected “%s” in “%s”", name, expected, error->message);
      n++;
    }
  g_assert_cmpuint (n, >=, 30);
}

/* A huge file is refused before it is read. */
static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("raming-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.raming", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = NULL;
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, RAMING_MAX_FILE_SIZE + 1, SEEK_SET), ==, 0);
  fputc ('}', f);
  fclose (f);

  document = raming_document_load_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

/* What the loader's reader allows beyond plain JSON, what it refuses,
 * and in which of the loader's words. */
static void
test_json_allowances (void)
{
  static const char *with_comments =
    "\xEF\xBB\xBF// a hand-edited file\n"
    "{ /* kind */ \"format\": \"raming\", \"version\": 1, // the version\n"
    "  \"metadata\": {\"title\": \"Met /* geen */ commentaar\"}}\n";
  static const struct
  {
    const char *text;
    int         code;
    const char *message;
  } refused[] = {
    { "{\"format\": \"raming\", \"version\": 1,\n \"metadata\": {\"title\": \"a\", \"title\": \"b\"}}",
      RAMING_DOCUMENT_ERROR_DUPLICATE,
      "The file is damaged or not a Raming document (line 2, column 29: metadata has “title” twice)" },
    { "{\"format\": \"raming\", \"version\": 1} []",
      RAMING_DOCUMENT_ERROR_NOT_JSON,
      "The file is damaged or not a Raming document (there is more after its end)" },
    { " /* nothing */ \n",
      RAMING_DOCUMENT_ERROR_NOT_RAMING,
      "The file is not a Raming document" },
    { "{\"format\": \"raming\", \"version\": 01}",
      RAMING_DOCUMENT_ERROR_NOT_JSON,
      "The file is damaged or not a Raming document (line 1, column 33: a number cannot start with 0 (write 7, not 07))" },
    { "{\"format\": \"raming\", \"version\": 1, \"metadata\": {\"title\": \"a\\u0000b\"}}",
      RAMING_DOCUMENT_ERROR_NOT_JSON,
      "The file is damaged or not a Raming document (line 1, column 60: \\u0000 (the character zero) cannot be used in text)" },
    { "{\"format\": \"raming\", \"version\": 9223372036854775808}",
      RAMING_DOCUMENT_ERROR_NOT_RAMING,
      "version: the file does not say which version of the format it uses" },
    /* Not UTF-8 anywhere, also after another problem: its own message. */
    { "{\"format\": \"raming\", \"version\": 1,, \"metadata\": {\"title\": \"\xff\"}}",
      RAMING_DOCUMENT_ERROR_NOT_JSON,
      "The file is not a Raming document: it is not text (UTF-8)" },
    { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\xc3\"",
      RAMING_DOCUMENT_ERROR_NOT_JSON,
      "The file is not a Raming document: it is not text (UTF-8)" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = NULL;

  document = raming_document_load_from_data (with_comments, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (raming_document_get_title (document), ==, "Met /* geen */ commentaar");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) refusal = NULL;
      g_autoptr(RamingDocument) none = raming_document_load_from_data (refused[i].text, -1, &refusal);

      g_assert_null (none);
      g_assert_error (refusal, RAMING_DOCUMENT_ERROR, refused[i].code);
      g_assert_cmpstr (refusal->message, ==, refused[i].message);
    }
}

/* Dutch documents write decimals with a comma and ';' between arguments;
 * switching language rewrites formulas so that they keep their value. */
static void
test_dutch_formulas_and_language_switch (void)
{
  const char *text =
    "{\"format\":\"raming\",\"version\":1,\"metadata\":{\"language\":\"nl\"},"
    "\"assumptions\":[{\"key\":\"aandeel\",\"value\":\"=0,89%\",\"unit\":\"percent\"},"
    "{\"key\":\"basis\",\"value\":1000000}],"
    "\"measures\":[{\"id\":\"m\",\"realistic\":\"=max(basis * aandeel; 1,5e3)\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = raming_document_load_from_data (text, -1, &error);
  RamingMeasure *m;
  RamingCell *cell;
  RamingCellInput *input;

  g_assert_no_error (error);
  m = raming_document_find_measure (document, "m");
  cell = raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC);
  g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_VALUE);
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (cell), 8900, 1e-6);

  raming_document_set_language (document, RAMING_LANGUAGE_EN);
  input = raming_measure_get_input (m, RAMING_COLUMN_REALISTIC);
  g_assert_cmpstr (raming_cell_input_get_formula_text (input), ==, "=max(basis * aandeel, 1500)");
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (cell), 8900, 1e-6);
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_assumption_get_input (raming_document_find_assumption (document, "aandeel"))),
                   ==, "=0.89%");
}

/* Renaming an assumption rewrites every formula that uses it — other
 * assumptions, a figure and its range, results — in the step of the key
 * itself: one undo puts all back, one redo does it again. */
static void
test_rename_assumption (void)
{
  const char *text =
    "{\"format\":\"raming\",\"version\":1,\"metadata\":{\"language\":\"nl\"},"
    "\"assumptions\":[{\"key\":\"aandeel\",\"value\":\"=0,89%\",\"unit\":\"percent\"},"
    "{\"key\":\"basis\",\"value\":1000000},{\"key\":\"basisbedrag\",\"value\":5},"
    "{\"key\":\"deel\",\"value\":\"=basis * aandeel\"}],"
    "\"measures\":[{\"id\":\"m\",\"realistic\":{\"formula\":\"=max(basis * aandeel; 1,5e3)\","
    "\"low\":\"=basis * aandeel / 2\",\"high\":2000000},"
    "\"results\":[{\"value\":\"=basis / 100\",\"label\":\"2020\"}],\"original\":\"=basisbedrag\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = raming_document_load_from_data (text, -1, &error);
  RamingAssumption *basis;
  RamingMeasure *m;
  g_autoptr(RamingResultEntry) result = NULL;
  RamingCellInput *realistic;

  g_assert_no_error (error);
  basis = raming_document_find_assumption (document, "basis");
  m = raming_document_find_measure (document, "m");
  result = g_list_model_get_item (raming_measure_get_results (m), 0);
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC)), 8900, 1e-6);

  raming_document_edit (document, basis, "key", "grondslag", NULL);
  g_assert_true (raming_document_find_assumption (document, "grondslag") == basis);
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_assumption_get_input (raming_document_find_assumption (document, "deel"))),
                   ==, "=grondslag * aandeel");
  realistic = raming_measure_get_input (m, RAMING_COLUMN_REALISTIC);
  g_assert_cmpstr (raming_cell_input_get_formula_text (realistic), ==, "=max(grondslag * aandeel; 1500)");
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_cell_input_get_low (realistic)), ==, "=grondslag * aandeel / 2");
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_result_entry_get_input (result)), ==, "=grondslag / 100");
  /* A name that only begins like it is another name */
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_measure_get_input (m, RAMING_COLUMN_ORIGINAL)), ==, "=basisbedrag");
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC)), 8900, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (m, RAMING_COLUMN_RESULT)), 10000, 1e-6);

  g_assert_true (raming_document_undo (document));
  g_assert_false (raming_document_get_can_undo (document));
  g_assert_true (raming_document_find_assumption (document, "basis") == basis);
  realistic = raming_measure_get_input (m, RAMING_COLUMN_REALISTIC);
  g_assert_cmpstr (raming_cell_input_get_formula_text (realistic), ==, "=max(basis * aandeel; 1,5e3)");
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_cell_input_get_low (realistic)), ==, "=basis * aandeel / 2");
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_result_entry_get_input (result)), ==, "=basis / 100");
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC)), 8900, 1e-6);

  g_assert_true (raming_document_redo (document));
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_measure_get_input (m, RAMING_COLUMN_REALISTIC)),
                   ==, "=max(grondslag * aandeel; 1500)");
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (m, RAMING_COLUMN_REALISTIC)), 8900, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/document/example/reference-table", test_example_reference_table);
  g_test_add_func ("/document/example/figures", test_example_figures);
  g_test_add_func ("/document/example/english", test_example_english);
  g_test_add_func ("/document/locale-independent", test_locale_independent);
  g_test_add_func ("/document/round-trip", test_round_trip);
  g_test_add_func ("/document/unknown-fields-kept", test_unknown_fields_kept);
  g_test_add_func ("/document/save/atomic-with-backup", test_save_atomic_with_backup);
  g_test_add_func ("/document/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/document/load/broken-files", test_broken_files);
  g_test_add_func ("/document/load/too-large", test_too_large);
  g_test_add_func ("/document/load/json-allowances", test_json_allowances);
  g_test_add_func ("/document/dutch-formulas-and-language-switch", test_dutch_formulas_and_language_switch);
  g_test_add_func ("/document/rename-assumption", test_rename_assumption);

  return g_test_run ();
}
