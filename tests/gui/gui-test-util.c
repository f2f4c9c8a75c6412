/* gui-test-util.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "raming-editable-cell.h"
#include "raming-gui-util.h"
#include "raming-measure-cell.h"
#include "raming-property-cell.h"
#include "raming-summary-bar.h"

/* Returns -1 to go on, or the exit status: without a display the tests
 * are skipped (status 77, or under TAP a “1..0 # SKIP” plan and status 0,
 * which is how meson's TAP runner counts a skip), unless
 * RAMING_REQUIRE_DISPLAY says there must be one (CI): then status 1. */
int
gui_test_init (int    *argc,
               char ***argv)
{
  gboolean tap = FALSE;

  const char *po_dir = g_getenv ("RAMING_TEST_LOCALEDIR");
  g_autoptr(GPtrArray) icon_path = g_ptr_array_new_with_free_func (g_free);
  const char * const *data_dirs;
  GtkCssProvider *provider;

  /* G_TEST_OPTION_ISOLATE_DIRS hides the system's data folders from each
   * test, and with them the icon theme: remember where icons are. */
  data_dirs = g_get_system_data_dirs ();
  for (guint i = 0; data_dirs[i] != NULL; i++)
    g_ptr_array_add (icon_path, g_build_filename (data_dirs[i], "icons", NULL));
  g_ptr_array_add (icon_path, g_strdup ("/usr/share/icons"));
  g_ptr_array_add (icon_path, NULL);
  /* And the MIME database, without which SVG icons do not load. */
  g_content_type_set_mime_dirs (NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, po_dir != NULL ? po_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--tap"))
      tap = TRUE;

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("RAMING_REQUIRE_DISPLAY") != NULL)
        {
          g_printerr ("No display, but RAMING_REQUIRE_DISPLAY is set\n");
          return 1;
        }
      g_printerr ("No display: skipping the GUI tests\n");
      if (tap)
        {
          g_print ("1..0 # SKIP no display\n");
          return 0;
        }
      return 77;
    }
  adw_init ();
  /* Pictures and assertions of a settled window, not of a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_icon_theme_set_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  (const char * const *) icon_path->pdata);

  /* AdwApplication loads the style sheet for the real application. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/raming/Raming/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);

  /* “Overdue” is relative to today: fix today. */
  raming_gui_set_today ("2021-09-01");
  return -1;
}

static GPtrArray *temporary_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_temporary_dirs (void)
{
  for (guint i = 0; temporary_dirs != NULL && i < temporary_dirs->len; i++)
    remove_tree (temporary_dirs->pdata[i]);
  g_clear_pointer (&temporary_dirs, g_ptr_array_unref);
}

/* A copy of an example in a fresh temporary folder, so that saving does
 * not touch the source tree; the folder goes when the test program ends. */
char *
gui_test_copy_example (const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("raming-gui-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *target;
  gsize length;

  g_assert_nonnull (dir);
  if (temporary_dirs == NULL)
    {
      temporary_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_temporary_dirs);
    }
  g_ptr_array_add (temporary_dirs, g_strdup (dir));
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  target = g_build_filename (dir, name, NULL);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
  return target;
}

void
gui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
gui_test_wait_for (gboolean (*condition) (gpointer data),
                   gpointer   data,
                   guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
gui_test_wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  /* Let the list views bind their rows and the idle refreshes run. */
  gui_test_spin (150);
}

/* G_TEST_OPTION_ISOLATE_DIRS names the folders but does not make them;
 * the recent files list (one per process) is written into the first
 * test's data folder. */
void
gui_test_make_user_dirs (void)
{
  g_autofree char *recent = NULL;
  g_autofree char *recent_dir = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_object_get (gtk_recent_manager_get_default (), "filename", &recent, NULL);
  recent_dir = g_path_get_dirname (recent);
  g_mkdir_with_parents (recent_dir, 0700);
}

RamingApplication *
gui_test_start_application (void)
{
  RamingApplication *application = raming_application_new ();
  g_autoptr(GError) error = NULL;

  gui_test_make_user_dirs ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  return application;
}

