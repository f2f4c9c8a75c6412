/* test-application.c: start-up, drafts left by a crash, quitting, dialogs
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "raming-application.h"
#include "raming-drafts.h"
#include "raming-preferences-window.h"

static GList *
raming_windows (RamingApplication *application)
{
  GList *windows = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (RAMING_IS_WINDOW (l->data))
      windows = g_list_prepend (windows, l->data);
  return windows;
}

static gboolean
no_windows (gpointer data)
{
  g_autoptr(GList) windows = raming_windows (data);

  return windows == NULL;
}

static void
quit (RamingApplication *application)
{
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  g_assert_true (gui_test_wait_for (no_windows, application, 2000));
}

/* A draft as a crash leaves it: the example with the GPs' coverage at
 * 90 %, belonging to a copy of the example. */
static char *
plant_draft (const char *original_path)
{
  g_autofree char *dir = raming_drafts_get_dir ();
  g_autofree char *contents = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *info = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) original = g_file_new_for_path (original_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_get_contents (original_path, &contents, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "\"coverage\": 0.8", "\"coverage\": 0.9", 1), ==, 1);

  draft = g_build_filename (dir, "crashed.raming", NULL);
  g_file_set_contents (draft, changed->str, -1, &error);
  g_assert_no_error (error);
  uri = g_file_get_uri (original);
  info = g_strdup_printf ("[Draft]\noriginal=%s\ntitle=zwolle-2021.raming\n", uri);
  g_free (draft);
  draft = g_build_filename (dir, "crashed.draft", NULL);
  g_file_set_contents (draft, info, -1, &error);
  g_assert_no_error (error);
  return g_strdup ("crashed");
}

static void
test_start_empty (void)
{
  g_autoptr(RamingApplication) application = gui_test_start_application ();
  g_autoptr(GList) windows = NULL;
  RamingDocument *document;

  g_application_activate (G_APPLICATION (application));
  windows = raming_windows (application);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  gui_test_wait_for_draw (windows->data);

  /* No file and no draft: a new standard analysis, nothing to ask. */
  document = raming_window_get_document (windows->data);
  g_assert_null (raming_document_get_file (document));
  g_assert_nonnull (raming_document_get_macro_share (document));
  g_assert_nonnull (raming_document_get_savings_target (document));
  g_assert_false (raming_document_get_modified (document));
  g_assert_null (gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG));

  quit (application);
}

static gboolean
has_recent (gpointer uri)
{
  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

static void
test_open_files (void)
{
  g_autoptr(RamingApplication) application = gui_test_start_application ();
  g_autofree char *path = gui_test_copy_example ("zwolle-2021.raming");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *broken_path = g_build_filename (dir, "kapot.raming", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GList) windows = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[2];
  GtkWindow *dialog;

  g_file_set_contents (broken_path, "{\"format\":\"raming\",\"version\":99}", -1, &error);
  g_assert_no_error (error);

  /* As the command line and the desktop do it. */
  files[0] = file;
  files[1] = broken;
  g_application_open (G_APPLICATION (application), files, 2, "");

  windows = raming_windows (application);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  gui_test_wait_for_draw (windows->data);
  g_assert_true (g_file_equal (raming_document_get_file (raming_window_get_document (windows->data)), file));
  g_assert_cmpstr (gui_test_cell_text (windows->data, "poh", RAMING_COLUMN_NATIONAL), ==, "668.000");
  /* Put among the recent documents after the window's first frame
   * (docs/performance.md, finding 39). */
  {
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_true (gui_test_wait_for (has_recent, uri, 5000));
  }

  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "kapot.raming"));
  gui_test_respond (dialog, "close");

  /* Opening the same file again shows the window it is in. */
  files[0] = file;
  g_application_open (G_APPLICATION (application), files, 1, "");
  g_list_free (g_steal_pointer (&windows));
  windows = raming_windows (application);
  g_assert_cmpuint (g_list_length (windows), ==, 1);

  quit (application);
}

