/* test-window.c: the window on the Zwolle example, driven through its widgets
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "raming-preferences-window.h"
#include "raming-actions-page.h"
#include "raming-assumptions-panel.h"
#include "raming-cli.h"
#include "raming-drafts.h"
#include "raming-editable-cell.h"
#include "raming-format.h"
#include "raming-measure-cell.h"
#include "raming-measure-details.h"
#include "raming-measures-page.h"
#include "raming-property-cell.h"
#include "raming-gui-util.h"
#include "raming-choice-cell.h"
#include "raming-partners-page.h"
#include "raming-summary-bar.h"

#define EXAMPLE "zwolle-2021.raming"


typedef struct
{
  char         *path;
  RamingWindow *window;
  RamingDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = gui_test_copy_example (EXAMPLE);
  fixture->window = gui_test_open_window (fixture->path);
  fixture->document = raming_window_get_document (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_close_window (fixture->window);
  g_free (fixture->path);
}

static void
test_tabs (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *partners = raming_window_get_page (fixture->window, "partners");
  GtkWidget *actions = raming_window_get_page (fixture->window, "actions");
  GtkWidget *measures = raming_window_get_page (fixture->window, "measures");

  g_assert_true (gtk_widget_get_mapped (measures));
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_NATIONAL), ==, "668.000");
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_RESULT), ==, "800.000 (2019 ev)");
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "afbakening_onderwijs", RAMING_COLUMN_NATIONAL), ==, "577.000");
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "afbakening_wlz", RAMING_COLUMN_REALISTIC), ==, "Gaan we verkennen");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "partners");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (partners));
  g_assert_false (gtk_widget_get_mapped (measures));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "actions");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (actions));
  /* Sorted by due date: the dated items first. */
  {
    GListModel *shown = raming_actions_page_get_model (RAMING_ACTIONS_PAGE (actions));
    g_autoptr(RamingAction) first = g_list_model_get_item (shown, 0);
    g_autoptr(RamingAction) second = g_list_model_get_item (shown, 1);

    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
    g_assert_cmpstr (raming_action_get_id (first), ==, "bso_plus_onderzoek");
    g_assert_cmpstr (raming_action_get_id (second), ==, "totaalbeeld");

    /* The filter: two are open and dated, one of them overdue on 2021-09-01. */
    raming_actions_page_set_filter (RAMING_ACTIONS_PAGE (actions), RAMING_ACTIONS_FILTER_OVERDUE);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    raming_actions_page_set_filter (RAMING_ACTIONS_PAGE (actions), RAMING_ACTIONS_FILTER_IN_PROGRESS);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
    raming_actions_page_set_filter (RAMING_ACTIONS_PAGE (actions), RAMING_ACTIONS_FILTER_ALL);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "measures");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (measures));
}

static void
test_assumption_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  RamingAssumption *macro = raming_document_find_assumption (fixture->document, "macro_aandeel");
  GtkWidget *panel = raming_window_get_assumptions_panel (fixture->window);
  g_autofree char *national_before = NULL;
  GtkWidget *entry;

  g_assert_nonnull (macro);
  raming_window_set_assumptions_visible (fixture->window, TRUE);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (panel));

  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_NATIONAL), ==, "668.000");
  national_before = g_strdup (gui_test_summary_text (fixture->window, RAMING_TOTAL_NATIONAL));
  g_assert_cmpstr (national_before, ==, "1.957.000");

  entry = raming_assumptions_panel_get_value_entry (RAMING_ASSUMPTIONS_PANEL (panel), macro);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0,89 %");

  gtk_editable_set_text (GTK_EDITABLE (entry), "0,95 %");
  g_signal_emit_by_name (entry, "activate");

  /* Recomputed synchronously: the labels show it before the next frame. */
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_NATIONAL), ==, "713.000");
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "afbakening_wlz", RAMING_COLUMN_NATIONAL), ==, "684.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_NATIONAL), ==, "2.089.000");
  /* The realistic estimate does not rest on the macro share. */
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, "1.450.000");
  g_assert_true (raming_document_get_modified (fixture->document));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_NATIONAL), ==, "668.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_NATIONAL), ==, "1.957.000");
  g_assert_false (raming_document_get_modified (fixture->document));
  gui_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0,89 %");
}

static gboolean
is_key_entry_with (GtkWidget *widget,
                   gpointer   key)
{
  return g_strcmp0 (gtk_widget_get_name (widget), "assumption-key") == 0 &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), key) == 0;
}

/* Types into an entry row and applies, as its ✓ button does. */
static void
apply_text (GtkWidget  *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* A new assumption gets its name for formulas in the panel; a name that
 * cannot be used or that another assumption has is refused with the
 * reason, and the formulas that use the assumption follow its new name. */
static void
test_assumption_key (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *panel = raming_window_get_assumptions_panel (fixture->window);
  GListModel *assumptions = raming_document_get_assumptions (fixture->document);
  guint n = g_list_model_get_n_items (assumptions);
  g_autoptr(RamingAssumption) added = NULL;
  RamingMeasure *consultation = raming_document_find_measure (fixture->document, "consultatie_jeugd_ggz");
  GtkWidget *key_row;

  raming_window_set_assumptions_visible (fixture->window, TRUE);
  g_assert_true (gtk_widget_activate_action (panel, "assumptions.add", NULL));
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (assumptions), ==, n + 1);
  added = g_list_model_get_item (assumptions, n);
  g_assert_cmpstr (raming_assumption_get_key (added), ==, "aanname");
  key_row = raming_gui_find_descendant (panel, is_key_entry_with, (gpointer) "aanname");
  g_assert_nonnull (key_row);

  apply_text (key_row, "kosten per traject");
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
  g_assert_nonnull (strstr (raming_gui_get_tooltip_text (key_row), "cannot be used in formulas"));
  g_assert_cmpstr (raming_assumption_get_key (added), ==, "aanname");

  apply_text (key_row, "macro_aandeel");
  g_assert_cmpstr (raming_gui_get_tooltip_text (key_row), ==, "“macro_aandeel” is already the name of another assumption");
  g_assert_cmpstr (raming_assumption_get_key (added), ==, "aanname");

  apply_text (key_row, "kosten_per_traject");
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));
  g_assert_true (raming_document_find_assumption (fixture->document, "kosten_per_traject") == added);

  /* Once a figure uses it, its formula follows the new name, in the
   * same undo step. */
  {
    g_autoptr(RamingCellInput) amount = raming_cell_input_new_amount (1000);
    g_autoptr(RamingCellInput) input = raming_cell_input_new_formula ("=kosten_per_traject * 3", RAMING_LANGUAGE_NL);

    raming_document_edit (fixture->document, added, "input", amount, NULL);
    raming_measure_set_input (consultation, RAMING_COLUMN_REALISTIC, input);
  }
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_REALISTIC)), ==, 3000);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  apply_text (key_row, "traject");
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));
  g_assert_cmpstr (raming_assumption_get_key (added), ==, "traject");
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_measure_get_input (consultation, RAMING_COLUMN_REALISTIC)),
                   ==, "=traject * 3");
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_REALISTIC)), ==, 3000);

  g_assert_true (raming_document_undo (fixture->document));
  g_assert_cmpstr (raming_assumption_get_key (added), ==, "kosten_per_traject");
  g_assert_cmpstr (raming_cell_input_get_formula_text (raming_measure_get_input (consultation, RAMING_COLUMN_REALISTIC)),
                   ==, "=kosten_per_traject * 3");
  g_assert_cmpfloat (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_REALISTIC)), ==, 3000);
}

