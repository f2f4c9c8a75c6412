/* test-print.c: printing, exporting and copying the appendix from the window
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected cells are the hand-typed table of the note,
 * tests/data/export/zwolle-2021.table.tsv (not the program's own output).
 * PDFs are read back with pdftotext and pdfinfo (poppler-utils).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gui-test-util.h"
#include "pdf-text.h"
#include "raming-export.h"
#include "raming-gui-util.h"
#include "raming-note-renderer.h"
#include "raming-note-table.h"
#include "raming-print-operation.h"
#include "raming-property-cell.h"

#define EXAMPLE "zwolle-2021.raming"

typedef struct
{
  char           *path;
  char           *dir;
  RamingWindow   *window;
  RamingDocument *document;
  GSettings      *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = raming_gui_settings_new ();
  g_assert_nonnull (fixture->settings);
  /* The memory backend keeps settings for the whole process. */
  g_settings_reset (fixture->settings, "page-orientation");
  g_settings_reset (fixture->settings, "page-setup");
  g_settings_reset (fixture->settings, "print-settings");
  g_settings_reset (fixture->settings, "include-actions-in-appendix");
  g_settings_reset (fixture->settings, "export-language");

  fixture->path = gui_test_copy_example (EXAMPLE);
  fixture->dir = g_path_get_dirname (fixture->path);
  fixture->window = gui_test_open_window (fixture->path);
  fixture->document = raming_window_get_document (fixture->window);
}

/* The example's copy and what the test wrote beside it. */
static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_close_window (fixture->window);
  remove_dir (fixture->dir);
  g_clear_object (&fixture->settings);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ---------------------------------------------------------------- */
/* Reading files back */

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* The expected table: header, rows, total; cells separated by tabs. */
static GStrv
expected_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "export", "zwolle-2021.table.tsv", NULL);
  g_autofree char *text = read_file (path, NULL);

  g_assert_true (g_str_has_suffix (text, "\n"));
  text[strlen (text) - 1] = '\0';
  return g_strsplit (text, "\n", -1);
}

/* The expected table in the text of a printed page (pdf-text.c); the
 * number of its rows. */
static guint
assert_table_in_text (const char *text)
{
  g_autoptr(GArray) tokens = pdf_text_tokenize (text);
  g_auto(GStrv) expected = expected_table ();
  guint n_rows = 0;

  g_assert_cmpuint (g_strv_length (expected), ==, 13);
  pdf_text_assert_table (tokens, expected, &n_rows);
  return n_rows;
}

static char *
temp_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* ---------------------------------------------------------------- */
/* Printing */

static void
test_print_to_file (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Kept in the build directory, to look at. */
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "printed.pdf", NULL);
  g_autofree char *export_path = temp_path (fixture, "exported.pdf");
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *exported_text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  guint n_pages = 0;

  g_assert_true (raming_window_print_to_file (fixture->window, path, &n_pages, &error));
  g_assert_no_error (error);

  text = pdf_text_from_file (path);
  g_test_message ("pdftotext -layout of the printed page:\n%s", text);
  g_assert_cmpuint (assert_table_in_text (text), ==, 12);
  g_assert_nonnull (strstr (text, "Bijlage"));
  g_assert_nonnull (strstr (text, "Pagina 1 van 1"));
  /* The uncertainty band is there, worked out for the print. */
  g_assert_nonnull (strstr (text, "P10"));
  /* Without the action items unless asked for. */
  g_assert_null (strstr (text, "Eigenaar"));

  pages = pdf_text_info (path, "Pages");
  size = pdf_text_info (path, "Page size");
  g_test_message ("pdfinfo: Pages: %s; Page size: %s", pages, size);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpint (atoi (pages), ==, n_pages);
  g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");

  /* The printed pages are the exported PDF's: one renderer draws both. */
  g_assert_true (raming_window_export (fixture->window, export_file, RAMING_EXPORT_PDF, &error));
  g_assert_no_error (error);
  exported_text = pdf_text_from_file (export_path);
  g_assert_cmpstr (text, ==, exported_text);

  /* A picture to look at. */
  {
    g_autofree char *prefix = g_test_build_filename (G_TEST_BUILT, "printed", NULL);
    const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                           path, prefix, NULL };
    g_free (pdf_text_run (argv));
    g_test_message ("wrote %s.png", prefix);
  }
}

