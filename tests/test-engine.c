/* test-engine.c: live recalculation, errors on cells, undo
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "raming-document.h"
#include "raming-explain.h"
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
  return document;
}

static RamingDocument *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  RamingDocument *document = raming_document_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  return document;
}

static RamingCell *
cell_of (RamingDocument *document,
         const char     *id,
         RamingColumn    column)
{
  RamingMeasure *m = raming_document_find_measure (document, id);

  g_assert_nonnull (m);
  return raming_measure_get_cell (m, column);
}

static void
set_input_text (RamingDocument *document,
                gpointer        object,
                const char     *property,
                const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingCellInput) input = raming_cell_input_new_from_text (text,
                                                                      raming_document_get_language (document),
                                                                      &error);

  g_assert_no_error (error);
  raming_document_edit (document, object, property, input, NULL);
}

/* ------------------------------------------------------------------ */
/* Which objects notify                                                */

typedef struct
{
  GHashTable *notified;   /* "object-name:property" set */
} Recorder;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Recorder   *recorder)
{
  const char *name = g_object_get_data (object, "test-name");

  g_hash_table_add (recorder->notified, g_strdup_printf ("%s:%s", name, pspec->name));
}

static void
watch (GObject    *object,
       const char *name,
       Recorder   *recorder)
{
  g_object_set_data_full (object, "test-name", g_strdup (name), g_free);
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), recorder);
}

static void
watch_measure (gpointer item,
               gpointer user_data)
{
  RamingMeasure *m = item;
  static const char *columns[] = { "national", "result", "original", "realistic" };

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", raming_measure_get_id (m), columns[c]);

      watch (G_OBJECT (raming_measure_get_cell (m, c)), name, user_data);
    }
}

static Recorder *
recorder_new (RamingDocument *document)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  raming_document_foreach_measure (document, watch_measure, recorder);
  watch (G_OBJECT (raming_document_get_totals (document)), "totals", recorder);
  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_hash_table_unref (recorder->notified);
  g_free (recorder);
}

static char *
recorder_dump (Recorder *recorder)
{
  GList *keys = g_list_sort (g_hash_table_get_keys (recorder->notified), (GCompareFunc) g_strcmp0);
  GString *out = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (out, "%s%s", out->len ? " " : "", (char *) l->data);
  g_list_free (keys);
  return g_string_free (out, FALSE);
}

/* Changing the macro share recomputes the national column and its total,
 * and nothing else announces a change. */
static void
test_incremental_macro_share (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  Recorder *recorder = recorder_new (document);
  RamingAssumption *macro = raming_document_find_assumption (document, "macro_aandeel");
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (0.0095);
  g_autofree char *dump = NULL;

  raming_document_edit (document, macro, "input", input, NULL);
  dump = recorder_dump (recorder);
  g_test_message ("notified: %s", dump);

  g_assert_cmpstr (dump, ==,
                   "afbakening_onderwijs.national:high "
                   "afbakening_onderwijs.national:low "
                   "afbakening_onderwijs.national:value "
                   "afbakening_wlz.national:high "
                   "afbakening_wlz.national:low "
                   "afbakening_wlz.national:value "
                   "poh.national:high "
                   "poh.national:low "
                   "poh.national:value "
                   "totals:national "
                   "wijkteam_zelf_hulp.national:high "
                   "wijkteam_zelf_hulp.national:value");

  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (cell_of (document, "poh", RAMING_COLUMN_NATIONAL)),
                                  712500, 1e-6);
  recorder_free (recorder);
}

/* Changing the GP coverage recomputes the POH estimate, the realistic
 * total, the gap and the band — and nothing in the other columns. */
static void
test_incremental_partner_coverage (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  Recorder *recorder = recorder_new (document);
  RamingPartner *gps = raming_document_find_partner (document, "huisartsen");
  RamingTotals *totals = raming_document_get_totals (document);
  g_autofree char *dump = NULL;

  raming_document_edit (document, gps, "coverage", 0.9, NULL);
  dump = recorder_dump (recorder);
  g_test_message ("notified: %s", dump);

  g_assert_cmpstr (dump, ==,
                   "poh.realistic:high "
                   "poh.realistic:value "
                   "totals:gap "
                   "totals:p10 "
                   "totals:p50 "
                   "totals:p90 "
                   "totals:realistic "
                   "totals:realistic-high");

  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (cell_of (document, "poh", RAMING_COLUMN_REALISTIC)),
                                  800000 / 0.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), 450000 + 800000 / 0.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_GAP), 4700000 - 450000 - 800000 / 0.9, 1e-6);

  /* Undo brings every figure back. */
  g_hash_table_remove_all (recorder->notified);
  g_assert_true (raming_document_undo (document));
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), 1450000, 1e-6);
  g_assert_cmpfloat (raming_partner_get_field (gps, RAMING_PARTNER_FIELD_COVERAGE), ==, 0.8);
  g_assert_true (g_hash_table_contains (recorder->notified, "poh.realistic:value"));
  recorder_free (recorder);
}