static gboolean
value_is_one_percent (gpointer assumption)
{
  return raming_assumption_get_value (assumption) == 0.01;
}

/* The pane that holds @panel has finished sliding in: until then
 * AdwFlap may still move the focus. */
static gboolean
is_revealed (gpointer panel)
{
  GtkWidget *flap = gtk_widget_get_ancestor (panel, ADW_TYPE_FLAP);

  return flap != NULL && adw_flap_get_reveal_progress (ADW_FLAP (flap)) >= 1.0;
}

/* The value field keeps the focus while the value changes elsewhere (an
 * edit, an undo): leaving it then must not write its old text back. */
static void
test_assumption_focus_leave (Fixture       *fixture,
                             gconstpointer  data)
{
  RamingAssumption *macro = raming_document_find_assumption (fixture->document, "macro_aandeel");
  GtkWidget *panel = raming_window_get_assumptions_panel (fixture->window);
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (0.0095);
  GtkWidget *entry;

  raming_window_set_assumptions_visible (fixture->window, TRUE);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  /* Under the sanitizers the pane's slide outlasted the wait above, and
   * its end took the focus back from the entry. */
  g_assert_true (gui_test_wait_for (is_revealed, panel, 5000));
  entry = raming_assumptions_panel_get_value_entry (RAMING_ASSUMPTIONS_PANEL (panel), macro);
  g_assert_true (gtk_widget_grab_focus (entry));
  gui_test_spin (50);
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_get_focus_child (entry) != NULL ||
                 gtk_widget_has_focus (entry));

  raming_document_edit (fixture->document, macro, "input", input, NULL);
  g_assert_cmpfloat (raming_assumption_get_value (macro), ==, 0.0095);

  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  gui_test_spin (50);
  g_assert_cmpfloat (raming_assumption_get_value (macro), ==, 0.0095);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0,95 %");

  /* What is typed is still taken on leaving (waited for: under the
   * sanitizers, with other tests beside it, 50 ms was not always enough). */
  g_assert_true (gtk_widget_grab_focus (entry));
  gui_test_spin (50);
  gtk_editable_set_text (GTK_EDITABLE (entry), "1 %");
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  gui_test_wait_for (value_is_one_percent, macro, 5000);
  g_assert_cmpfloat (raming_assumption_get_value (macro), ==, 0.01);
}

static void
test_partner_coverage (Fixture       *fixture,
                       gconstpointer  data)
{
  RamingPartner *gps = raming_document_find_partner (fixture->document, "huisartsen");
  GtkWidget *cell;

  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_REALISTIC), ==, "1.000.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, "1.450.000");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "partners");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));

  cell = gui_test_find_property_cell (fixture->window, gps, "coverage");
  g_assert_nonnull (cell);
  g_assert_cmpstr (raming_property_cell_get_text (RAMING_PROPERTY_CELL (cell)), ==, "80 %");

  gui_test_type_into_cell (GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))), "0,9");

  g_assert_cmpfloat (raming_partner_get_field (gps, RAMING_PARTNER_FIELD_COVERAGE), ==, 0.9);
  g_assert_cmpstr (raming_property_cell_get_text (RAMING_PROPERTY_CELL (cell)), ==, "90 %");
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_REALISTIC), ==, "889.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, "1.339.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_GAP), ==, "3.361.000");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_REALISTIC), ==, "1.000.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, "1.450.000");
  g_assert_cmpstr (raming_property_cell_get_text (RAMING_PROPERTY_CELL (cell)), ==, "80 %");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_REALISTIC), ==, "889.000");
}

static void
test_invalid_cell (Fixture       *fixture,
                   gconstpointer  data)
{
  RamingMeasure *passende = raming_document_find_measure (fixture->document, "passende_jeugdhulp");
  GtkWidget *cell = gui_test_find_measure_cell (fixture->window, "passende_jeugdhulp", RAMING_COLUMN_ORIGINAL);
  RamingEditableCell *editable;
  g_autoptr(RamingCellInput) before = NULL;
  g_autofree char *original_total = g_strdup (gui_test_summary_text (fixture->window, RAMING_TOTAL_ORIGINAL));
  g_autofree char *realistic_total = g_strdup (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC));

  g_assert_nonnull (cell);
  editable = raming_measure_cell_get_editable (RAMING_MEASURE_CELL (cell));
  before = raming_cell_input_ref (raming_measure_get_input (passende, RAMING_COLUMN_ORIGINAL));
  g_assert_cmpstr (raming_measure_cell_get_text (RAMING_MEASURE_CELL (cell)), ==, "3.400.000");
  g_assert_cmpstr (original_total, ==, "4.700.000");

  gui_test_type_into_cell (GTK_WIDGET (editable), "abc");

  /* The cell says why, stays open for a correction, and nothing changed. */
  g_assert_nonnull (raming_editable_cell_get_error (editable));
  g_assert_nonnull (strstr (raming_editable_cell_get_error (editable), "abc"));
  g_assert_true (raming_editable_cell_get_editing (editable));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (raming_editable_cell_get_entry (editable)), "error"));
  g_assert_true (raming_cell_input_equal (before, raming_measure_get_input (passende, RAMING_COLUMN_ORIGINAL)));
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_ORIGINAL), ==, original_total);
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, realistic_total);
  g_assert_false (raming_document_get_modified (fixture->document));
  g_assert_false (raming_document_get_can_undo (fixture->document));

  /* Escape takes the cell back to its figure. */
  raming_editable_cell_stop_editing (editable, FALSE);
  g_assert_null (raming_editable_cell_get_error (editable));
  g_assert_cmpstr (raming_measure_cell_get_text (RAMING_MEASURE_CELL (cell)), ==, "3.400.000");

  /* A formula with an unknown name is taken; the engine marks the cell. */
  gui_test_type_into_cell (GTK_WIDGET (editable), "=onbekende_naam * 2");
  g_assert_null (raming_editable_cell_get_error (editable));
  g_assert_false (raming_editable_cell_get_editing (editable));
  g_assert_cmpint (raming_cell_get_kind (raming_measure_get_cell (passende, RAMING_COLUMN_ORIGINAL)), ==, RAMING_CELL_ERROR);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editable), "error"));
  g_assert_nonnull (raming_gui_get_tooltip_text (GTK_WIDGET (editable)));
  g_assert_nonnull (strstr (raming_gui_get_tooltip_text (GTK_WIDGET (editable)), "onbekende_naam"));
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_ORIGINAL), ==, "1.300.000");

  /* A status word from the cell's menu. */
  gtk_widget_activate_action (cell, "measure-cell.set-text", "s", "Niet bekend");
  g_assert_cmpstr (raming_measure_cell_get_text (RAMING_MEASURE_CELL (cell)), ==, "Niet bekend");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (editable), "error"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (raming_measure_cell_get_text (RAMING_MEASURE_CELL (cell)), ==, "3.400.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_ORIGINAL), ==, "4.700.000");
}