/* A table longer than a page: every page is printed, each with its
 * number, and the header repeated where the table goes on. */
static void
test_print_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "long.pdf");
  GtkWidget *page = raming_window_get_page (fixture->window, "measures");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_auto(GStrv) page_texts = NULL;
  guint n_pages = 0;
  gboolean ok;

  for (guint i = 0; i < 60; i++)
    g_assert_true (gtk_widget_activate_action (page, "measures.add-measure", NULL));

  ok = raming_window_print_to_file (fixture->window, path, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  pages = pdf_text_info (path, "Pages");
  g_test_message ("60 more measures: %u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpint (atoi (pages), ==, n_pages);

  text = pdf_text_from_file (path);
  page_texts = g_strsplit (text, "\f", -1);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page_of = g_strdup_printf ("Pagina %u van %u", p + 1, n_pages);

      g_assert_nonnull (strstr (page_texts[p], page_of));
      g_assert_nonnull (strstr (page_texts[p], "Maatregel"));
      if (p > 0)
        g_assert_nonnull (strstr (page_texts[p], "(vervolg)"));
    }
  g_assert_nonnull (strstr (page_texts[0], "POH bij de huisartsen"));
  g_assert_nonnull (strstr (page_texts[n_pages - 1], "Bronnen"));
}

/* The text of the line in @text that starts with @prefix (after spaces). */
static char *
line_starting (const char *text,
               const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), prefix))
      return g_strdup (lines[i]);
  return NULL;
}

/* An edit made in the window is in the next print: the totals and the
 * uncertainty band, worked out again when printing starts. */
static void
test_print_after_edit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before_path = temp_path (fixture, "before.pdf");
  g_autofree char *after_path = temp_path (fixture, "after.pdf");
  RamingPartner *gps = raming_document_find_partner (fixture->document, "huisartsen");
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingNoteTable) table = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *band_before = NULL;
  g_autofree char *band_after = NULL;
  g_autofree char *total_after = NULL;
  GtkWidget *cell;

  g_assert_true (raming_window_print_to_file (fixture->window, before_path, NULL, &error));
  g_assert_no_error (error);
  before = pdf_text_from_file (before_path);

  raming_window_show_page (fixture->window, "partners");
  gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  cell = gui_test_find_property_cell (fixture->window, gps, "coverage");
  g_assert_nonnull (cell);
  gui_test_type_into_cell (GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))), "0,9");
  g_assert_cmpstr (gui_test_summary_text (fixture->window, RAMING_TOTAL_REALISTIC), ==, "1.339.000");

  g_assert_true (raming_window_print_to_file (fixture->window, after_path, NULL, &error));
  g_assert_no_error (error);
  after = pdf_text_from_file (after_path);

  total_after = line_starting (after, "Totaal");
  g_assert_nonnull (total_after);
  g_assert_nonnull (strstr (total_after, "1.339.000"));
  band_before = line_starting (before, "Bandbreedte");
  band_after = line_starting (after, "Bandbreedte");
  g_assert_nonnull (band_before);
  g_assert_nonnull (band_after);
  g_test_message ("before: %s\nafter:  %s", band_before, band_after);
  g_assert_cmpstr (band_before, !=, band_after);
  table = raming_note_table_new (fixture->document, RAMING_LANGUAGE_NL);
  g_assert_true (g_str_has_prefix (raming_note_table_get_band_text (table), band_after));
}