/* An edit to a cell that no formula uses touches that cell, its group,
 * and the totals of its column. */
static void
test_incremental_child_cell (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  Recorder *recorder = recorder_new (document);
  RamingMeasure *dyslexia = raming_document_find_measure (document, "dyslexiezorg");
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (250000);
  g_autofree char *dump = NULL;

  raming_document_edit (document, dyslexia, "original", input, NULL);
  dump = recorder_dump (recorder);
  g_assert_cmpstr (dump, ==,
                   "afbakening_onderwijs.original:high "
                   "afbakening_onderwijs.original:low "
                   "afbakening_onderwijs.original:value "
                   "dyslexiezorg.original:high "
                   "dyslexiezorg.original:low "
                   "dyslexiezorg.original:value "
                   "totals:original");
  recorder_free (recorder);
}

/* ------------------------------------------------------------------ */
/* Errors on cells                                                     */

static const char *errors_document =
  "{\"format\":\"raming\",\"version\":1,"
  "\"assumptions\":["
  "  {\"key\":\"a\",\"value\":\"=b + 1\"},"
  "  {\"key\":\"b\",\"value\":\"=a * 2\"},"
  "  {\"key\":\"nul\",\"value\":0},"
  "  {\"key\":\"tien\",\"value\":10},"
  "  {\"key\":\"doel\",\"value\":1000,\"role\":\"savings-target\"}],"
  "\"partners\":[{\"id\":\"ha\",\"coverage\":0.5}],"
  "\"measures\":["
  "  {\"id\":\"unknown\",\"realistic\":\"=onbekend * 2\"},"
  "  {\"id\":\"cycle\",\"realistic\":\"=a\"},"
  "  {\"id\":\"div\",\"realistic\":\"=tien / nul\"},"
  "  {\"id\":\"syntax\",\"realistic\":\"=tien *\"},"
  "  {\"id\":\"partner\",\"realistic\":\"=ha.dekking * 100\"},"
  "  {\"id\":\"nofield\",\"realistic\":\"=ha.onzin\"},"
  "  {\"id\":\"emptyfield\",\"realistic\":\"=ha.aantal\"},"
  "  {\"id\":\"fine\",\"realistic\":\"=tien * 3\"},"
  "  {\"id\":\"g\",\"group\":true,\"children\":["
  "     {\"id\":\"child_ok\",\"realistic\":5},"
  "     {\"id\":\"child_bad\",\"realistic\":\"=onbekend\"}]}]}";

static void
assert_cell_error (RamingDocument *document,
                   const char     *id,
                   const char     *expected)
{
  RamingCell *cell = cell_of (document, id, RAMING_COLUMN_REALISTIC);

  g_test_message ("%s: %s", id, raming_cell_get_error (cell));
  g_assert_cmpint (raming_cell_get_kind (cell), ==, RAMING_CELL_ERROR);
  g_assert_nonnull (strstr (raming_cell_get_error (cell), expected));
}