static void
test_save_reopen (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *cell = gui_test_find_measure_cell (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_ORIGINAL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autofree char *backup = g_strconcat (fixture->path, "~", NULL);
  RamingWindow *again;

  g_assert_nonnull (cell);
  gui_test_type_into_cell (GTK_WIDGET (raming_measure_cell_get_editable (RAMING_MEASURE_CELL (cell))), "125.000");
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_ORIGINAL), ==, "125.000");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_ORIGINAL), ==, "4.825.000");
  g_assert_true (raming_document_get_modified (fixture->document));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  g_assert_false (raming_document_get_modified (fixture->document));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  {
    g_autofree char *uri = g_file_get_uri (file);

    /* Saved documents are offered under Open Recent. */
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  again = gui_test_open_window (fixture->path);
  g_assert_cmpstr (gui_test_cell_text (again, "consultatie_jeugd_ggz", RAMING_COLUMN_ORIGINAL), ==, "125.000");
  g_assert_cmpstr (gui_test_summary_text (again, RAMING_TOTAL_ORIGINAL), ==, "4.825.000");
  g_assert_false (raming_document_get_modified (raming_window_get_document (again)));
  gui_test_close_window (again);

  /* Someone else saves the file; our next save must not overwrite it
   * silently but ask. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    GtkWindow *dialog;

    g_usleep (1100000);   /* a different modification time for the etag */
    g_file_get_contents (fixture->path, &contents, NULL, &error);
    g_assert_no_error (error);
    g_file_set_contents (fixture->path, contents, -1, &error);
    g_assert_no_error (error);

    gui_test_type_into_cell (GTK_WIDGET (raming_measure_cell_get_editable (RAMING_MEASURE_CELL (cell))), "130.000");
    g_assert_false (raming_window_save (fixture->window));
    g_assert_true (raming_document_get_modified (fixture->document));
    dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    gui_test_respond (dialog, "overwrite");
    g_assert_false (raming_document_get_modified (fixture->document));
  }
}

static void
test_broken_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *broken = g_build_filename (dir, "kapot.raming", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) expected = NULL;
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  g_file_set_contents (broken, "{\"format\":\"raming\",\"version\":99}", -1, &error);
  g_assert_no_error (error);
  expected = raming_document_load_from_file (file, NULL, &error);
  g_assert_null (expected);
  message = raming_describe_open_error (file, error);

  g_assert_false (raming_window_open_file (fixture->window, file));

  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, message);
  g_test_message ("%s", message);

  /* The open document is untouched. */
  g_assert_true (raming_window_get_document (fixture->window) == fixture->document);
  g_assert_false (raming_document_get_modified (fixture->document));
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "poh", RAMING_COLUMN_NATIONAL), ==, "668.000");
  {
    g_autofree char *name = g_path_get_basename (fixture->path);

    g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), name));
  }

  gui_test_respond (dialog, "close");
}

static gboolean
draft_exists (gpointer data)
{
  g_autoptr(GPtrArray) drafts = raming_drafts_list ();

  return drafts->len > 0;
}

static void
test_autosave_draft (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(RamingDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dir = raming_drafts_get_dir ();
  RamingPartner *gps = raming_document_find_partner (fixture->document, "huisartsen");
  RamingDraft *draft;

  /* Under G_TEST_OPTION_ISOLATE_DIRS: a temporary data folder. */
  g_assert_true (g_str_has_prefix (dir, g_get_tmp_dir ()) || strstr (dir, "raming") != NULL);
  g_assert_false (draft_exists (NULL));

  raming_document_edit (fixture->document, gps, "coverage", 0.9, NULL);
  g_assert_true (raming_window_write_draft (fixture->window));

  drafts = raming_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->id, ==, raming_window_get_draft_id (fixture->window));
  g_assert_nonnull (draft->original);
  {
    g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

    g_assert_true (g_file_equal (draft->original, file));
  }

  /* The adviser's file is not touched by autosave. */
  g_file_get_contents (fixture->path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "\"coverage\": 0.8"));

  restored = raming_draft_load (draft, &error);
  g_assert_no_error (error);
  g_assert_true (raming_document_get_modified (restored));
  g_assert_cmpfloat (raming_partner_get_field (raming_document_find_partner (restored, "huisartsen"),
                                               RAMING_PARTNER_FIELD_COVERAGE), ==, 0.9);

  /* Saving removes the draft. */
  g_assert_true (raming_window_save (fixture->window));
  g_assert_false (draft_exists (NULL));

  /* And the timer writes one by itself after a change (the memory
   * settings backend is shared with the window). */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.raming.Raming");

    g_settings_set_uint (settings, "autosave-delay", 1);
  }
  raming_document_edit (fixture->document, gps, "coverage", 0.85, NULL);
  g_assert_true (gui_test_wait_for (draft_exists, NULL, 8000));
  g_test_message ("draft written by the timer");

  /* Undoing back to what is saved removes it again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_false (raming_document_get_modified (fixture->document));
  g_assert_false (draft_exists (NULL));
}

static void
test_measures_editing (Fixture       *fixture,
                       gconstpointer  data)
{
  RamingMeasure *dyslexie = raming_document_find_measure (fixture->document, "dyslexiezorg");
  RamingMeasure *group = raming_document_find_measure (fixture->document, "afbakening_onderwijs");
  GListModel *top = raming_document_get_measures (fixture->document);
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  guint n_top = g_list_model_get_n_items (top);
  AdwToast *toast;

  /* Outdent Dyslexiezorg out of its group, then back in. */
  g_assert_true (raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page), dyslexie));
  g_assert_true (gtk_widget_activate_action (page, "measures.outdent", NULL));
  g_assert_null (raming_measure_get_parent (dyslexie));
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, n_top + 1);
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "afbakening_onderwijs", RAMING_COLUMN_REALISTIC), ==, "100.000");
  g_assert_true (raming_measures_page_get_selected (RAMING_MEASURES_PAGE (page)) == dyslexie);

  g_assert_true (gtk_widget_activate_action (page, "measures.indent", NULL));
  g_assert_true (raming_measure_get_parent (dyslexie) == group);
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "afbakening_onderwijs", RAMING_COLUMN_REALISTIC), ==, "300.000");

  /* Back in, it comes last in the group; move it up one place. */
  {
    g_autoptr(RamingMeasure) last = g_list_model_get_item (raming_measure_get_children (group), 2);
    g_autoptr(RamingMeasure) middle = NULL;

    g_assert_true (last == dyslexie);
    g_assert_true (gtk_widget_activate_action (page, "measures.move-up", NULL));
    middle = g_list_model_get_item (raming_measure_get_children (group), 1);
    g_assert_true (middle == dyslexie);
  }

  /* Remove, with a toast whose Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (page, "measures.remove", NULL));
  g_assert_null (raming_document_find_measure (fixture->document, "dyslexiezorg"));
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, "1.250.000");
  toast = raming_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), adw_toast_get_action_name (toast), NULL);
  g_assert_nonnull (raming_document_find_measure (fixture->document, "dyslexiezorg"));
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, "1.450.000");

  /* Add a measure; it is selected. */
  g_assert_true (gtk_widget_activate_action (page, "measures.add-measure", NULL));
  g_assert_nonnull (raming_document_find_measure (fixture->document, "nieuwe_maatregel"));
  g_assert_true (raming_measures_page_get_selected (RAMING_MEASURES_PAGE (page)) ==
                 raming_document_find_measure (fixture->document, "nieuwe_maatregel"));
}


