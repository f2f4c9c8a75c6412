/* raming-application.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <time.h>

#include "raming-application.h"
#include "raming-cli.h"
#include "raming-drafts.h"
#include "raming-gui-resources.h"
#include "raming-gui-util.h"
#include "raming-preferences-window.h"

struct _RamingApplication
{
  AdwApplication parent_instance;

  gboolean drafts_offered;
  gboolean first_frame_watched;
};

/* When main() began, for the benchmark's first-frame line. */
static gint64 process_start_time;

G_DEFINE_FINAL_TYPE (RamingApplication, raming_application, ADW_TYPE_APPLICATION)

/* A new analysis in the language of the desktop: Dutch advisers get the
 * Dutch assumption names and number style. */
RamingDocument *
raming_application_new_document (void)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(GSettings) settings = raming_gui_settings_new ();
  RamingLanguage language = RAMING_LANGUAGE_EN;
  RamingDocument *document;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "nl"))
        {
          language = RAMING_LANGUAGE_NL;
          break;
        }
      if (g_str_equal (languages[i], "C") || g_str_equal (languages[i], "POSIX") ||
          g_str_has_prefix (languages[i], "en"))
        break;
    }

  document = raming_document_new_standard (language);
  /* The rounding the adviser chose last; a setting of the new document,
   * not an edit of it. */
  if (settings != NULL && g_settings_get_int (settings, "display-rounding") > 0)
    g_object_set (document, "rounding", (double) g_settings_get_int (settings, "display-rounding"), NULL);
  return document;
}

/* The benchmark's first-frame line (bench/run, docs/performance.md): with
 * RAMING_BENCH_FIRST_FRAME=1 the first window prints, once, when its first
 * frame after being mapped has been painted
 *
 *   first-frame <milliseconds since main() began> <CPU milliseconds of the main thread>
 *
 * The second figure moves much less with the machine's other work than
 * the first (docs/performance.md, "The first-frame line").
 */
/* CPU time of the calling thread, in ms. */
static double
raming_bench_thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return -1;
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
on_first_frame_painted (GdkFrameClock *clock,
                        GtkWidget     *window)
{
  if (!gtk_widget_get_mapped (window))
    return;

  g_print ("first-frame %.1f %.1f\n", (g_get_monotonic_time () - process_start_time) / 1000.0,
           raming_bench_thread_cpu_ms ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, window);

  /* For profiling start-up alone (perf, massif): quit after that frame. */
  if (g_strcmp0 (g_getenv ("RAMING_BENCH_QUIT"), "1") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_first_window_realized (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, on_first_window_realized, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame_painted), window, 0);
}