static void
test_print_landscape (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "landscape.pdf");
  g_autofree char *export_path = temp_path (fixture, "landscape-export.pdf");
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  g_autofree char *export_size = NULL;
  guint n_pages = 0;

  g_settings_set_string (fixture->settings, "page-orientation", "landscape");

  g_assert_true (raming_window_print_to_file (fixture->window, path, &n_pages, &error));
  g_assert_no_error (error);
  size = pdf_text_info (path, "Page size");
  g_test_message ("pdfinfo: Page size: %s", size);
  g_assert_cmpstr (size, ==, "841.89 x 595.276 pts (A4)");
  text = pdf_text_from_file (path);
  g_assert_cmpuint (assert_table_in_text (text), ==, 12);
  g_assert_cmpuint (n_pages, ==, 1);

  /* The export follows the same setting. */
  g_assert_true (raming_window_export (fixture->window, export_file, RAMING_EXPORT_PDF, &error));
  g_assert_no_error (error);
  export_size = pdf_text_info (export_path, "Page size");
  g_assert_cmpstr (export_size, ==, "841.89 x 595.276 pts (A4)");

  {
    g_autofree char *prefix = g_test_build_filename (G_TEST_BUILT, "printed-landscape", NULL);
    const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                           path, prefix, NULL };

    g_free (pdf_text_run (argv));
  }
}

/* A page setup remembered from an earlier print (Letter, landscape)
 * is used, turned to the orientation of the preferences. */
static void
test_print_page_setup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "letter.pdf");
  g_autoptr(GtkPageSetup) letter = gtk_page_setup_new ();
  g_autoptr(GtkPageSetup) loaded = NULL;
  GtkPaperSize *paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (letter, paper);
  gtk_paper_size_free (paper);
  gtk_page_setup_set_orientation (letter, GTK_PAGE_ORIENTATION_LANDSCAPE);
  raming_print_store_page_setup (fixture->settings, letter);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "page-orientation"), ==, "landscape");

  loaded = raming_print_load_page_setup (fixture->settings);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (loaded)), ==, GTK_PAPER_NAME_LETTER);
  g_assert_cmpint (gtk_page_setup_get_orientation (loaded), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  g_settings_set_string (fixture->settings, "page-orientation", "portrait");
  g_assert_true (raming_window_print_to_file (fixture->window, path, NULL, &error));
  g_assert_no_error (error);
  size = pdf_text_info (path, "Page size");
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");

  /* Paper too small for the table: a message, not a broken page. */
  {
    g_autofree char *tiny_path = temp_path (fixture, "tiny.pdf");
    g_autoptr(GtkPageSetup) tiny = gtk_page_setup_new ();
    GtkPaperSize *label = gtk_paper_size_new_custom ("label", "Label", 100, 60, GTK_UNIT_POINTS);

    gtk_page_setup_set_paper_size_and_default_margins (tiny, label);
    gtk_paper_size_free (label);
    raming_print_store_page_setup (fixture->settings, tiny);
    g_assert_false (raming_window_print_to_file (fixture->window, tiny_path, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_test_message ("%s", error->message);
    g_assert_false (g_file_test (tiny_path, G_FILE_TEST_EXISTS));
  }
}

static void
test_print_actions (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "actions.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  guint n_pages = 0;

  g_settings_set_boolean (fixture->settings, "include-actions-in-appendix", TRUE);
  g_assert_true (raming_window_print_to_file (fixture->window, path, &n_pages, &error));
  g_assert_no_error (error);
  text = pdf_text_from_file (path);
  g_assert_cmpuint (assert_table_in_text (text), ==, 12);
  g_assert_nonnull (strstr (text, "Acties"));
  g_assert_nonnull (strstr (text, "Eigenaar"));
  pages = pdf_text_info (path, "Pages");
  g_assert_cmpint (atoi (pages), ==, n_pages);
  g_test_message ("with the action items: %u pages", n_pages);
}

/* The export language of the preferences, not the document's. */
static void
test_print_english (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "english.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) tokens = NULL;

  g_settings_set_string (fixture->settings, "export-language", "en");
  g_assert_true (raming_window_print_to_file (fixture->window, path, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text_from_file (path);
  tokens = pdf_text_tokenize (text);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Appendix", G_MAXUINT), ==, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Total 951,000 4,700,000 1,450,000", G_MAXUINT), >=, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Page 1 of 1", G_MAXUINT), >=, 0);
  g_assert_null (strstr (text, "Totaal"));
}

/* The Appendix tab of the print dialog: its check box starts as the
 * preference says and, once applied, changes the print and the
 * preference. */
static void
test_print_custom_tab (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RamingPrintOperation) operation = raming_print_operation_new (fixture->document, RAMING_LANGUAGE_NL,
                                                                          fixture->settings);
  g_autoptr(GtkWidget) tab = NULL;
  GtkWidget *check;

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_nonnull (tab);
  g_object_ref_sink (tab);
  check = g_object_get_data (G_OBJECT (tab), "raming-include-actions");
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Include the _action items");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_true (raming_print_operation_get_include_actions (operation));
  g_assert_true (g_settings_get_boolean (fixture->settings, "include-actions-in-appendix"));
}

static gboolean
is_include_actions_check (GtkWidget *widget,
                          gpointer   data)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), "include-actions") == 0;
}