static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, "tabel.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (raming_window_export (fixture->window, file, RAMING_EXPORT_CSV, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "POH bij de huisartsen"));
  g_assert_nonnull (strstr (contents, "Totaal;;951000;;4700000;1450000"));
  g_assert_nonnull (strstr (contents, "Gaan we verkennen"));
}

typedef struct
{
  const char *action;
  const char *target;
} ActionQuery;

static gboolean
is_action_button (GtkWidget *widget,
                  gpointer   data)
{
  ActionQuery *query = data;
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), query->action) != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return query->target == NULL ||
         (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), query->target) == 0);
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
expand_all (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static void
test_explain_and_jump (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  GtkWidget *panel = raming_window_get_assumptions_panel (fixture->window);
  RamingAssumption *macro = raming_document_find_assumption (fixture->document, "macro_aandeel");
  ActionQuery query = { "win.show-assumption", "macro_aandeel" };
  GtkWidget *button;

  g_assert_true (raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page),
                                                      raming_document_find_measure (fixture->document, "poh")));
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));

  /* “How was this computed?” names the macro share with a way to it,
   * once the figures are unfolded (their rows are made then). */
  g_assert_null (raming_gui_find_descendant (page, is_action_button, &query));
  expand_all (page);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  button = raming_gui_find_descendant (page, is_action_button, &query);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_mapped (panel));
  g_signal_emit_by_name (button, "clicked");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_true (gtk_widget_get_mapped (panel));
  g_assert_true (focus_is_in (raming_assumptions_panel_get_value_entry (RAMING_ASSUMPTIONS_PANEL (panel), macro)));

  /* The realistic POH figure leads to the GPs among the partners. */
  query.action = "win.show-partner";
  query.target = "huisartsen";
  button = raming_gui_find_descendant (page, is_action_button, &query);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (raming_window_get_page (fixture->window, "partners")));
}

static gboolean
is_add_result_button (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (raming_gui_get_tooltip_text (widget), "Add a result") == 0;
}

static gboolean
is_result_amount_entry (GtkWidget *widget,
                        gpointer   data)
{
  return GTK_IS_ENTRY (widget) && g_object_get_data (G_OBJECT (widget), "raming-result") != NULL &&
         gtk_widget_get_hexpand (widget);
}

static void
test_results_per_year (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  RamingMeasure *consultation = raming_document_find_measure (fixture->document, "consultatie_jeugd_ggz");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autofree char *expected = g_strdup_printf ("12.000 (%s)", year);
  GtkWidget *button;
  GtkWidget *entry;

  g_assert_true (raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page), consultation));
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_RESULT), ==, "-");

  button = raming_gui_find_descendant (page, is_add_result_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (raming_measure_get_results (consultation)), ==, 1);

  entry = raming_gui_find_descendant (page, is_result_amount_entry, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "12.000");
  g_signal_emit_by_name (entry, "activate");

  g_assert_cmpstr (gui_test_cell_text (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_RESULT), ==, expected);
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_RESULT), ==, "963.000");

  /* The result column is computed from the results now: not typed. */
  g_assert_false (raming_editable_cell_get_editable (raming_measure_cell_get_editable (
    RAMING_MEASURE_CELL (gui_test_find_measure_cell (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_RESULT)))));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (raming_measure_get_results (consultation)), ==, 0);
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_RESULT), ==, "951.000");
}

static gboolean
has_tooltip (GtkWidget *widget,
             gpointer   data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (raming_gui_get_tooltip_text (widget), data) == 0;
}

static gboolean
has_name (GtkWidget *widget,
          gpointer   data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static GtkWidget *
dialog_field (GtkWindow  *dialog,
              const char *name)
{
  GtkWidget *field = raming_gui_find_descendant (GTK_WIDGET (dialog), has_name, (gpointer) name);

  g_assert_nonnull (field);
  return field;
}

static void
click (GtkWidget  *page,
       const char *tooltip)
{
  GtkWidget *button = raming_gui_find_descendant (page, has_tooltip, (gpointer) tooltip);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* National (AEF) estimates are added, changed and removed in the window,
 * with the reason on screen while the figures cannot be used; the
 * national column follows; each step undoes. */
static void
test_national_estimates (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  RamingMeasure *consultation = raming_document_find_measure (fixture->document, "consultatie_jeugd_ggz");
  GListModel *estimates = raming_measure_get_estimates (consultation);
  GtkWidget *problem;
  GtkWindow *dialog;

  g_assert_true (raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page), consultation));
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_NATIONAL), ==, "-");

  click (page, "Add a national estimate");
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  problem = dialog_field (dialog, "problem");
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "label")), "Consultatie in de praktijk");

  /* Figures that cannot be used: Save stays off and the dialog says why. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "low")), "veel");
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "high")), "3.000.000");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (problem)), "Low (national): "));
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "low")), "-5");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (problem)), ==,
                   "Low (national): a national estimate is a saving and cannot be negative");
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "low")), "4.000.000");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (problem)), ==, "The low figure is above the high figure");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "high")), "1e15");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));

  /* 1 to 3 million nationally: 2 million × 0,89 % = 17.800. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "low")), "1.000.000");
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "high")), "3.000.000");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_false (gtk_widget_get_visible (problem));
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_field (dialog, "source")), 1);
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "page")), "12");
  gui_test_respond (dialog, "save");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpuint (g_list_model_get_n_items (estimates), ==, 1);
  {
    g_autoptr(RamingEstimate) estimate = g_list_model_get_item (estimates, 0);

    g_assert_cmpstr (raming_estimate_get_label (estimate), ==, "Consultatie in de praktijk");
    g_assert_cmpfloat (raming_estimate_get_low (estimate), ==, 1000000);
    g_assert_cmpfloat (raming_estimate_get_high (estimate), ==, 3000000);
    g_assert_nonnull (raming_estimate_get_source (estimate));
    g_assert_cmpstr (raming_estimate_get_page (estimate), ==, "12");
  }
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_NATIONAL)),
                                  17800, 1e-6);
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_NATIONAL), ==, "18.000");

  /* Changed into a maximum of 4 million: 35.600. */
  click (page, "Change the national estimate “Consultatie in de praktijk”");
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_field (dialog, "high"))), ==, "3000000");
  gtk_switch_set_active (GTK_SWITCH (dialog_field (dialog, "maximum")), TRUE);
  g_assert_false (gtk_widget_get_visible (dialog_field (dialog, "low")));
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "high")), "4000000");
  gui_test_respond (dialog, "save");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_NATIONAL)),
                                  35600, 1e-6);

  /* Cancel changes nothing. */
  click (page, "Change the national estimate “Consultatie in de praktijk”");
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (dialog_field (dialog, "high")), "9000000");
  gui_test_respond (dialog, "cancel");
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_NATIONAL)),
                                  35600, 1e-6);

  click (page, "Remove the national estimate “Consultatie in de praktijk”");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (estimates), ==, 0);
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_NATIONAL), ==, "-");

  /* Undo: removed, changed, added. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_NATIONAL)),
                                  35600, 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat_with_epsilon (raming_cell_get_value (raming_measure_get_cell (consultation, RAMING_COLUMN_NATIONAL)),
                                  17800, 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (estimates), ==, 0);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gui_test_cell_text (fixture->window, "consultatie_jeugd_ggz", RAMING_COLUMN_NATIONAL), ==, "-");
}

/* The document's own properties: the note's title, municipality, date and
 * language, and the sources, edited in the window as undoable steps. */