static void
test_errors_on_cells (void)
{
  g_autoptr(RamingDocument) document = load_text (errors_document);
  RamingTotals *totals = raming_document_get_totals (document);
  g_autoptr(RamingNoteTable) table = NULL;
  GPtrArray *footnotes;
  gboolean found_excluded = FALSE;

  assert_cell_error (document, "unknown", "Unknown name “onbekend”");
  assert_cell_error (document, "cycle", "Circular reference");
  assert_cell_error (document, "div", "Division by zero");
  assert_cell_error (document, "syntax", "missing at the end");
  assert_cell_error (document, "nofield", "Unknown name “ha.onzin”");
  assert_cell_error (document, "emptyfield", "has no value");
  assert_cell_error (document, "child_bad", "Unknown name");

  g_assert_cmpfloat (raming_cell_get_value (cell_of (document, "partner", RAMING_COLUMN_REALISTIC)), ==, 50);
  g_assert_cmpfloat (raming_cell_get_value (cell_of (document, "fine", RAMING_COLUMN_REALISTIC)), ==, 30);

  /* The assumptions in the cycle are in error themselves. */
  g_assert_nonnull (raming_assumption_get_error (raming_document_find_assumption (document, "a")));
  g_assert_nonnull (raming_assumption_get_error (raming_document_find_assumption (document, "b")));

  /* Totals leave the errors out and say so. */
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 50 + 30 + 5);
  g_assert_cmpuint (raming_totals_get_n_excluded (totals, RAMING_COLUMN_REALISTIC), ==, 7);
  g_assert_cmpuint (raming_cell_get_n_excluded (cell_of (document, "g", RAMING_COLUMN_REALISTIC)), ==, 1);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_GAP), ==, 1000 - 85);
  /* 7 cells and the two assumptions of the cycle */
  g_assert_cmpuint (g_list_model_get_n_items (raming_document_get_errors (document)), ==, 9);
  g_assert_cmpuint (raming_totals_get_n_errors (totals), ==, 9);

  table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  footnotes = raming_note_table_get_footnotes (table);
  for (guint i = 0; i < footnotes->len; i++)
    if (strstr (footnotes->pdata[i], "laat 7 cellen met een fout buiten beschouwing"))
      found_excluded = TRUE;
  g_assert_true (found_excluded);

  /* Repairing a name repairs the cell, the group and the totals. */
  {
    RamingMeasure *bad = raming_document_find_measure (document, "child_bad");

    set_input_text (document, bad, "realistic", "=tien");
    g_assert_cmpint (raming_cell_get_kind (raming_measure_get_cell (bad, RAMING_COLUMN_REALISTIC)), ==, RAMING_CELL_VALUE);
    g_assert_cmpuint (raming_cell_get_n_excluded (cell_of (document, "g", RAMING_COLUMN_REALISTIC)), ==, 0);
    g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 50 + 30 + 5 + 10);
    g_assert_cmpuint (g_list_model_get_n_items (raming_document_get_errors (document)), ==, 8);
  }

  /* Adding the missing assumption repairs the cell that named it. */
  {
    g_autoptr(RamingAssumption) a = raming_assumption_new ("onbekend", 4);
    GListModel *assumptions = raming_document_get_assumptions (document);

    raming_document_insert_item (document, assumptions, g_list_model_get_n_items (assumptions), a);
    g_assert_cmpfloat (raming_cell_get_value (cell_of (document, "unknown", RAMING_COLUMN_REALISTIC)), ==, 8);
  }

  /* Breaking the cycle repairs a, b and the cell using a. */
  {
    RamingAssumption *b = raming_document_find_assumption (document, "b");

    set_input_text (document, b, "input", "=tien");
    g_assert_null (raming_assumption_get_error (raming_document_find_assumption (document, "a")));
    g_assert_cmpfloat (raming_cell_get_value (cell_of (document, "cycle", RAMING_COLUMN_REALISTIC)), ==, 11);
  }
}

static void
test_cell_text_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingCellInput) amount = raming_cell_input_new_from_text ("1.450.000", RAMING_LANGUAGE_NL, &error);
  g_autoptr(RamingCellInput) status = raming_cell_input_new_from_text ("Gaan we verkennen", RAMING_LANGUAGE_NL, &error);
  g_autoptr(RamingCellInput) nvt = raming_cell_input_new_from_text ("nvt", RAMING_LANGUAGE_NL, &error);
  g_autoptr(RamingCellInput) formula = raming_cell_input_new_from_text ("=a * 2", RAMING_LANGUAGE_NL, &error);
  RamingCellInput *bad;

  g_assert_no_error (error);
  g_assert_cmpint (raming_cell_input_get_kind (amount), ==, RAMING_CELL_INPUT_AMOUNT);
  g_assert_cmpfloat (raming_cell_input_get_amount (amount), ==, 1450000);
  g_assert_cmpint (raming_cell_input_get_status (status), ==, RAMING_CELL_STATUS_TO_EXPLORE);
  g_assert_cmpstr (raming_cell_input_get_label (status), ==, "Gaan we verkennen");
  g_assert_cmpint (raming_cell_input_get_status (nvt), ==, RAMING_CELL_STATUS_NOT_APPLICABLE);
  g_assert_null (raming_cell_input_get_label (nvt));
  g_assert_cmpint (raming_cell_input_get_kind (formula), ==, RAMING_CELL_INPUT_FORMULA);

  bad = raming_cell_input_new_from_text ("abc", RAMING_LANGUAGE_NL, &error);
  g_assert_null (bad);
  g_assert_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“abc” is not an amount"));
  g_clear_error (&error);

  bad = raming_cell_input_new_from_text ("=a *", RAMING_LANGUAGE_NL, &error);
  g_assert_null (bad);
  g_assert_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX);
}