static void
test_restore_draft (void)
{
  g_autoptr(RamingApplication) application = gui_test_start_application ();
  g_autofree char *path = gui_test_copy_example ("zwolle-2021.raming");
  g_autofree char *id = plant_draft (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GList) windows = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  RamingWindow *window;
  RamingDocument *document;
  GtkWindow *dialog;

  g_application_activate (G_APPLICATION (application));
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "zwolle-2021.raming"));
  gui_test_respond (dialog, "restore");

  /* The draft went into the empty window, belongs to its file and is
   * not saved. */
  windows = raming_windows (application);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = windows->data;
  gui_test_wait_for_draw (GTK_WIDGET (window));
  document = raming_window_get_document (window);
  g_assert_true (g_file_equal (raming_document_get_file (document), file));
  g_assert_true (raming_document_get_modified (document));
  g_assert_cmpstr (raming_window_get_draft_id (window), ==, id);
  g_assert_cmpstr (gui_test_cell_text (window, "poh", RAMING_COLUMN_REALISTIC), ==, "889.000");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Quitting asks; discarding removes the draft for good. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_false (no_windows (application));
  gui_test_respond (dialog, "discard");
  g_assert_true (gui_test_wait_for (no_windows, application, 2000));

  drafts = raming_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* A draft written by autosave remembers what its file was: when someone
 * else saved the file before the crash was recovered from, saving the
 * restored draft asks instead of overwriting their work. */
static void
test_restored_draft_checks_disk (void)
{
  g_autoptr(RamingApplication) application = NULL;
  g_autofree char *path = gui_test_copy_example ("zwolle-2021.raming");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RamingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  GtkWindow *dialog;

  document = raming_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (raming_document_get_file_etag (document));
  raming_document_edit (document, raming_document_find_partner (document, "huisartsen"), "coverage", 0.9, NULL);
  g_assert_true (raming_drafts_save ("crashed", document, &error));
  g_assert_no_error (error);
  g_clear_object (&document);

  /* A colleague saves the file meanwhile (a second later, as a real
   * save would be). */
  g_file_get_contents (path, &theirs, NULL, &error);
  g_assert_no_error (error);
  theirs = g_strconcat (theirs, "\n", NULL);
  g_file_set_contents (path, theirs, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, &error);

    g_assert_no_error (error);
    g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                 g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) + 10,
                                 0, NULL, &error);
    g_assert_no_error (error);
  }

  application = gui_test_start_application ();
  g_application_activate (G_APPLICATION (application));
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gui_test_respond (dialog, "restore");
  windows = raming_windows (application);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  gui_test_wait_for_draw (windows->data);

  g_assert_true (gtk_widget_activate_action (windows->data, "win.save", NULL));
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The File Was Changed by Someone Else");
  gui_test_respond (dialog, "cancel");

  g_file_get_contents (path, &on_disk, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (raming_document_get_modified (raming_window_get_document (windows->data)));

  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gui_test_respond (dialog, "discard");
  g_assert_true (gui_test_wait_for (no_windows, application, 2000));
}

static void
test_discard_draft (void)
{
  g_autoptr(RamingApplication) application = gui_test_start_application ();
  g_autofree char *path = gui_test_copy_example ("zwolle-2021.raming");
  g_autoptr(GList) windows = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  GtkWindow *dialog;

  g_free (plant_draft (path));
  g_application_activate (G_APPLICATION (application));
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gui_test_respond (dialog, "discard");

  drafts = raming_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
  windows = raming_windows (application);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_null (raming_document_get_file (raming_window_get_document (windows->data)));

  quit (application);
}