static void
test_document_properties (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *sources = raming_document_get_sources (fixture->document);
  guint n_sources = g_list_model_get_n_items (sources);
  GtkWindow *dialog;
  GtkWidget *date, *expander, *remove;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.properties", NULL));
  gui_test_spin (200);
  dialog = gui_test_find_dialog (RAMING_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (dialog)))),
                   ==, "document");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_field (dialog, "municipality"))), ==, "Zwolle");

  apply_text (dialog_field (dialog, "municipality"), "Deventer");
  g_assert_cmpstr (raming_document_get_municipality (fixture->document), ==, "Deventer");
  apply_text (dialog_field (dialog, "note-title"), "Voortgang besparingen jeugd");
  g_assert_cmpstr (raming_document_get_note_title (fixture->document), ==, "Voortgang besparingen jeugd");

  /* A date the file format cannot hold is refused, with the reason. */
  date = dialog_field (dialog, "date");
  apply_text (date, "30-06-2021");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (raming_gui_get_tooltip_text (date), ==,
                   "“30-06-2021” is not a date: write year-month-day, e.g. 2021-06-30");
  apply_text (date, "2021-02-30");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  apply_text (date, "2021-06-30");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (raming_document_get_date (fixture->document), ==, "2021-06-30");

  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_field (dialog, "language")), 1);
  g_assert_cmpint (raming_document_get_language (fixture->document), ==, RAMING_LANGUAGE_EN);

  /* A source is added, named, and removed; one that figures cite stays. */
  click (GTK_WIDGET (dialog), "Add a source");
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources + 1);
  expander = dialog_field (dialog, "source");
  apply_text (raming_gui_find_descendant (expander, has_name, (gpointer) "title"), "Jaarverslag jeugd 2022");
  g_assert_cmpstr (raming_source_get_title (raming_document_find_source (fixture->document, "source")), ==,
                   "Jaarverslag jeugd 2022");
  expander = dialog_field (dialog, "source");
  remove = raming_gui_find_descendant (expander, has_name, (gpointer) "remove");
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);

  expander = dialog_field (dialog, "aef_2020");
  remove = raming_gui_find_descendant (expander, has_name, (gpointer) "remove");
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);
  g_assert_nonnull (raming_document_find_source (fixture->document, "aef_2020"));

  gtk_window_destroy (dialog);

  /* Each was a step to undo: the source removed, named, added; the
   * language, the date, the note title, the municipality. */
  for (guint i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (raming_document_get_language (fixture->document), ==, RAMING_LANGUAGE_NL);
  g_assert_cmpstr (raming_document_get_municipality (fixture->document), ==, "Deventer");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (raming_document_get_municipality (fixture->document), ==, "Zwolle");
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);
  g_assert_false (raming_document_get_modified (fixture->document));
}

static gboolean
is_links_cell_of (GtkWidget *widget,
                  gpointer   item)
{
  return RAMING_IS_LINKS_CELL (widget) && raming_links_cell_get_item (RAMING_LINKS_CELL (widget)) == item;
}

static gboolean
is_check_labelled (GtkWidget *widget,
                   gpointer   label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static void
test_partners_and_actions (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *partners_page = raming_window_get_page (fixture->window, "partners");
  GtkWidget *actions_page = raming_window_get_page (fixture->window, "actions");
  GListModel *partners = raming_document_get_partners (fixture->document);
  GListModel *actions = raming_document_get_actions (fixture->document);
  guint n_partners = g_list_model_get_n_items (partners);
  guint n_actions = g_list_model_get_n_items (actions);
  RamingAction *action;
  GtkWidget *cell;

  raming_window_show_page (fixture->window, "partners");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_activate_action (partners_page, "partners.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, n_partners + 1);
  g_assert_nonnull (raming_document_find_partner (fixture->document, "verwijzer"));
  g_assert_true (gtk_widget_activate_action (partners_page, "partners.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, n_partners);
  g_assert_nonnull (raming_window_get_undo_toast (fixture->window));

  raming_window_show_page (fixture->window, "actions");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_activate_action (actions_page, "actions.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions + 1);
  /* The undo toast of the partner went with this new edit. */
  g_assert_null (raming_window_get_undo_toast (fixture->window));

  /* Give it a date in the past: it is marked overdue. */
  action = g_list_model_get_item (actions, n_actions);
  g_object_unref (action);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  cell = gui_test_find_property_cell (fixture->window, action, "due");
  g_assert_nonnull (cell);
  gui_test_type_into_cell (GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))), "30-06-2021");
  g_assert_nonnull (raming_editable_cell_get_error (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))));
  g_assert_null (raming_action_get_due (action));
  raming_editable_cell_stop_editing (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell)), FALSE);
  gui_test_type_into_cell (GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))), "2021-07-01");
  g_assert_cmpstr (raming_action_get_due (action), ==, "2021-07-01");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  /* Sorted in among the dated items, and marked. */
  {
    GListModel *shown = raming_actions_page_get_model (RAMING_ACTIONS_PAGE (actions_page));
    g_autoptr(RamingAction) second = g_list_model_get_item (shown, 1);

    g_assert_true (second == action);
  }
  cell = gui_test_find_property_cell (fixture->window, action, "due");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))), "overdue"));
  /* … in the error colour (style.css; the cell draws its text in its
   * own colour). */
  {
    GtkWidget *editable = GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell)));
    GdkRGBA color, error_color;

    gtk_style_context_get_color (gtk_widget_get_style_context (editable), &color);
    g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (editable), "error_color", &error_color));
    g_assert_true (gdk_rgba_equal (&color, &error_color));
  }

  /* Link it to the POH measure with the check box in its popover. */
  {
    GtkWidget *links = raming_gui_find_descendant (actions_page, is_links_cell_of, action);
    GtkWidget *check;

    g_assert_nonnull (links);
    g_assert_cmpstr (raming_links_cell_get_text (RAMING_LINKS_CELL (links)), ==, "–");
    g_signal_emit_by_name (gtk_widget_get_first_child (links), "clicked");
    check = raming_gui_find_descendant (links, is_check_labelled, (gpointer) "POH bij de huisartsen");
    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    g_assert_nonnull (raming_action_get_measures (action));
    g_assert_cmpstr (raming_action_get_measures (action)[0], ==, "poh");
    g_assert_null (raming_action_get_measures (action)[1]);
    g_assert_cmpstr (raming_links_cell_get_text (RAMING_LINKS_CELL (links)), ==, "POH bij de huisartsen");
  }

  g_assert_true (gtk_widget_activate_action (actions_page, "actions.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions);
}

/* A wrapping label without "width-chars" is measured by laying its text
 * out at width 0, which shapes every word letter by letter (finding 22 in
 * docs/performance.md). Every wrapping label the window shows, in the
 * details of a measure, its unfolded explanations and the assumptions
 * panel, has a minimum width of a few characters. */
/* How many widgets under @widget @match says yes to (it says why). */
static guint
count_matching (GtkWidget *widget,
                gboolean (*match) (GtkWidget *widget))
{
  guint n = match (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_matching (child, match);
  return n;
}

static gboolean
is_unbounded_wrapping (GtkWidget *widget)
{
  /* GTK's own tooltip window is not Raming's to set. */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_equal (G_OBJECT_TYPE_NAME (w), "GtkTooltipWindow"))
      return FALSE;
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      gtk_label_get_width_chars (GTK_LABEL (widget)) < 0)
    {
      g_test_message ("wrapping without a minimum: “%s”", gtk_label_get_text (GTK_LABEL (widget)));
      return TRUE;
    }
  return FALSE;
}