/* ------------------------------------------------------------------ */
/* Monte Carlo                                                         */

static void
test_band_reproducible (void)
{
  g_autoptr(RamingDocument) a = load_example ();
  g_autoptr(RamingDocument) b = load_example ();
  RamingTotals *ta = raming_document_get_totals (a);
  RamingTotals *tb = raming_document_get_totals (b);
  double p50;

  for (RamingTotal t = RAMING_TOTAL_P10; t <= RAMING_TOTAL_P90; t++)
    g_assert_cmpfloat (raming_totals_get (ta, t), ==, raming_totals_get (tb, t));

  p50 = raming_totals_get (ta, RAMING_TOTAL_P50);
  raming_document_edit (b, b, "uncertainty-seed", 7u, NULL);
  g_assert_cmpfloat (raming_totals_get (tb, RAMING_TOTAL_P50), !=, p50);
  /* Another seed, yet the same distribution: close to each other. */
  g_assert_cmpfloat (fabs (raming_totals_get (tb, RAMING_TOTAL_P50) - p50), <, 0.02 * p50);

  raming_document_undo (b);
  g_assert_cmpfloat (raming_totals_get (tb, RAMING_TOTAL_P50), ==, p50);
}

/* In the window the band is drawn in a worker thread: an edit returns at
 * once with the band marked pending, and the figures arrive later equal
 * to those drawn synchronously. */
static void
test_band_in_background (void)
{
  g_autoptr(RamingDocument) sync = load_example ();
  g_autoptr(RamingDocument) document = load_example ();
  RamingTotals *totals = raming_document_get_totals (document);
  RamingPartner *gps = raming_document_find_partner (document, "huisartsen");
  double before = raming_totals_get (totals, RAMING_TOTAL_P50);
  gint64 deadline;

  raming_document_set_band_in_background (document, TRUE);
  for (guint i = 0; i < 5; i++)
    raming_document_edit (document, gps, "coverage", 0.85 + i * 0.01, NULL);
  g_assert_true (raming_totals_get_band_pending (totals));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P50), ==, before);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (raming_totals_get_band_pending (totals) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (raming_totals_get_band_pending (totals));

  raming_document_edit (sync, raming_document_find_partner (sync, "huisartsen"), "coverage", 0.89, NULL);
  for (RamingTotal t = RAMING_TOTAL_P10; t <= RAMING_TOTAL_P90; t++)
    g_assert_cmpfloat (raming_totals_get (totals, t), ==, raming_totals_get (raming_document_get_totals (sync), t));

  /* An export while it is pending draws it at once. */
  raming_document_edit (document, gps, "coverage", 0.8, NULL);
  g_assert_true (raming_totals_get_band_pending (totals));
  raming_document_ensure_band (document);
  g_assert_false (raming_totals_get_band_pending (totals));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P50), ==, before);
}

/* The window asks, once, that every document draw its band in the
 * background: a document loaded then does not draw its first band while
 * loading (3,9 s at 10.000 measures); it arrives later, equal to the
 * band drawn synchronously. */
static void
test_band_default_in_background (void)
{
  g_autoptr(RamingDocument) sync = load_example ();
  g_autoptr(RamingDocument) document = NULL;
  RamingTotals *totals;
  gint64 deadline;

  g_assert_false (raming_document_get_default_band_in_background ());
  raming_document_set_default_band_in_background (TRUE);
  document = load_example ();
  raming_document_set_default_band_in_background (FALSE);
  totals = raming_document_get_totals (document);

  /* Loaded, with every figure but the band. */
  g_assert_true (raming_totals_get_band_pending (totals));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P50), ==, 0);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==,
                     raming_totals_get (raming_document_get_totals (sync), RAMING_TOTAL_REALISTIC));

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (raming_totals_get_band_pending (totals) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (raming_totals_get_band_pending (totals));
  for (RamingTotal t = RAMING_TOTAL_P10; t <= RAMING_TOTAL_P90; t++)
    g_assert_cmpfloat (raming_totals_get (totals, t), ==, raming_totals_get (raming_document_get_totals (sync), t));

  /* Documents made after the default is back draw synchronously. */
  {
    g_autoptr(RamingDocument) later = load_example ();

    g_assert_false (raming_totals_get_band_pending (raming_document_get_totals (later)));
    g_assert_cmpfloat (raming_totals_get (raming_document_get_totals (later), RAMING_TOTAL_P50), ==,
                       raming_totals_get (raming_document_get_totals (sync), RAMING_TOTAL_P50));
  }
}