RamingWindow *
gui_test_open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = raming_document_load_from_file (file, NULL, &error);
  RamingWindow *window;

  g_assert_no_error (error);
  gui_test_make_user_dirs ();
  window = raming_window_new (NULL, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

void
gui_test_close_window (RamingWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (20);
}

typedef struct
{
  const char  *measure_id;
  RamingColumn column;
} CellQuery;

static gboolean
is_measure_cell (GtkWidget *widget,
                 gpointer   data)
{
  CellQuery *query = data;
  RamingMeasure *measure;

  if (!RAMING_IS_MEASURE_CELL (widget))
    return FALSE;
  measure = raming_measure_cell_get_measure (RAMING_MEASURE_CELL (widget));
  return measure != NULL &&
         g_strcmp0 (raming_measure_get_id (measure), query->measure_id) == 0 &&
         raming_measure_cell_get_column (RAMING_MEASURE_CELL (widget)) == query->column;
}

GtkWidget *
gui_test_find_measure_cell (RamingWindow *window,
                            const char   *measure_id,
                            RamingColumn  column)
{
  CellQuery query = { measure_id, column };

  return raming_gui_find_descendant (raming_window_get_page (window, "measures"), is_measure_cell, &query);
}

const char *
gui_test_cell_text (RamingWindow *window,
                    const char   *measure_id,
                    RamingColumn  column)
{
  GtkWidget *cell = gui_test_find_measure_cell (window, measure_id, column);

  g_assert_nonnull (cell);
  return raming_measure_cell_get_text (RAMING_MEASURE_CELL (cell));
}

typedef struct
{
  gpointer    item;
  const char *property;
} PropertyQuery;

static gboolean
is_property_cell (GtkWidget *widget,
                  gpointer   data)
{
  PropertyQuery *query = data;

  return RAMING_IS_PROPERTY_CELL (widget) &&
         raming_property_cell_get_item (RAMING_PROPERTY_CELL (widget)) == query->item &&
         g_strcmp0 (raming_property_cell_get_property_name (RAMING_PROPERTY_CELL (widget)), query->property) == 0;
}

GtkWidget *
gui_test_find_property_cell (RamingWindow *window,
                             gpointer      item,
                             const char   *property)
{
  PropertyQuery query = { item, property };

  return raming_gui_find_descendant (GTK_WIDGET (window), is_property_cell, &query);
}

const char *
gui_test_summary_text (RamingWindow *window,
                       RamingTotal   total)
{
  return raming_summary_bar_get_text (RAMING_SUMMARY_BAR (raming_window_get_summary (window)), total);
}

/* What an adviser does: start editing (click, Enter or F2), type, Enter. */
void
gui_test_type_into_cell (GtkWidget  *editable_cell,
                         const char *text)
{
  RamingEditableCell *cell = RAMING_EDITABLE_CELL (editable_cell);
  GtkEditable *entry;

  g_assert_true (raming_editable_cell_start_editing (cell));
  g_assert_true (raming_editable_cell_get_editing (cell));
  entry = raming_editable_cell_get_entry (cell);
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* For raming_gui_find_descendant(): a widget of the GType in @type
 * (GSIZE_TO_POINTER (GTK_TYPE_LABEL)). */
gboolean
gui_test_is_type (GtkWidget *widget,
                  gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GskRenderNode *
take_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The widget's drawing as it is shown. A widget queued for drawing
 * drops its last drawing until the next frame, so that frame (or the
 * window's size, on a slow machine) is waited for, at most 5 s; NULL
 * then, and said why on stderr (the test log of CI shows only that). */
GskRenderNode *
gui_test_take_render_node (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GskRenderNode *node = NULL;

  gui_test_wait_for (has_size, widget, 5000);
  while ((node = take_node (widget)) == NULL && g_get_monotonic_time () < deadline)
    {
      gtk_test_widget_wait_for_draw (widget);
      gui_test_spin (20);
    }
  if (node == NULL)
    g_printerr ("%s: nothing drawn in 5 s (%d × %d)\n", G_OBJECT_TYPE_NAME (widget),
                gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return node;
}

gboolean
gui_test_save_screenshot (GtkWidget  *widget,
                          const char *path)
{
  g_autoptr(GskRenderNode) node = gui_test_take_render_node (widget);
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  if (texture == NULL || !gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("screenshot %s: not rendered or not written\n", path);
      return FALSE;
    }
  return TRUE;
}

GtkWindow *
gui_test_find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Answers a message dialog as the adviser would and waits until it has
 * gone, so that the next dialog found is a new one. */
void
gui_test_respond (GtkWindow  *dialog,
                  const char *response)
{
  gpointer alive = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  if (alive != NULL && !gui_test_wait_for (is_null, &alive, 1000))
    {
      /* Still there (held elsewhere): at least out of sight. */
      gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
      g_object_remove_weak_pointer (G_OBJECT (dialog), &alive);
    }
}