static guint
count_unbounded_wrapping (GtkWidget *widget)
{
  return count_matching (widget, is_unbounded_wrapping);
}

static void
test_wrap_minimum (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  GtkWidget *panel = raming_window_get_assumptions_panel (fixture->window);

  g_assert_true (raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page),
                                                      raming_document_find_measure (fixture->document, "poh")));
  raming_window_set_assumptions_visible (fixture->window, TRUE);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (count_unbounded_wrapping (GTK_WIDGET (fixture->window)), ==, 0);

  expand_all (page);
  expand_all (panel);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (count_unbounded_wrapping (GTK_WIDGET (fixture->window)), ==, 0);
}

static gboolean
is_entry_row (GtkWidget *widget,
              gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

static gboolean
is_expander_row (GtkWidget *widget,
                 gpointer   data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

/* The column view of the page of that type, found without asking the
 * window for the page (which makes and fills it); NULL while the page
 * has not been made. */
static GtkColumnView *
page_column_view (RamingWindow *window,
                  GType         page_type)
{
  GtkWidget *page = raming_gui_find_descendant (GTK_WIDGET (window), gui_test_is_type, GSIZE_TO_POINTER (page_type));

  if (page == NULL)
    return NULL;
  return GTK_COLUMN_VIEW (raming_gui_find_descendant (page, gui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)));
}

/* The referral partners' and the action items' pages are made, and they
 * and the assumptions take the document, when first shown; an
 * assumption's row makes the rows inside it when first unfolded; its
 * header is there from the start (docs/performance.md, findings 24 and
 * 29). */
static gboolean
is_status_page_titled (GtkWidget *widget,
                       gpointer   title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static void
test_hidden_parts_on_demand (Fixture       *fixture,
                             gconstpointer  data)
{
  RamingAssumption *macro = raming_document_find_assumption (fixture->document, "macro_aandeel");
  GtkColumnView *partners;
  GtkColumnView *actions;
  GtkWidget *measures;
  GtkWidget *status;
  GtkWidget *panel;
  GtkWidget *row;

  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));

  /* The menu of recent documents is made when first opened (finding 28). */
  {
    GtkWidget *split = raming_gui_find_descendant (GTK_WIDGET (fixture->window), gui_test_is_type,
                                                   GSIZE_TO_POINTER (ADW_TYPE_SPLIT_BUTTON));
    GtkWidget *arrow = raming_gui_find_descendant (split, gui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
    GMenuModel *menu;
    g_autoptr(GMenuModel) section = NULL;

    g_assert_null (adw_split_button_get_popover (ADW_SPLIT_BUTTON (split)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (arrow));
    gui_test_wait_for_draw (arrow);
    menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (split));
    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (adw_split_button_get_popover (ADW_SPLIT_BUTTON (split)))));
    section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (section), >=, 1);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (arrow));
  }

  g_assert_null (page_column_view (fixture->window, RAMING_TYPE_PARTNERS_PAGE));
  g_assert_null (page_column_view (fixture->window, RAMING_TYPE_ACTIONS_PAGE));
  /* The measures page's empty state is made when first shown (finding 35). */
  measures = raming_window_get_page (fixture->window, "measures");
  g_assert_null (raming_gui_find_descendant (measures, is_status_page_titled, (gpointer) "No Measures Yet"));
  panel = raming_gui_find_descendant (GTK_WIDGET (fixture->window), gui_test_is_type,
                                      GSIZE_TO_POINTER (RAMING_TYPE_ASSUMPTIONS_PANEL));
  g_assert_null (raming_gui_find_descendant (panel, is_expander_row, NULL));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "actions");
  actions = page_column_view (fixture->window, RAMING_TYPE_ACTIONS_PAGE);
  g_assert_nonnull (actions);
  g_assert_nonnull (gtk_column_view_get_model (actions));
  g_assert_null (page_column_view (fixture->window, RAMING_TYPE_PARTNERS_PAGE));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "partners");
  partners = page_column_view (fixture->window, RAMING_TYPE_PARTNERS_PAGE);
  g_assert_nonnull (partners);
  g_assert_nonnull (gtk_column_view_get_model (partners));

  /* Another document: the parts that had one take it at once. */
  {
    g_autoptr(RamingDocument) original = g_object_ref (fixture->document);
    g_autoptr(RamingDocument) other = raming_document_new ();

    raming_window_set_document (fixture->window, other);
    g_assert_true (gtk_column_view_get_model (partners) != NULL &&
                   gtk_column_view_get_model (actions) != NULL);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "measures");
    gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
    status = raming_gui_find_descendant (measures, is_status_page_titled, (gpointer) "No Measures Yet");
    g_assert_nonnull (status);
    g_assert_true (gtk_widget_get_mapped (status));
    raming_window_set_document (fixture->window, original);
    gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
    g_assert_false (gtk_widget_get_mapped (status));
  }

  raming_window_set_assumptions_visible (fixture->window, TRUE);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  row = raming_gui_find_descendant (panel, is_expander_row, NULL);
  g_assert_nonnull (row);
  g_assert_nonnull (raming_assumptions_panel_get_value_entry (RAMING_ASSUMPTIONS_PANEL (panel), macro));
  g_assert_null (raming_gui_find_descendant (panel, is_entry_row, NULL));

  g_assert_true (raming_assumptions_panel_show (RAMING_ASSUMPTIONS_PANEL (panel), macro));
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_nonnull (raming_gui_find_descendant (panel, is_key_entry_with, (gpointer) "macro_aandeel"));
}