static GtkWindow *
wait_for_print_dialog (void)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWindow *dialog = NULL;

  while (type == 0 || (dialog = gui_test_find_dialog (type)) == NULL)
    {
      if (g_get_monotonic_time () > end)
        return NULL;
      g_main_context_iteration (NULL, FALSE);
      type = g_type_from_name ("GtkPrintUnixDialog");
    }
  return dialog;
}

static gboolean
no_print_operation (gpointer data)
{
  return raming_window_get_print_operation (data) == NULL;
}

static gboolean
file_is_there (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Ctrl+P's dialog, answered with Cancel and then with its own Preview
 * button. GTK draws the preview with the same begin-print and draw-page
 * into a PDF and hands it to the preview command, here one that moves
 * the PDF where the test can read it. */
static void
test_print_dialog_preview (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *preview = temp_path (fixture, "preview.pdf");
  g_autofree char *command = g_strdup_printf ("mv %%f %s", preview);
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;
  GtkWidget *check;

  g_object_set (gtk_settings_get_default (), "gtk-print-preview-command", command, NULL);

  /* Cancel: nothing printed, nothing remembered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  dialog = wait_for_print_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (raming_window_get_print_operation (fixture->window));
  /* One print at a time. */
  {
    GtkPrintOperation *running = raming_window_get_print_operation (fixture->window);

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL);
    gui_test_spin (50);
    g_assert_true (raming_window_get_print_operation (fixture->window) == running);
    g_assert_true (wait_for_print_dialog () == dialog);
  }
  check = raming_gui_find_descendant (GTK_WIDGET (dialog), is_include_actions_check, NULL);
  g_assert_nonnull (check);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (gui_test_wait_for (no_print_operation, fixture->window, 5000));
  stored = g_settings_get_value (fixture->settings, "print-settings");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 0);
  g_clear_pointer (&stored, g_variant_unref);

  /* Preview, with the action items ticked in the Appendix tab. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  dialog = wait_for_print_dialog ();
  g_assert_nonnull (dialog);
  check = raming_gui_find_descendant (GTK_WIDGET (dialog), is_include_actions_check, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  /* A picture of the Appendix tab, to look at. */
  {
    GtkWidget *notebook = gtk_widget_get_ancestor (check, GTK_TYPE_NOTEBOOK);
    g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "print-dialog-appendix.png", NULL);
    int page;

    g_assert_nonnull (notebook);
    page = gtk_notebook_page_num (GTK_NOTEBOOK (notebook), gtk_widget_get_parent (check));
    g_assert_cmpint (page, >=, 0);
    g_assert_cmpstr (gtk_notebook_get_tab_label_text (GTK_NOTEBOOK (notebook), gtk_widget_get_parent (check)),
                     ==, "Appendix");
    gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), page);
    gui_test_wait_for_draw (GTK_WIDGET (dialog));
    g_assert_true (gui_test_save_screenshot (GTK_WIDGET (dialog), shot));
  }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_APPLY);
  g_assert_true (gui_test_wait_for (file_is_there, preview, 10000));
  g_assert_true (gui_test_wait_for (no_print_operation, fixture->window, 5000));
  /* mv may still be writing: wait until pdfinfo can read it whole. */
  gui_test_spin (300);

  text = pdf_text_from_file (preview);
  g_assert_cmpuint (assert_table_in_text (text), ==, 12);
  g_assert_nonnull (strstr (text, "Eigenaar"));

  /* The dialog's choices are kept for the next time. */
  g_assert_true (g_settings_get_boolean (fixture->settings, "include-actions-in-appendix"));
  stored = g_settings_get_value (fixture->settings, "print-settings");
  g_assert_cmpuint (g_variant_n_children (stored), >, 0);
  g_clear_pointer (&stored, g_variant_unref);
  stored = g_settings_get_value (fixture->settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (stored), >, 0);
}