/* Measures make their lists of estimates and results on first use: a
 * list made after the document went live is followed like one read from
 * the file, and a measure taken out of a group has no parent. */
static void
test_lists_made_later (void)
{
  g_autoptr(RamingDocument) document = load_text (
    "{\"format\":\"raming\",\"version\":1,"
    "\"assumptions\":[{\"key\":\"macro\",\"value\":0.01,\"role\":\"macro-share\"}],"
    "\"measures\":[{\"id\":\"a\",\"realistic\":100},"
    "{\"id\":\"g\",\"group\":true,\"children\":[{\"id\":\"b\",\"realistic\":50}]}]}");
  RamingTotals *totals = raming_document_get_totals (document);
  RamingMeasure *a = raming_document_find_measure (document, "a");
  RamingMeasure *g = raming_document_find_measure (document, "g");
  g_autoptr(RamingMeasure) b = g_object_ref (raming_document_find_measure (document, "b"));
  g_autoptr(RamingEstimate) estimate = raming_estimate_new_range (NULL, 1000000, 3000000);
  g_autoptr(RamingCellInput) amount = raming_cell_input_new_amount (700);
  g_autoptr(RamingResultEntry) entry = raming_result_entry_new (amount, "2021");
  RamingAssumption *macro = raming_document_find_assumption (document, "macro");

  g_assert_cmpint (raming_cell_get_kind (cell_of (document, "a", RAMING_COLUMN_NATIONAL)), ==, RAMING_CELL_BLANK);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 150);

  /* A national estimate for a measure that had none. */
  raming_document_insert_item (document, raming_measure_get_estimates (a), 0, estimate);
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (cell_of (document, "a", RAMING_COLUMN_NATIONAL)), 20000, 1e-6);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_NATIONAL), 20000, 1e-6);

  /* Its figures, and the macro share, are followed. */
  raming_document_edit (document, estimate, "high", 5000000.0, NULL);
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_NATIONAL), 30000, 1e-6);
  {
    g_autoptr(RamingCellInput) share = raming_cell_input_new_amount (0.02);

    raming_document_edit (document, macro, "input", share, NULL);
  }
  g_assert_cmpfloat_with_epsilon (raming_totals_get (totals, RAMING_TOTAL_NATIONAL), 60000, 1e-6);

  /* A result per year for a measure that had none, and its input edited. */
  raming_document_insert_item (document, raming_measure_get_results (a), 0, entry);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_RESULT), ==, 700);
  {
    g_autoptr(RamingCellInput) more = raming_cell_input_new_amount (900);

    raming_document_edit (document, entry, "input", more, NULL);
  }
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_RESULT), ==, 900);

  /* Out of the group: no parent, and the group's sum follows; undone,
   * both come back. */
  g_assert_true (raming_measure_get_parent (b) == g);
  raming_document_remove_item (document, raming_measure_get_children (g), 0);
  g_assert_null (raming_measure_get_parent (b));
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (g, RAMING_COLUMN_REALISTIC)), ==, 0);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 100);
  g_assert_true (raming_document_undo (document));
  g_assert_true (raming_measure_get_parent (b) == g);
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (g, RAMING_COLUMN_REALISTIC)), ==, 50);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 150);

  /* Undoing the estimate takes its figure out again. */
  while (raming_document_undo (document))
    ;
  g_assert_cmpint (raming_cell_get_kind (cell_of (document, "a", RAMING_COLUMN_NATIONAL)), ==, RAMING_CELL_BLANK);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_NATIONAL), ==, 0);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_RESULT), ==, 0);
}

/* Without any range there is no band: every draw is the total. */
static void
test_band_without_ranges (void)
{
  g_autoptr(RamingDocument) document = load_text (
    "{\"format\":\"raming\",\"version\":1,\"measures\":["
    "{\"id\":\"a\",\"realistic\":100},{\"id\":\"b\",\"realistic\":250}]}");
  RamingTotals *totals = raming_document_get_totals (document);

  g_assert_false (raming_totals_get_has_band (totals));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P10), ==, 350);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_P90), ==, 350);
  g_assert_false (raming_totals_get_has_target (totals));
}

