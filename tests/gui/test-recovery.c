/* test-recovery.c: the window is killed; the next start gives the work back
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process runs the real application on a copy of the example,
 * edits it through the widgets (a partner's coverage, a measure's
 * realistic estimate), waits until autosave has written the draft, says
 * so, and is killed with SIGKILL. The application then starts again in
 * this process: it must offer the draft, and restoring it must give back
 * every edit, while the adviser's own file was never touched.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/wait.h>

#include "gui-test-util.h"
#include "raming-application.h"
#include "raming-drafts.h"
#include "raming-measure-cell.h"
#include "raming-property-cell.h"

static RamingWindow *
first_window (RamingApplication *application)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (RAMING_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_window (gpointer data)
{
  return first_window (data) != NULL;
}

/* The draft on disk holds both edits. */
static gboolean
draft_has_edits (gpointer data)
{
  g_autoptr(GPtrArray) drafts = raming_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RamingDocument) document = raming_draft_load (drafts->pdata[i], &error);
      RamingPartner *gps;
      RamingMeasure *dyslexia;

      if (document == NULL)
        continue;
      gps = raming_document_find_partner (document, "huisartsen");
      dyslexia = raming_document_find_measure (document, "dyslexiezorg");
      if (raming_partner_get_field (gps, RAMING_PARTNER_FIELD_COVERAGE) == 0.9 &&
          raming_cell_get_value (raming_measure_get_cell (dyslexia, RAMING_COLUMN_REALISTIC)) == 250000)
        return TRUE;
    }
  return FALSE;
}

/* The child: edit through the window, wait for the draft, report, wait
 * for the kill. */
static int
run_child (const char *path)
{
  g_autoptr(RamingApplication) application = gui_test_start_application ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RamingWindow *window;
  RamingDocument *document;
  GtkWidget *cell;

  /* Autosave soon after the last edit. */
  g_settings_set_uint (settings, "autosave-delay", 1);

  g_application_open (G_APPLICATION (application), &file, 1, "");
  g_assert_true (gui_test_wait_for (has_window, application, 5000));
  window = first_window (application);
  gui_test_wait_for_draw (GTK_WIDGET (window));
  document = raming_window_get_document (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "partners");
  gui_test_wait_for_draw (GTK_WIDGET (window));
  cell = gui_test_find_property_cell (window, raming_document_find_partner (document, "huisartsen"), "coverage");
  g_assert_nonnull (cell);
  gui_test_type_into_cell (GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))), "0,9");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "measures");
  gui_test_wait_for_draw (GTK_WIDGET (window));
  cell = gui_test_find_measure_cell (window, "dyslexiezorg", RAMING_COLUMN_REALISTIC);
  g_assert_nonnull (cell);
  gui_test_type_into_cell (GTK_WIDGET (raming_measure_cell_get_editable (RAMING_MEASURE_CELL (cell))), "250.000");
  g_assert_cmpstr (gui_test_cell_text (window, "poh", RAMING_COLUMN_REALISTIC), ==, "889.000");

  g_assert_true (gui_test_wait_for (draft_has_edits, NULL, 20000));
  g_print ("READY\n");
  fflush (stdout);

  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
test_killed_window_restores_draft (void)
{
  g_autofree char *path = gui_test_copy_example ("zwolle-2021.raming");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(RamingApplication) application = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { NULL, "--child", path, NULL };
  RamingWindow *window;
  RamingDocument *document;
  GtkWindow *dialog;
  GPid pid;
  int out_fd, status;
  gint64 deadline;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  gui_test_make_user_dirs ();

  /* The child shares this test's (isolated) data folder, where drafts go. */
  argv[0] = g_getenv ("RAMING_TEST_SELF");
  g_assert_nonnull (argv[0]);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      gsize terminator;

      g_clear_pointer (&line, g_free);
      if (g_io_channel_read_line (channel, &line, NULL, &terminator, NULL) != G_IO_STATUS_NORMAL)
        break;
      if (g_str_has_prefix (line, "READY"))
        break;
    }
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "READY"));

  /* A crash, as hard as it gets. */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);

  /* Autosave never wrote to the adviser's file. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* The next start offers the draft; restoring gives every edit back. */
  application = gui_test_start_application ();
  g_application_activate (G_APPLICATION (application));
  dialog = gui_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "zwolle-2021.raming"));
  gui_test_respond (dialog, "restore");

  g_assert_true (gui_test_wait_for (has_window, application, 5000));
  window = first_window (application);
  gui_test_wait_for_draw (GTK_WIDGET (window));
  document = raming_window_get_document (window);
  g_assert_true (g_file_equal (raming_document_get_file (document), file));
  g_assert_true (raming_document_get_modified (document));
  g_assert_cmpfloat (raming_partner_get_field (raming_document_find_partner (document, "huisartsen"),
                                               RAMING_PARTNER_FIELD_COVERAGE), ==, 0.9);
  g_assert_cmpstr (gui_test_cell_text (window, "dyslexiezorg", RAMING_COLUMN_REALISTIC), ==, "250.000");
  g_assert_cmpstr (gui_test_cell_text (window, "poh", RAMING_COLUMN_REALISTIC), ==, "889.000");
  g_assert_cmpstr (gui_test_summary_text (window, RAMING_TOTAL_REALISTIC), ==, "1.389.000");

  /* Saving now writes the restored work to the file, and ends the draft. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gui_test_spin (200);
  {
    g_autofree char *saved = NULL;
    g_autoptr(GPtrArray) drafts = NULL;

    g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "\"coverage\": 0.9"));
    drafts = raming_drafts_list ();
    g_assert_cmpuint (drafts->len, ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The child comes here too: the same program, started with --child. */
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    {
      /* Like the application itself, not like a test: warnings (no
       * session bus in CI) are not fatal here. main() names the program
       * too (the recent-files list needs it). */
      g_set_prgname ("raming");
      if (!gtk_init_check ())
        return 1;
      adw_init ();
      return run_child (argv[2]);
    }

  if ((status = gui_test_init (&argc, &argv)) >= 0)
    return status;

  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

    g_setenv ("RAMING_TEST_SELF", self, TRUE);
  }
  g_test_add_func ("/recovery/killed-window-restores-draft", test_killed_window_restores_draft);
  return g_test_run ();
}