/* Page 1 drawn by the print operation into a 72 dpi image, through the
 * print context of GTK's preview API: what the preview shows. */
typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  GtkPrintContext *context;
  gboolean         ready;
  gboolean         selected;
  int              scale;
} PreviewData;

/* Paginated: draw page 1 and end the preview (which a run of its own
 * waits for). */
static void
on_preview_ready (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  PreviewData              *data)
{
  data->ready = TRUE;
  data->selected = gtk_print_operation_preview_is_selected (preview, 0);
  gtk_print_operation_preview_render_page (preview, 0);
  gtk_print_operation_preview_end_preview (preview);
}

/* The image is made for the first page's size; its cairo_t is the print
 * context's before anything is laid out (GTK asks for it). */
static void
set_page_surface (PreviewData     *data,
                  GtkPrintContext *context,
                  GtkPageSetup    *page_setup)
{
  int width = (int) ceil (gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS) * data->scale);
  int height = (int) ceil (gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS) * data->scale);

  if (data->surface == NULL)
    {
      data->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      data->cr = cairo_create (data->surface);
      cairo_set_source_rgb (data->cr, 1, 1, 1);
      cairo_paint (data->cr);
    }
  gtk_print_context_set_cairo_context (context, data->cr, 72.0 * data->scale, 72.0 * data->scale);
}

static void
on_got_page_size (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  GtkPageSetup             *page_setup,
                  PreviewData              *data)
{
  set_page_surface (data, context, page_setup);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            PreviewData              *data)
{
  data->context = context;
  set_page_surface (data, context, gtk_print_context_get_page_setup (context));
  g_signal_connect (preview, "ready", G_CALLBACK (on_preview_ready), data);
  g_signal_connect (preview, "got-page-size", G_CALLBACK (on_got_page_size), data);
  return TRUE;
}

static gboolean
preview_is_ready (gpointer data)
{
  return ((PreviewData *) data)->ready;
}

static void
render_page_one (RamingDocument *document,
                 int             scale,
                 const char     *file_name)
{
  g_autoptr(RamingPrintOperation) operation = raming_print_operation_new (document, RAMING_LANGUAGE_NL, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  g_autoptr(GError) error = NULL;
  PreviewData data = { NULL, NULL, NULL, FALSE, FALSE, scale };
  GtkPrintOperationResult result;

  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), &data);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (gui_test_wait_for (preview_is_ready, &data, 5000));
  g_assert_cmpuint (raming_print_operation_get_n_pages (operation), ==, 1);
  g_assert_true (data.selected);
  g_assert_nonnull (data.surface);
  g_assert_cmpint (cairo_image_surface_get_width (data.surface), ==, (int) ceil (RAMING_A4_WIDTH_PT * scale));
  g_assert_cmpint (cairo_surface_write_to_png (data.surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);

  /* Something was drawn: the page is not blank. */
  {
    cairo_surface_flush (data.surface);
    guchar *pixels = cairo_image_surface_get_data (data.surface);
    int stride = cairo_image_surface_get_stride (data.surface);
    int height = cairo_image_surface_get_height (data.surface);
    guint dark = 0;

    for (int y = 0; y < height; y++)
      for (int x = 0; x < cairo_image_surface_get_width (data.surface); x++)
        if (pixels[y * stride + 4 * x + 1] < 128)
          dark++;
    g_assert_cmpuint (dark, >, 1000);
  }

  cairo_destroy (data.cr);
  cairo_surface_destroy (data.surface);
}

static void
test_print_page_image (Fixture       *fixture,
                       gconstpointer  data)
{
  render_page_one (fixture->document, 1, "print-page-1.png");
  render_page_one (fixture->document, 2, "print-page-1@2x.png");
}

/* ---------------------------------------------------------------- */
/* Exporting */