/* A triangular draw over [0, 150.000] with its mode at the top: the
 * P50 of one such measure is 150.000 × (1 − √0,5). */
static void
test_band_triangular (void)
{
  g_autoptr(RamingDocument) document = load_text (
    "{\"format\":\"raming\",\"version\":1,\"settings\":{\"uncertainty_samples\":200000},"
    "\"assumptions\":[{\"key\":\"c\",\"value\":150000,\"low\":0,\"high\":150000}],"
    "\"measures\":[{\"id\":\"a\",\"realistic\":\"=c\"}]}");
  RamingTotals *totals = raming_document_get_totals (document);
  double expected_p50 = 150000 * sqrt (0.5);

  g_assert_true (raming_totals_get_has_band (totals));
  g_assert_cmpfloat (fabs (raming_totals_get (totals, RAMING_TOTAL_P50) - expected_p50), <, 0.01 * expected_p50);
  g_assert_cmpfloat (fabs (raming_totals_get (totals, RAMING_TOTAL_P10) - 150000 * sqrt (0.1)), <, 0.01 * 150000);
}

/* ------------------------------------------------------------------ */
/* Structure                                                           */

static void
test_structure_edits (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  RamingTotals *totals = raming_document_get_totals (document);
  GListModel *top = raming_document_get_measures (document);
  RamingMeasure *group = raming_document_find_measure (document, "afbakening_onderwijs");
  GListModel *children = raming_measure_get_children (group);
  g_autoptr(RamingMeasure) added = raming_measure_new ("nieuw", "Nieuwe maatregel");
  g_autoptr(RamingCellInput) amount = raming_cell_input_new_amount (40000);
  g_autoptr(RamingMeasure) poh = g_object_ref (raming_document_find_measure (document, "poh"));

  /* Add a measure with a realistic figure. */
  raming_measure_set_input (added, RAMING_COLUMN_REALISTIC, amount);
  raming_document_insert_item (document, top, g_list_model_get_n_items (top), added);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 1490000);

  /* Indent it into the group: the group's sum and the total follow. */
  raming_document_move_item (document, top, g_list_model_get_n_items (top) - 1,
                             children, g_list_model_get_n_items (children));
  g_assert_true (raming_measure_get_parent (added) == group);
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (group, RAMING_COLUMN_REALISTIC)), ==, 340000);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 1490000);

  /* Remove the POH measure: its figures leave the totals. */
  raming_document_remove_item (document, top, 0);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 490000);
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_RESULT), ==, 151000);

  /* Undo all three, in order. */
  g_assert_true (raming_document_undo (document));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 1490000);
  g_assert_true (raming_document_undo (document));
  g_assert_null (raming_measure_get_parent (added));
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (group, RAMING_COLUMN_REALISTIC)), ==, 300000);
  g_assert_true (raming_document_undo (document));
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 1450000);
  g_assert_false (raming_document_get_can_undo (document));
  g_assert_true (raming_document_get_can_redo (document));
  g_assert_false (raming_document_get_modified (document));

  /* And redo them. */
  while (raming_document_redo (document))
    ;
  g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), ==, 490000);
  g_assert_true (raming_document_get_modified (document));

  /* A removed measure's cells no longer take part: changing one moves
   * no total, while a measure in the document does. */
  {
    g_autoptr(RamingCellInput) big = raming_cell_input_new_amount (9e6);

    g_assert_null (raming_document_find_measure (document, "poh"));
    raming_measure_set_input (poh, RAMING_COLUMN_ORIGINAL, big);
    g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_ORIGINAL), ==, 3700000);
    raming_measure_set_input (added, RAMING_COLUMN_ORIGINAL, big);
    g_assert_cmpfloat (raming_totals_get (totals, RAMING_TOTAL_ORIGINAL), ==, 3700000 + 9e6);
  }
}