static void
watch_first_frame (RamingApplication *self,
                   RamingWindow      *window)
{
  if (self->first_frame_watched)
    return;
  self->first_frame_watched = TRUE;
  if (g_strcmp0 (g_getenv ("RAMING_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (on_first_window_realized), NULL);
}

RamingWindow *
raming_application_new_window (RamingApplication *self,
                               RamingDocument    *document)
{
  g_autoptr(RamingDocument) fresh = NULL;
  RamingWindow *window;

  g_return_val_if_fail (RAMING_IS_APPLICATION (self), NULL);

  if (document == NULL)
    document = fresh = raming_application_new_document ();
  window = raming_window_new (GTK_APPLICATION (self), document);
  watch_first_frame (self, window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

RamingWindow *
raming_application_find_window (RamingApplication *self,
                                GFile             *file)
{
  g_return_val_if_fail (RAMING_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      RamingDocument *document;

      if (!RAMING_IS_WINDOW (l->data))
        continue;
      document = raming_window_get_document (l->data);
      if (document != NULL && raming_document_get_file (document) != NULL &&
          g_file_equal (raming_document_get_file (document), file))
        return l->data;
    }
  return NULL;
}

static RamingWindow *
pristine_window (RamingApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RAMING_IS_WINDOW (l->data) && raming_window_is_pristine (l->data))
      return l->data;
  return NULL;
}

/* ---------------------------------------------------------------- */
/* Drafts left by a crash */

static void
on_drafts_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    RamingApplication *self)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "raming-drafts");

  for (guint i = 0; i < drafts->len; i++)
    {
      RamingDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(RamingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      RamingWindow *window;

      if (!g_str_equal (response, "restore"))
        {
          raming_drafts_remove (draft->id);
          continue;
        }

      document = raming_draft_load (draft, &error);
      if (document == NULL)
        {
          g_warning ("Could not restore the draft %s: %s", draft->path, error->message);
          continue;
        }

      window = pristine_window (self);
      if (window != NULL)
        raming_window_set_document (window, document);
      else
        window = raming_application_new_window (self, document);
      /* The window goes on writing to the same draft until it is saved. */
      raming_window_set_draft_id (window, draft->id);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* Offers back what autosave kept of documents that were not closed
 * cleanly: once per run, at the first window. */
void
raming_application_offer_drafts (RamingApplication *self,
                                 RamingWindow      *parent)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GString) names = NULL;
  GtkWidget *dialog;

  g_return_if_fail (RAMING_IS_APPLICATION (self));

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  drafts = raming_drafts_list ();
  if (drafts->len == 0)
    return;

  names = g_string_new (NULL);
  for (guint i = 0; i < drafts->len; i++)
    {
      RamingDraft *draft = g_ptr_array_index (drafts, i);

      g_string_append_printf (names, "\n• %s", draft->title);
    }

  dialog = adw_message_dialog_new (parent ? GTK_WINDOW (parent) : NULL,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "Restore Unsaved Changes?",
                                                "Restore Unsaved Changes?", drafts->len),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s%s",
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Raming was closed before these changes were saved:",
                                               "Raming was closed before these changes were saved:",
                                               drafts->len),
                                  names->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_object_set_data_full (G_OBJECT (dialog), "raming-drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_drafts_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------- */
/* Application actions */

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  raming_application_new_window (RAMING_APPLICATION (user_data), NULL);
}

static RamingWindow *
active_window (RamingApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return RAMING_IS_WINDOW (window) ? RAMING_WINDOW (window) : NULL;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RamingWindow *window = active_window (RAMING_APPLICATION (user_data));
  GtkWidget *preferences;

  preferences = raming_preferences_window_new (window ? GTK_WINDOW (window) : NULL,
                                               window ? raming_window_get_document (window) : NULL);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RamingWindow *window = active_window (RAMING_APPLICATION (user_data));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/raming/Raming/raming-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, window ? GTK_WINDOW (window) : NULL);
  gtk_window_set_application (shortcuts, GTK_APPLICATION (user_data));
  gtk_window_present (shortcuts);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RamingWindow *window = active_window (RAMING_APPLICATION (user_data));
  const char *developers[] = { "The Raming developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Raming"),
                        "application-icon", APP_ID,
                        "developer-name", "The Raming developers",
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/raming/raming",
                        "issue-url", "https://github.com/raming/raming/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Raming developers",
                        "comments", _("Realistic savings estimates for youth care, and the table for the appendix of a council information note."),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window asks about its own unsaved changes; the application
   * ends when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (RAMING_IS_WINDOW (l->data))
      gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* ---------------------------------------------------------------- */

static void
read_icon_theme (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  /* Looking an icon up reads the theme's index first, under the
   * theme's own lock: lookups are safe from any thread. */
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* GTK reads the icon theme in a worker when the display's theme is first
 * asked for, but GtkApplication and libadwaita then add their icon folders
 * to it, and each addition drops what was read: the window's first icon
 * would read the theme again on the main thread (~15 ms). Read it once
 * more in a worker now, while the window is being built
 * (docs/performance.md, finding 31). */
static void
read_icon_theme_in_background (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (gtk_icon_theme_get_for_display (display), NULL, NULL, NULL);
  g_task_set_source_tag (task, read_icon_theme_in_background);
  g_task_run_in_thread (task, read_icon_theme);
}

static void
raming_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Primary><Shift>n", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "app.shortcuts", { "<Primary>question", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "win.open", { "<Primary>o", NULL } },
    { "win.save", { "<Primary>s", NULL } },
    { "win.save-as", { "<Primary><Shift>s", NULL } },
    { "win.export", { "<Primary>e", NULL } },
    { "win.print", { "<Primary>p", NULL } },
    { "win.copy-table", { "<Primary><Shift>c", NULL } },
    { "win.properties", { "<Alt>Return", NULL } },
    { "win.close", { "<Primary>w", NULL } },
    { "win.undo", { "<Primary>z", NULL } },
    { "win.redo", { "<Primary><Shift>z", "<Primary>y", NULL } },
    { "win.toggle-assumptions", { "<Primary><Shift>a", NULL } },
  };

  G_APPLICATION_CLASS (raming_application_parent_class)->startup (application);
  read_icon_theme_in_background ();

  /* In the window the Monte Carlo band is drawn in a worker thread, also
   * for a document just opened: a large analysis never blocks typing. */
  raming_document_set_default_band_in_background (TRUE);

  {
    static gsize named;

    /* Once per process: the tests start more than one application. */
    if (g_once_init_enter (&named))
      {
        g_set_application_name (_("Raming"));
        g_once_init_leave (&named, 1);
      }
  }
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);
}