static void
export_to (Fixture             *fixture,
           RamingExportFormat   format,
           const char          *name,
           char               **path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  *path = temp_path (fixture, name);
  file = g_file_new_for_path (*path);
  g_assert_true (raming_window_export (fixture->window, file, format, &error));
  g_assert_no_error (error);
}

static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RamingNoteTable) table = raming_note_table_new (fixture->document, RAMING_LANGUAGE_NL);

  /* PDF: the table as text, A4 portrait. */
  {
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    g_autofree char *size = NULL;

    export_to (fixture, RAMING_EXPORT_PDF, "bijlage.pdf", &path);
    text = pdf_text_from_file (path);
    g_assert_cmpuint (assert_table_in_text (text), ==, 12);
    size = pdf_text_info (path, "Page size");
    g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");
  }

  /* ODT: a zip whose first member is “mimetype”, stored, with the
   * type of an OpenDocument text. */
  {
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    const char *type = "application/vnd.oasis.opendocument.text";
    gsize length;
    guint name_length, extra_length;

    export_to (fixture, RAMING_EXPORT_ODT, "bijlage.odt", &path);
    contents = read_file (path, &length);
    g_assert_cmpuint (length, >, 30 + 8 + strlen (type));
    g_assert_cmpmem (contents, 4, "PK\003\004", 4);
    g_assert_cmpuint ((guchar) contents[8] | (guchar) contents[9] << 8, ==, 0);   /* stored */
    name_length = (guchar) contents[26] | (guchar) contents[27] << 8;
    extra_length = (guchar) contents[28] | (guchar) contents[29] << 8;
    g_assert_cmpmem (contents + 30, name_length, "mimetype", 8);
    g_assert_cmpmem (contents + 30 + name_length + extra_length, strlen (type), type, strlen (type));
  }

  /* HTML: a page holding the same table as “Copy Table”. */
  {
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *fragment = raming_export_table_html_fragment (table);

    export_to (fixture, RAMING_EXPORT_HTML, "bijlage.html", &path);
    contents = read_file (path, NULL);
    g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<!DOCTYPE"));
    g_assert_nonnull (strstr (contents, "<table"));
    g_assert_nonnull (strstr (contents, fragment));
    g_assert_nonnull (strstr (contents, "POH bij de huisartsen"));
    g_assert_nonnull (strstr (contents, "1.450.000"));
  }

  /* Markdown and CSV: byte for byte the files typed for the tests. */
  {
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "..", "data", "export", "zwolle-2021.md", NULL);
    g_autofree char *golden = NULL;
    gsize length, golden_length;

    export_to (fixture, RAMING_EXPORT_MD, "bijlage.md", &path);
    contents = read_file (path, &length);
    golden = read_file (golden_path, &golden_length);
    g_assert_cmpmem (contents, length, golden, golden_length);
  }
  {
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "..", "data", "zwolle-2021.csv", NULL);
    g_autofree char *golden = NULL;
    gsize length, golden_length;

    export_to (fixture, RAMING_EXPORT_CSV, "bijlage.csv", &path);
    contents = read_file (path, &length);
    golden = read_file (golden_path, &golden_length);
    g_assert_cmpmem (contents, length, golden, golden_length);
  }

  /* JSON: valid, with the rows of the table. */
  {
    g_autofree char *path = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;

    export_to (fixture, RAMING_EXPORT_JSON, "bijlage.json", &path);
    json_parser_load_from_file (parser, path, &error);
    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
    contents = read_file (path, NULL);
    g_assert_nonnull (strstr (contents, "POH bij de huisartsen"));
  }
}