static void
test_preferences (void)
{
  g_autofree char *path = gui_test_copy_example ("zwolle-2021.raming");
  RamingWindow *window = gui_test_open_window (path);
  RamingDocument *document = raming_window_get_document (window);
  GtkWidget *preferences = raming_preferences_window_new (GTK_WINDOW (window), document);
  AdwComboRow *rounding = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  gui_test_wait_for_draw (preferences);

  /* The rounding row: 1, 10, 100, 1.000, … */
  for (GtkWidget *w = preferences; w != NULL;)
    {
      GtkWidget *next = gtk_widget_get_first_child (w);

      if (ADW_IS_COMBO_ROW (w) &&
          g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (w))) == 6)
        {
          rounding = ADW_COMBO_ROW (w);
          break;
        }
      while (next == NULL && w != NULL)
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == preferences)
                w = NULL;
            }
        }
      w = next;
    }
  g_assert_nonnull (rounding);
  g_assert_cmpuint (adw_combo_row_get_selected (rounding), ==, 3);

  adw_combo_row_set_selected (rounding, 0);
  g_assert_cmpfloat (raming_document_get_rounding (document), ==, 1);
  g_assert_cmpstr (gui_test_cell_text (window, "poh", RAMING_COLUMN_NATIONAL), ==, "667.500");
  g_assert_cmpstr (gui_test_summary_text (window, RAMING_TOTAL_NATIONAL), ==, "1.956.665");

  /* An edit of the document like any other. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (rounding), ==, 3);
  g_assert_cmpstr (gui_test_cell_text (window, "poh", RAMING_COLUMN_NATIONAL), ==, "668.000");

  gtk_window_destroy (GTK_WINDOW (preferences));
  gui_test_close_window (window);
}

static void
test_window_size (void)
{
  g_autoptr(RamingApplication) application = gui_test_start_application ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.raming.Raming");
  g_autoptr(GList) windows = NULL;

  g_application_activate (G_APPLICATION (application));
  windows = raming_windows (application);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  gtk_window_set_default_size (windows->data, 1000, 700);
  gui_test_wait_for_draw (windows->data);
  quit (application);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_shortcuts_and_about (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/raming/Raming/raming-shortcuts-window.ui");
  GObject *shortcuts = gtk_builder_get_object (builder, "shortcuts_window");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

static gboolean
same_accel (const char *a,
            const char *b)
{
  guint key_a, key_b;
  GdkModifierType mods_a, mods_b;

  return gtk_accelerator_parse (a, &key_a, &mods_a) && gtk_accelerator_parse (b, &key_b, &mods_b) &&
         key_a == key_b && mods_a == mods_b;
}

/* Printing, exporting and copying the table have their keys, and the
 * Keyboard Shortcuts window lists the same keys. */
static void
test_print_accels (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "win.print", "<Primary>p" },
    { "win.export", "<Primary>e" },
    { "win.copy-table", "<Primary><Shift>c" },
  };
  g_autoptr(RamingApplication) application = gui_test_start_application ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/raming/Raming/raming-shortcuts-window.ui");
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        if (accelerator != NULL)
          g_ptr_array_add (listed, accelerator);
      }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                     expected[i].action);
      gboolean in_window = FALSE;

      g_assert_nonnull (accels);
      g_assert_nonnull (accels[0]);
      g_assert_true (same_accel (accels[0], expected[i].accel));
      for (guint k = 0; k < listed->len; k++)
        in_window |= same_accel (listed->pdata[k], expected[i].accel);
      if (!in_window)
        g_error ("%s (%s) is not in the Keyboard Shortcuts window", expected[i].action, expected[i].accel);
    }

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
}

int
main (int   argc,
      char *argv[])
{
  int status = gui_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add_func ("/application/start-empty", test_start_empty);
  g_test_add_func ("/application/open-files", test_open_files);
  g_test_add_func ("/application/restore-draft", test_restore_draft);
  g_test_add_func ("/application/restored-draft-checks-disk", test_restored_draft_checks_disk);
  g_test_add_func ("/application/discard-draft", test_discard_draft);
  g_test_add_func ("/application/preferences", test_preferences);
  g_test_add_func ("/application/window-size", test_window_size);
  g_test_add_func ("/application/shortcuts", test_shortcuts_and_about);
  g_test_add_func ("/application/print-accels", test_print_accels);

  return g_test_run ();
}