static void
test_edit_groups (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  RamingMeasure *poh = raming_document_find_measure (document, "poh");
  g_autoptr(RamingCellInput) a = raming_cell_input_new_amount (1);
  g_autoptr(RamingCellInput) b = raming_cell_input_new_amount (2);

  raming_document_begin_edit (document, "Twee cellen");
  raming_document_edit (document, poh, "original", a, NULL);
  raming_document_edit (document, poh, "realistic", b, NULL);
  raming_document_end_edit (document);
  g_assert_cmpstr (raming_document_get_undo_label (document), ==, "Twee cellen");

  raming_document_undo (document);
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (poh, RAMING_COLUMN_ORIGINAL)), ==, 1000000);
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (poh, RAMING_COLUMN_REALISTIC)), ==, 1000000);
  g_assert_false (raming_document_get_can_undo (document));

  /* Setting what is already there is not an edit. */
  raming_document_edit (document, document, "title", raming_document_get_title (document), NULL);
  g_assert_false (raming_document_get_can_undo (document));
}

/* Random edits, then undo them all: the document is what it was. The
 * incremental figures also equal a full recalculation at every step. */
static void
test_random_edits_undo (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autofree char *original = raming_document_save_to_data (document, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211123);
  const char *ids[] = { "poh", "afbakening_wlz", "dyslexiezorg", "bso_plus", "consultatie_jeugd_ggz", "passende_jeugdhulp" };
  const char *keys[] = { "macro_aandeel", "poh_besparing_2019", "bso_plus_kinderen_verwacht", "consultatie_ggz" };
  const char *texts[] = { "12.345", "Geen", "=macro_aandeel * 1e6", "=onbekend", "Verkennen we", "0", "=poh_besparing_2019 / 2" };
  guint n_edits = 0;

  for (guint round = 0; round < 40; round++)
    {
      guint kind = g_rand_int_range (rand, 0, 6);

      switch (kind)
        {
        case 0:
        case 1:
          {
            RamingMeasure *m = raming_document_find_measure (document, ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (ids))]);
            RamingColumn c = g_rand_int_range (rand, 1, RAMING_N_COLUMNS);
            g_autoptr(RamingCellInput) input = raming_cell_input_new_from_text (texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))], RAMING_LANGUAGE_NL, NULL);

            if (m == NULL || input == NULL || (c == RAMING_COLUMN_RESULT && g_list_model_get_n_items (raming_measure_get_results (m)) > 0))
              continue;
            raming_document_edit (document, m, raming_column_to_property (c), input, NULL);
          }
          break;
        case 2:
          {
            RamingAssumption *a = raming_document_find_assumption (document, keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))]);
            double v = raming_assumption_get_value (a) * g_rand_double_range (rand, 0.5, 1.5);
            g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (v);

            raming_document_begin_edit (document, NULL);
            raming_document_edit (document, a, "low", NAN, "high", NAN, NULL);
            raming_document_edit (document, a, "input", input, NULL);
            raming_document_end_edit (document);
          }
          break;
        case 3:
          raming_document_edit (document, raming_document_find_partner (document, "huisartsen"),
                                "coverage", g_rand_double_range (rand, 0.3, 1.0), NULL);
          break;
        case 4:
          {
            GListModel *top = raming_document_get_measures (document);
            guint n = g_list_model_get_n_items (top);

            if (n > 2)
              raming_document_move_item (document, top, g_rand_int_range (rand, 0, n), top, g_rand_int_range (rand, 0, n - 1));
          }
          break;
        case 5:
          {
            GListModel *top = raming_document_get_measures (document);
            guint n = g_list_model_get_n_items (top);

            if (n > 4)
              raming_document_remove_item (document, top, g_rand_int_range (rand, 0, n));
          }
          break;
        default:
          g_assert_not_reached ();
        }
      n_edits++;

      /* The live figures equal those of the same document loaded anew. */
      {
        g_autofree char *data = raming_document_save_to_data (document, NULL);
        g_autoptr(RamingDocument) fresh = load_text (data);
        RamingTotals *live = raming_document_get_totals (document);
        RamingTotals *full = raming_document_get_totals (fresh);

        for (RamingTotal t = 0; t < RAMING_N_TOTALS; t++)
          g_assert_cmpfloat_with_epsilon (raming_totals_get (live, t), raming_totals_get (full, t),
                                          1e-6 * (1 + fabs (raming_totals_get (full, t))));
        g_assert_cmpuint (g_list_model_get_n_items (raming_document_get_errors (document)), ==,
                          g_list_model_get_n_items (raming_document_get_errors (fresh)));
      }
    }

  g_test_message ("%u edits", n_edits);
  while (raming_document_undo (document))
    ;
  {
    g_autofree char *after = raming_document_save_to_data (document, NULL);

    g_assert_cmpstr (after, ==, original);
  }
  g_assert_false (raming_document_get_modified (document));
  g_assert_cmpfloat_with_epsilon (raming_totals_get (raming_document_get_totals (document), RAMING_TOTAL_REALISTIC), 1450000, 1e-6);
}