/* A failed export leaves the old file as it was and says why. */
static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no such folder", "bijlage.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (raming_window_export (fixture->window, file, RAMING_EXPORT_PDF, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export_name (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = raming_window_get_export_name (fixture->window, RAMING_EXPORT_PDF);
  g_autofree char *odt = raming_window_get_export_name (fixture->window, RAMING_EXPORT_ODT);
  g_autofree char *english = NULL;

  g_assert_cmpstr (pdf, ==, "zwolle-2021 - bijlage.pdf");
  g_assert_cmpstr (odt, ==, "zwolle-2021 - bijlage.odt");
  g_settings_set_string (fixture->settings, "export-language", "en");
  english = raming_window_get_export_name (fixture->window, RAMING_EXPORT_PDF);
  g_assert_cmpstr (english, ==, "zwolle-2021 - appendix.pdf");
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
label_is_shown (gpointer data)
{
  gpointer *args = data;

  return raming_gui_find_descendant (args[0], is_label_with_text, args[1]) != NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static GtkFileFilter *
find_filter (GtkFileChooser *chooser,
             const char     *pattern_name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (strstr (gtk_file_filter_get_name (filter), pattern_name) != NULL)
        return filter;
    }
  return NULL;
}

static gboolean
chooser_is_in (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (args[0]));

  return current != NULL && g_file_equal (current, args[1]);
}

/* The Export dialog itself (GTK's own chooser here, there is no portal):
 * PDF and its name proposed, six formats offered; choosing the ODT filter
 * writes an ODT named so, and a toast says so with a way to open it. */
static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *expected = g_build_filename (fixture->dir, "zwolle-2021 - bijlage.odt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GListModel) filters = NULL;
  GtkFileFilter *filter;
  GtkWindow *dialog;
  gpointer args[2];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  gui_test_spin (100);
  dialog = gui_test_find_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), ==, "zwolle-2021 - bijlage.pdf");
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 6);
  g_assert_nonnull (strstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog))), "*.pdf"));

  filter = find_filter (GTK_FILE_CHOOSER (dialog), "*.odt");
  g_assert_nonnull (filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* The window proposes the document's folder. Not set again here: GTK
   * 4.8's chooser cancels the folder it is still loading and shows that
   * as an error ("The folder contents could not be displayed"). */
  args[0] = dialog;
  args[1] = folder;
  g_assert_true (gui_test_wait_for (chooser_is_in, args, 5000));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "zwolle-2021 - bijlage.pdf");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  g_assert_true (gui_test_wait_for (file_is_there, expected, 5000));
  {
    g_autofree char *contents = read_file (expected, NULL);

    g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  }
  args[0] = fixture->window;
  args[1] = (gpointer) "Exported “zwolle-2021 - bijlage.odt”";
  g_assert_true (gui_test_wait_for (label_is_shown, args, 3000));

  /* The toast's Open: with the system's applications hidden from the
   * test, nothing can open an ODT, and the window says so. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (expected);
    g_autofree char *uri = g_file_get_uri (file);
    GtkWindow *error_dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-export", "s", uri));
    g_assert_true (gui_test_wait_for (message_dialog_shown, NULL, 5000));
    error_dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==,
                     "Could Not Open the Exported File");
    gui_test_respond (error_dialog, "close");
  }

  /* Again: “….pdf” with the ODT filter is the ODT that is there now,
   * which the chooser did not ask about; the window does. */
  {
    GStatBuf stat_before, stat_after;
    GtkWindow *replace;

    g_assert_cmpint (g_stat (expected, &stat_before), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
    gui_test_spin (100);
    dialog = gui_test_find_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_assert_nonnull (dialog);
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), find_filter (GTK_FILE_CHOOSER (dialog), "*.odt"));
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "zwolle-2021 - bijlage.pdf");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

    g_assert_true (gui_test_wait_for (message_dialog_shown, NULL, 5000));
    replace = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (replace)), ==, "Replace the File?");
    gui_test_respond (replace, "cancel");
    g_assert_cmpint (g_stat (expected, &stat_after), ==, 0);
    g_assert_cmpint (stat_after.st_ino, ==, stat_before.st_ino);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
    gui_test_spin (100);
    dialog = gui_test_find_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), find_filter (GTK_FILE_CHOOSER (dialog), "*.odt"));
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "zwolle-2021 - bijlage.pdf");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    g_assert_true (gui_test_wait_for (message_dialog_shown, NULL, 5000));
    gui_test_respond (gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG), "replace");
    /* Written anew (atomically: a new file in its place). */
    g_assert_cmpint (g_stat (expected, &stat_after), ==, 0);
    g_assert_cmpint (stat_after.st_ino, !=, stat_before.st_ino);
  }
}