/* Until the band of a new window is drawn the summary says so, and does
 * not show “€ 0 – € 0”. */
static void
test_band_computing (void)
{
  g_autofree char *path = gui_test_copy_example (EXAMPLE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = NULL;
  RamingTotals *totals;
  RamingWindow *window;
  GtkWidget *summary;

  /* As the application does: the first band in the background. */
  raming_document_set_default_band_in_background (TRUE);
  document = raming_document_load_from_file (file, NULL, &error);
  raming_document_set_default_band_in_background (FALSE);
  g_assert_no_error (error);
  window = raming_window_new (NULL, document);
  summary = raming_window_get_summary (window);
  totals = raming_document_get_totals (document);
  g_assert_true (raming_totals_get_band_pending (totals));
  g_assert_cmpstr (raming_summary_bar_get_text (RAMING_SUMMARY_BAR (summary), RAMING_TOTAL_P10), ==,
                   "P10–P90: being computed…");

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 500 && raming_totals_get_band_pending (totals); i++)
    gui_test_spin (10);
  g_assert_false (raming_totals_get_band_pending (totals));
  g_assert_cmpstr (raming_summary_bar_get_text (RAMING_SUMMARY_BAR (summary), RAMING_TOTAL_P10), ==,
                   "P10–P90: € 1,16 mln – € 1,35 mln");
  gui_test_close_window (window);
}

/* What the first frame of a window of @width shows of the details pane:
 * whether the pane was mapped then (state 0 or 1; -1: no frame yet). */
static void
on_first_after_paint (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  int *state = g_object_get_data (G_OBJECT (window), "first-frame");
  GtkWidget *details;

  if (!gtk_widget_get_mapped (window) || *state >= 0)
    return;
  details = raming_gui_find_descendant (window, gui_test_is_type, GSIZE_TO_POINTER (RAMING_TYPE_MEASURE_DETAILS));
  *state = details != NULL && gtk_widget_get_mapped (details);
}

static void
on_window_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_after_paint), window, 0);
}

static void
check_details_at_first_frame (int      width,
                              gboolean shown)
{
  g_autofree char *path = gui_test_copy_example (EXAMPLE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = raming_document_load_from_file (file, NULL, &error);
  int state = -1;
  RamingWindow *window;
  GtkWidget *page;
  GtkWidget *flap;
  GtkWidget *details;

  g_assert_no_error (error);
  window = raming_window_new (NULL, document);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  page = raming_gui_find_descendant (GTK_WIDGET (window), gui_test_is_type, GSIZE_TO_POINTER (RAMING_TYPE_MEASURES_PAGE));
  flap = raming_gui_find_descendant (page, gui_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_FLAP));
  g_assert_nonnull (flap);
  g_object_set_data (G_OBJECT (window), "first-frame", &state);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_draw (GTK_WIDGET (window));
  gui_test_spin (400);   /* longer than the flap's animations */

  g_assert_cmpint (state, ==, shown);
  g_assert_cmpint (adw_flap_get_folded (ADW_FLAP (flap)), ==, !shown);
  g_assert_cmpint (adw_flap_get_reveal_flap (ADW_FLAP (flap)), ==, shown);
  details = raming_gui_find_descendant (flap, gui_test_is_type, GSIZE_TO_POINTER (RAMING_TYPE_MEASURE_DETAILS));
  if (!shown)
    {
      /* Not made until shown (finding 27); then it explains the selection. */
      g_assert_null (details);
      adw_flap_set_reveal_flap (ADW_FLAP (flap), TRUE);
      gui_test_wait_for_draw (GTK_WIDGET (window));
      details = raming_gui_find_descendant (flap, gui_test_is_type, GSIZE_TO_POINTER (RAMING_TYPE_MEASURE_DETAILS));
    }
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_get_mapped (details));
  g_assert_true (raming_measure_details_get_measure (RAMING_MEASURE_DETAILS (details)) ==
                 raming_measures_page_get_selected (RAMING_MEASURES_PAGE (page)));
  g_assert_nonnull (raming_measure_details_get_measure (RAMING_MEASURE_DETAILS (details)));
  {
    g_autoptr(RamingMeasure) second = g_list_model_get_item (raming_document_get_measures (document), 1);

    g_assert_true (raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page), second));
    g_assert_true (raming_measure_details_get_measure (RAMING_MEASURE_DETAILS (details)) == second);
  }
  gui_test_close_window (window);
}

/* At the default size (1100 × 720) the table and the details pane do not
 * fit side by side: the pane is folded away from the first frame on, not
 * drawn and then slid away (docs/performance.md, finding 26). In a wide
 * window it is there from the first frame. */
static void
test_details_first_frame (void)
{
  /* The tests run without animations (gui-test-util.c); with them off
   * the flap never showed the pane it was folding away. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  check_details_at_first_frame (1100, FALSE);
  check_details_at_first_frame (1600, TRUE);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Counts the border nodes under @node, and those of them that GTK 4.8's GL
 * renderer draws with its border shader: rounded, or sides of different
 * colours (also when a side without width has another colour). */
static void
count_borders (GskRenderNode *node,
               guint         *all,
               guint         *shaded)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_borders (gsk_container_node_get_child (node, i), all, shaded);
      break;
    case GSK_TRANSFORM_NODE:
      count_borders (gsk_transform_node_get_child (node), all, shaded);
      break;
    case GSK_CLIP_NODE:
      count_borders (gsk_clip_node_get_child (node), all, shaded);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_borders (gsk_rounded_clip_node_get_child (node), all, shaded);
      break;
    case GSK_OPACITY_NODE:
      count_borders (gsk_opacity_node_get_child (node), all, shaded);
      break;
    case GSK_COLOR_MATRIX_NODE:
      count_borders (gsk_color_matrix_node_get_child (node), all, shaded);
      break;
    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colors = gsk_border_node_get_colors (node);
        const GskRoundedRect *outline = gsk_border_node_get_outline (node);
        gboolean uniform = TRUE;

        for (guint i = 1; i < 4; i++)
          uniform = uniform && gdk_rgba_equal (&colors[0], &colors[i]);
        (*all)++;
        if (!uniform || !gsk_rounded_rect_is_rectilinear (outline))
          (*shaded)++;
      }
      break;
    default:
      break;
    }
}

/* The table's and the summary's separators are drawn as plain rectangles,
 * not with the border shader (docs/performance.md, finding 30), and the
 * cells and column titles draw no (transparent) border at all: one line
 * per row of the example's eleven and the summary's (finding 32). */
