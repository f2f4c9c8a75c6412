/* test-screenshots.c: pictures of every tab, to look at
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-util.h"
#include "raming-estimate-dialog.h"
#include "raming-preferences-window.h"
#include "raming-assumptions-panel.h"
#include "raming-measure-cell.h"
#include "raming-measures-page.h"
#include "raming-gui-util.h"

/* Writes screenshot-<tab><suffix>.png into the build directory, where
 * <suffix> is $RAMING_SCREENSHOT_SUFFIX (e.g. “-nl” for the Dutch run). */

static RamingWindow *window;

static void
shoot (const char *name)
{
  const char *suffix = g_getenv ("RAMING_SCREENSHOT_SUFFIX");
  g_autofree char *file_name = g_strdup_printf ("screenshot-%s%s.png", name, suffix ? suffix : "");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);

  gui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gui_test_save_screenshot (GTK_WIDGET (window), path));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_test_message ("wrote %s", path);
}

/* Every column title of the table is shown in full (GTK 4.8 clips one
 * that does not fit; the Dutch ones were), and the table fits beside the
 * details pane without scrolling sideways. */
static void
check_column_titles (GtkWidget *page)
{
  GType title_type = g_type_from_name ("GtkColumnViewTitle");
  GtkWidget *column_view = raming_gui_find_descendant (page, gui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));
  GtkWidget *scrolled = gtk_widget_get_ancestor (column_view, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  guint n_titles = 0;

  g_assert_true (title_type != G_TYPE_INVALID);
  for (GtkWidget *header = gtk_widget_get_first_child (column_view); header;
       header = gtk_widget_get_next_sibling (header))
    for (GtkWidget *title = gtk_widget_get_first_child (header); title;
         title = gtk_widget_get_next_sibling (title))
      if (G_TYPE_CHECK_INSTANCE_TYPE (title, title_type))
        {
          GtkWidget *label = raming_gui_find_descendant (title, gui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));
          graphene_rect_t bounds;
          int natural;

          g_assert_nonnull (label);
          g_assert_true (gtk_widget_compute_bounds (label, title, &bounds));
          gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          g_test_message ("column title “%s”: %d wide, ends at %.0f of %d", gtk_label_get_text (GTK_LABEL (label)),
                          natural, bounds.origin.x + natural, gtk_widget_get_width (title));
          g_assert_cmpfloat (bounds.origin.x + natural, <=, gtk_widget_get_width (title));
          n_titles++;
        }
  g_assert_cmpuint (n_titles, ==, 1 + RAMING_N_COLUMNS);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h));
}

static void
test_measures (void)
{
  g_autofree char *path = gui_test_copy_example ("zwolle-2021.raming");
  GtkWidget *page;
  RamingDocument *document;

  window = gui_test_open_window (path);
  page = raming_window_get_page (window, "measures");
  document = raming_window_get_document (window);

  raming_window_show_page (window, "measures");
  raming_measures_page_select_measure (RAMING_MEASURES_PAGE (page),
                                       raming_document_find_measure (document, "poh"));
  shoot ("measures");
  check_column_titles (page);
}

/* A figure being edited that cannot be taken: the entry says why. */
static void
test_cell_error (void)
{
  GtkWidget *cell = gui_test_find_measure_cell (window, "passende_jeugdhulp", RAMING_COLUMN_ORIGINAL);
  RamingEditableCell *editable = raming_measure_cell_get_editable (RAMING_MEASURE_CELL (cell));

  gui_test_type_into_cell (GTK_WIDGET (editable), "abc");
  g_assert_nonnull (raming_editable_cell_get_error (editable));
  shoot ("cell-error");
  raming_editable_cell_stop_editing (editable, FALSE);
}

static gboolean
is_realistic_expander (GtkWidget *widget,
                       gpointer   data)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "raming-column")) == RAMING_COLUMN_REALISTIC;
}