static void
raming_application_activate (GApplication *application)
{
  RamingApplication *self = RAMING_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (raming_application_new_window (self, NULL));
  gtk_window_present (window);
  raming_application_offer_drafts (self, RAMING_IS_WINDOW (window) ? RAMING_WINDOW (window) : NULL);
}

static gboolean
add_recent_idle (gpointer uri)
{
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return G_SOURCE_REMOVE;
}

static void
raming_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  RamingApplication *self = RAMING_APPLICATION (application);
  RamingWindow *last = NULL;

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(RamingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      RamingWindow *window = raming_application_find_window (self, files[i]);

      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          last = window;
          continue;
        }

      document = raming_document_load_from_file (files[i], NULL, &error);
      if (document == NULL)
        {
          g_autofree char *message = raming_describe_open_error (files[i], error);

          /* The error needs a window to stand on: a new, empty analysis. */
          window = last ? last : active_window (self);
          if (window == NULL)
            window = raming_application_new_window (self, NULL);
          raming_window_show_error (window, _("Could Not Open the Document"), message);
          last = window;
          continue;
        }

      /* After the window's first frame: GTK reads and parses the whole
       * list of recent files (the desktop's, often hundreds of entries)
       * when its recent manager is first asked for. */
      g_idle_add_full (G_PRIORITY_LOW, add_recent_idle, g_file_get_uri (files[i]), g_free);

      window = pristine_window (self);
      if (window != NULL)
        raming_window_set_document (window, document);
      else
        window = raming_application_new_window (self, document);
      gtk_window_present (GTK_WINDOW (window));
      last = window;
    }

  if (last == NULL)
    last = raming_application_new_window (self, NULL);
  raming_application_offer_drafts (self, last);
}

static void
raming_application_class_init (RamingApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = raming_application_startup;
  app_class->activate = raming_application_activate;
  app_class->open = raming_application_open;

  /* Linking the resources object registers them, style.css included. */
  raming_gui_get_resource ();
}

static void
raming_application_init (RamingApplication *self)
{
}

RamingApplication *
raming_application_new (void)
{
  return g_object_new (RAMING_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/raming/Raming",
                       NULL);
}

/* Files given on the command line are passed on as URIs, so that a name
 * starting with “-” is never read as an option. */
int
raming_application_run (const char * const *files,
                        gint64              started_at)
{
  g_autoptr(RamingApplication) application = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  process_start_time = started_at;
  /* Pango reads fontconfig's configuration and caches in a thread of its
   * own from the moment its font map is made; made now, that runs beside
   * GTK's and libadwaita's start-up instead of when the first label is
   * measured (docs/performance.md, finding 36). GTK takes the same
   * default font map later. */
  pango_cairo_font_map_get_default ();
  application = raming_application_new ();
  g_ptr_array_add (argv, g_strdup ("raming"));
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

      g_ptr_array_add (argv, g_file_get_uri (file));
    }
  g_ptr_array_add (argv, NULL);

  return g_application_run (G_APPLICATION (application), (int) argv->len - 1, (char **) argv->pdata);
}