static void
test_explain (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingExplanation) e = raming_explain_cell (document, cell_of (document, "poh", RAMING_COLUMN_REALISTIC));
  g_autoptr(RamingExplanation) n = raming_explain_cell (document, cell_of (document, "poh", RAMING_COLUMN_NATIONAL));
  g_autoptr(GPtrArray) users = raming_document_list_users (document, "huisartsen.dekking");
  g_autofree char *text = raming_explanation_to_text (e);
  gboolean found_coverage = FALSE, found_result = FALSE, found_macro = FALSE;

  g_assert_cmpstr (e->formula, ==, "=poh_besparing_2019 / huisartsen.dekking * huisartsen.streefdekking");
  for (guint i = 0; i < e->terms->len; i++)
    {
      RamingTerm *t = e->terms->pdata[i];

      if (g_strcmp0 (t->name, "huisartsen.dekking") == 0)
        {
          found_coverage = TRUE;
          g_assert_cmpstr (t->value_text, ==, "80 %");
          g_assert_nonnull (t->source);
        }
      if (g_strcmp0 (t->name, "poh_besparing_2019") == 0)
        {
          found_result = TRUE;
          g_assert_cmpstr (t->value_text, ==, "800.000");
          g_assert_nonnull (strstr (t->source, "Toelichting"));
        }
    }
  g_assert_true (found_coverage && found_result);
  g_assert_nonnull (strstr (text, "poh_besparing_2019"));

  for (guint i = 0; i < n->terms->len; i++)
    if (g_strcmp0 (((RamingTerm *) n->terms->pdata[i])->name, "macro_aandeel") == 0)
      found_macro = TRUE;
  g_assert_true (found_macro);

  g_assert_cmpuint (users->len, ==, 1);
  g_assert_true (users->pdata[0] == cell_of (document, "poh", RAMING_COLUMN_REALISTIC));
}

/* A partner field has one name in the engine's index and the band's
 * slots, whichever language the formula spells it in. */
static void
test_partner_canonical_name (void)
{
  static const struct { const char *name, *canonical; } cases[] = {
    { "huisartsen.dekking", "huisartsen.coverage" },
    { "huisartsen.coverage", "huisartsen.coverage" },
    { "huisartsen.DEKKING", "huisartsen.coverage" },
    { "ha.streefdekking", "ha.target-coverage" },
    { "ha.doeldekking", "ha.target-coverage" },
    { "ha.target_coverage", "ha.target-coverage" },
    { "ha.verwijzingen", "ha.referrals" },
    { "ha.aantal", "ha.count" },
    { "ha.onbekend", "ha.onbekend" },
    { "macro_aandeel", "macro_aandeel" },
    { ".dekking", ".coverage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = raming_partner_canonical_name (cases[i].name);

      g_assert_cmpstr (canonical, ==, cases[i].canonical);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/engine/incremental/macro-share", test_incremental_macro_share);
  g_test_add_func ("/engine/incremental/partner-coverage", test_incremental_partner_coverage);
  g_test_add_func ("/engine/incremental/child-cell", test_incremental_child_cell);
  g_test_add_func ("/engine/errors-on-cells", test_errors_on_cells);
  g_test_add_func ("/engine/cell-text-input", test_cell_text_input);
  g_test_add_func ("/engine/band/reproducible", test_band_reproducible);
  g_test_add_func ("/engine/band/without-ranges", test_band_without_ranges);
  g_test_add_func ("/engine/band/in-background", test_band_in_background);
  g_test_add_func ("/engine/band/default-in-background", test_band_default_in_background);
  g_test_add_func ("/engine/band/triangular", test_band_triangular);
  g_test_add_func ("/engine/structure-edits", test_structure_edits);
  g_test_add_func ("/engine/lists-made-later", test_lists_made_later);
  g_test_add_func ("/engine/edit-groups", test_edit_groups);
  g_test_add_func ("/engine/random-edits-undo", test_random_edits_undo);
  g_test_add_func ("/engine/explain", test_explain);
  g_test_add_func ("/engine/partner-canonical-name", test_partner_canonical_name);

  return g_test_run ();
}