/* ---------------------------------------------------------------- */
/* Copying the table */

typedef struct
{
  char     *text;
  GBytes   *html;
  gboolean  done;
} ClipboardRead;

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static void
on_html_spliced (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  read->html = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  read->done = TRUE;
}

static void
on_html_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  const char *mime_type = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "text/html");
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_html_spliced, read);
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static void
test_copy_table (Fixture       *fixture,
                 gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  g_autoptr(RamingNoteTable) table = raming_note_table_new (fixture->document, RAMING_LANGUAGE_NL);
  g_autofree char *expected_text = raming_export_table_plain_text (table);
  g_autofree char *expected_html = raming_export_table_html_fragment (table);
  const char *html_types[] = { "text/html", NULL };
  GdkContentFormats *formats;
  ClipboardRead text_read = { NULL, NULL, FALSE };
  ClipboardRead html_read = { NULL, NULL, FALSE };
  gpointer args[2];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-table", NULL));
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &text_read);
  g_assert_true (gui_test_wait_for (read_done, &text_read, 5000));
  g_assert_cmpstr (text_read.text, ==, expected_text);
  g_assert_true (g_str_has_prefix (text_read.text, "Maatregel\tInschatting AEF"));
  g_assert_nonnull (strstr (text_read.text, "Totaal\t\t951.000\t4.700.000\t1.450.000"));

  gdk_clipboard_read_async (clipboard, html_types, G_PRIORITY_DEFAULT, NULL, on_html_read, &html_read);
  g_assert_true (gui_test_wait_for (read_done, &html_read, 5000));
  g_assert_cmpmem (g_bytes_get_data (html_read.html, NULL), g_bytes_get_size (html_read.html),
                   expected_html, strlen (expected_html));

  args[0] = fixture->window;
  args[1] = (gpointer) "Table copied";
  g_assert_true (gui_test_wait_for (label_is_shown, args, 3000));

  g_free (text_read.text);
  g_bytes_unref (html_read.html);
}

/* ---------------------------------------------------------------- */

static gboolean
is_primary_menu_button (GtkWidget *widget,
                        gpointer   data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static void
collect_actions (GMenuModel *model,
                 GHashTable *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_hash_table_insert (labels, g_steal_pointer (&action), g_steal_pointer (&label));
        }
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_actions (link, labels);
        }
    }
}

/* The primary menu offers printing, page setup, export and copying. It is
 * made when first opened (docs/performance.md, finding 28). */
static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *button = raming_gui_find_descendant (GTK_WIDGET (fixture->window), is_primary_menu_button, NULL);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_test_wait_for_draw (button);
  g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  collect_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), labels);
  g_assert_cmpstr (g_hash_table_lookup (labels, "win.print"), ==, "_Print…");
  g_assert_cmpstr (g_hash_table_lookup (labels, "win.page-setup"), ==, "Page Set_up…");
  g_assert_cmpstr (g_hash_table_lookup (labels, "win.export"), ==, "_Export…");
  g_assert_cmpstr (g_hash_table_lookup (labels, "win.copy-table"), ==, "_Copy Table");
  /* The recent documents were put in when the menu was made. */
  g_assert_nonnull (g_hash_table_lookup (labels, "win.open-recent") ?: g_hash_table_lookup (labels, "win.no-recent"));
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

  ADD ("/print/to-file", test_print_to_file);
  ADD ("/print/after-edit", test_print_after_edit);
  ADD ("/print/pages", test_print_pages);
  ADD ("/print/landscape", test_print_landscape);
  ADD ("/print/page-setup", test_print_page_setup);
  ADD ("/print/actions", test_print_actions);
  ADD ("/print/english", test_print_english);
  ADD ("/print/custom-tab", test_print_custom_tab);
  ADD ("/print/dialog-preview", test_print_dialog_preview);
  ADD ("/print/page-image", test_print_page_image);
  ADD ("/export/formats", test_export_formats);
  ADD ("/export/error", test_export_error);
  ADD ("/export/name", test_export_name);
  ADD ("/export/dialog", test_export_dialog);
  ADD ("/copy-table", test_copy_table);
  ADD ("/menu", test_menu);

  return g_test_run ();
}