static void
count_widget_borders (GtkWidget *widget,
                      guint     *all,
                      guint     *shaded)
{
  g_autoptr(GskRenderNode) node = gui_test_take_render_node (widget);

  g_assert_nonnull (node);
  count_borders (node, all, shaded);
}

static void
test_plain_borders (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  guint all = 0;
  guint shaded = 0;

  count_widget_borders (raming_window_get_summary (fixture->window), &all, &shaded);
  count_widget_borders (raming_gui_find_descendant (page, gui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)),
                        &all, &shaded);
  g_assert_cmpuint (all, >=, 10);
  g_assert_cmpuint (all, <=, 14);
  g_assert_cmpuint (shaded, ==, 0);
}

/* A label, or a table cell, which draws its text itself (finding 38). */
static gboolean
is_mapped_text (GtkWidget *widget)
{
  return (GTK_IS_LABEL (widget) || RAMING_IS_EDITABLE_CELL (widget)) && gtk_widget_get_mapped (widget);
}

static const char *
text_of (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                               : raming_editable_cell_get_text (RAMING_EDITABLE_CELL (widget));
}

/* Text that Pango measures with other cairo font options than GTK's GL
 * renderer draws it with (on a cairo image surface) is loaded twice by
 * cairo, glyph by glyph (docs/performance.md, finding 34). */
static gboolean
is_drawn_with_other_options (GtkWidget *widget)
{
  const cairo_font_options_t *measured;
  cairo_surface_t *surface;
  cairo_font_options_t *drawn;
  gboolean other;

  if (!is_mapped_text (widget))
    return FALSE;

  measured = pango_cairo_context_get_font_options (gtk_widget_get_pango_context (widget));
  g_assert_nonnull (measured);
  /* What cairo makes of them when drawing on an image surface */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  drawn = cairo_font_options_create ();
  cairo_surface_get_font_options (surface, drawn);
  cairo_font_options_merge (drawn, measured);
  other = !cairo_font_options_equal (drawn, measured);
  if (other)
    g_test_message ("drawn with other font options: “%s”", text_of (widget));
  cairo_font_options_destroy (drawn);
  cairo_surface_destroy (surface);
  return other;
}

static void
test_drawing_font (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  GtkWidget *view = raming_gui_find_descendant (page, gui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));

  if (gtk_get_minor_version () >= 14)
    {
      g_test_skip ("measured on GTK 4.8 to 4.12 only");
      return;
    }

  /* The font map made before GTK starts (finding 36) is the one GTK uses. */
  g_assert_true (pango_context_get_font_map (gtk_widget_get_pango_context (view)) ==
                 pango_cairo_font_map_get_default ());

  /* The window's chrome, the column titles and the example's rows */
  g_assert_cmpuint (count_matching (view, is_mapped_text), >=, 11 * 5);
  g_assert_cmpuint (count_matching (GTK_WIDGET (fixture->window), is_drawn_with_other_options), ==, 0);
}

/* Widgets with a tooltip set through GTK (gtk_widget_set_tooltip_text()
 * or "tooltip-text" in a .ui file), each of which asked the display
 * where the pointer was when it was set; Raming's go through
 * raming_gui_set_tooltip_text() (docs/performance.md, finding 23). */
static gboolean
has_gtk_tooltip (GtkWidget *widget)
{
  /* Set by libadwaita's AdwEntryRow and GTK's GtkSearchEntry themselves */
  static const char * const theirs[] = { "Apply", "Clear entry", NULL };
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || g_strv_contains (theirs, text))
    return FALSE;
  g_test_message ("GTK tooltip on a %s: “%s”", G_OBJECT_TYPE_NAME (widget), text);
  return TRUE;
}

static gboolean
query_tooltip (GtkWidget  *widget,
               char      **text)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_object_unref (tooltip);
  *text = NULL;
  if (shown)
    *text = g_strdup (raming_gui_get_tooltip_text (widget));
  return shown;
}

static void
test_tooltips (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  GtkWidget *button = gtk_button_new ();
  g_autofree char *text = NULL;
  guint gtk_own;

  raming_window_set_assumptions_visible (fixture->window, TRUE);
  g_assert_true (raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page),
                                                      raming_document_find_measure (fixture->document, "poh")));
  expand_all (page);
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));

  /* Raming's tooltips are there, and none went through GTK. */
  g_assert_nonnull (raming_gui_find_descendant (page, has_tooltip, (gpointer) "Move up (Alt+Up)"));
  g_assert_nonnull (raming_gui_find_descendant (GTK_WIDGET (fixture->window), has_tooltip,
                                                (gpointer) "Save the document (Ctrl+S)"));
  gtk_own = count_matching (GTK_WIDGET (fixture->window), has_gtk_tooltip);
  g_assert_cmpuint (gtk_own, ==, 0);

  /* The helper: the text is handed out when GTK asks, an empty text is
   * none, and the widget is described by it. */
  g_object_ref_sink (button);
  raming_gui_set_tooltip_text (button, "Opslaan");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_true (query_tooltip (button, &text));
  g_assert_cmpstr (text, ==, "Opslaan");
  g_clear_pointer (&text, g_free);
  raming_gui_set_tooltip_text (button, "Opslaan");
  raming_gui_set_tooltip_text (button, "");
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_null (raming_gui_get_tooltip_text (button));
  g_assert_false (query_tooltip (button, &text));
  raming_gui_set_tooltip_text (button, "Opnieuw");
  g_assert_true (query_tooltip (button, &text));
  g_assert_cmpstr (text, ==, "Opnieuw");
  g_object_unref (button);
}

int
main (int   argc,
      char *argv[])
{
  int status = gui_test_init (&argc, &argv);

  if (status >= 0)
    return status;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/tabs", test_tabs);
  ADD ("/window/assumption-edit", test_assumption_edit);
  ADD ("/window/partner-coverage", test_partner_coverage);
  ADD ("/window/invalid-cell", test_invalid_cell);
  ADD ("/window/save-reopen", test_save_reopen);
  ADD ("/window/broken-file", test_broken_file);
  ADD ("/window/autosave-draft", test_autosave_draft);
  ADD ("/window/measures-editing", test_measures_editing);
  ADD ("/window/export", test_export);
  ADD ("/window/explain-and-jump", test_explain_and_jump);
  ADD ("/window/results-per-year", test_results_per_year);
  ADD ("/window/national-estimates", test_national_estimates);
  ADD ("/window/assumption-key", test_assumption_key);
  ADD ("/window/assumption-focus-leave", test_assumption_focus_leave);
  ADD ("/window/document-properties", test_document_properties);
  ADD ("/window/partners-and-actions", test_partners_and_actions);
  ADD ("/window/wrap-minimum", test_wrap_minimum);
  ADD ("/window/tooltips", test_tooltips);
  ADD ("/window/plain-borders", test_plain_borders);
  ADD ("/window/drawing-font", test_drawing_font);
  g_test_add_func ("/window/band-computing", test_band_computing);
  g_test_add_func ("/window/details-first-frame", test_details_first_frame);
  ADD ("/window/hidden-parts-on-demand", test_hidden_parts_on_demand);

  return g_test_run ();
}