/* “How was this computed?” for the realistic POH estimate. */
static void
test_explanation (void)
{
  GtkWidget *page = raming_window_get_page (window, "measures");
  GtkWidget *expander = raming_gui_find_descendant (page, is_realistic_expander, NULL);

  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gui_test_wait_for_draw (GTK_WIDGET (window));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (expander, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    double x, y;

    g_assert_true (gtk_widget_translate_coordinates (expander, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                     0, 0, &x, &y));
    gtk_adjustment_set_value (adjustment, y - 12);
  }
  shoot ("explanation");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), FALSE);
}

static void
test_assumptions (void)
{
  RamingDocument *document = raming_window_get_document (window);

  raming_window_set_assumptions_visible (window, TRUE);
  raming_assumptions_panel_show (RAMING_ASSUMPTIONS_PANEL (raming_window_get_assumptions_panel (window)),
                                 raming_document_find_assumption (document, "macro_aandeel"));
  shoot ("assumptions");
  raming_window_set_assumptions_visible (window, FALSE);
}

/* The dialog of a national estimate, over the window. */
static void
test_estimate (void)
{
  RamingDocument *document = raming_window_get_document (window);
  RamingMeasure *poh = raming_document_find_measure (document, "poh");
  g_autoptr(RamingEstimate) estimate = g_list_model_get_item (raming_measure_get_estimates (poh), 0);
  const char *suffix = g_getenv ("RAMING_SCREENSHOT_SUFFIX");
  g_autofree char *file_name = g_strdup_printf ("screenshot-estimate%s.png", suffix ? suffix : "");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  GtkWindow *dialog;

  raming_window_show_page (window, "measures");
  dialog = raming_estimate_dialog_present (GTK_WIDGET (window), document, poh, estimate);
  gui_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gui_test_save_screenshot (GTK_WIDGET (dialog), path));
  g_test_message ("wrote %s", path);
  gui_test_respond (dialog, "cancel");
}

/* The document's own properties, over the window. */
static void
test_properties (void)
{
  const char *suffix = g_getenv ("RAMING_SCREENSHOT_SUFFIX");
  g_autofree char *file_name = g_strdup_printf ("screenshot-properties%s.png", suffix ? suffix : "");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  GtkWidget *dialog = raming_preferences_window_new (GTK_WINDOW (window), raming_window_get_document (window));

  raming_preferences_window_show_document_page (RAMING_PREFERENCES_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_for_draw (dialog);
  g_assert_true (gui_test_save_screenshot (dialog, path));
  g_test_message ("wrote %s", path);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_partners (void)
{
  raming_window_show_page (window, "partners");
  shoot ("partners");
}

static void
test_actions (void)
{
  raming_window_show_page (window, "actions");
  shoot ("actions");
}

static void
test_narrow (void)
{
  GtkWidget *bar;

  raming_window_show_page (window, "measures");
  /* The switcher bar at the bottom is made only when first needed
   * (docs/performance.md, finding 35). */
  if (gtk_widget_get_width (GTK_WIDGET (window)) >= 1000)
    g_assert_null (raming_gui_find_descendant (GTK_WIDGET (window), gui_test_is_type,
                                               GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_BAR)));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gui_test_spin (1000);
  bar = raming_gui_find_descendant (GTK_WIDGET (window), gui_test_is_type,
                                    GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_nonnull (bar);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_true (gtk_widget_get_mapped (bar));
  shoot ("narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gui_test_spin (300);
}

int
main (int   argc,
      char *argv[])
{
  int status = gui_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add_func ("/screenshots/measures", test_measures);
  g_test_add_func ("/screenshots/cell-error", test_cell_error);
  g_test_add_func ("/screenshots/explanation", test_explanation);
  g_test_add_func ("/screenshots/assumptions", test_assumptions);
  g_test_add_func ("/screenshots/estimate", test_estimate);
  g_test_add_func ("/screenshots/properties", test_properties);
  g_test_add_func ("/screenshots/partners", test_partners);
  g_test_add_func ("/screenshots/actions", test_actions);
  g_test_add_func ("/screenshots/narrow", test_narrow);

  status = g_test_run ();
  gui_test_close_window (window);
  return status;
}
