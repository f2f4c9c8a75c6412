/* raming-window.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "raming-actions-page.h"
#include "raming-application.h"
#include "raming-assumptions-panel.h"
#include "raming-cli.h"
#include "raming-drafts.h"
#include "raming-export.h"
#include "raming-gui-resources.h"
#include "raming-gui-util.h"
#include "raming-measures-page.h"
#include "raming-note-table.h"
#include "raming-partners-page.h"
#include "raming-preferences-window.h"
#include "raming-print-operation.h"
#include "raming-summary-bar.h"
#include "raming-window.h"

/* A window shows one document: the header with the document's name and
 * the three tabs, the totals under it, and the assumptions at the side.
 * The window owns the document's life on disk: opening, saving (noticing
 * when someone else changed the file), asking before unsaved changes are
 * lost, and writing a draft a few seconds after each change so that a
 * crash loses nothing. */

#define DEFAULT_AUTOSAVE_DELAY 5

struct _RamingWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar *header_bar;
  AdwSqueezer *title_squeezer;
  GtkWidget *narrow_title_box;
  GtkLabel *narrow_title;
  GtkLabel *narrow_subtitle;
  AdwViewStack *view_stack;
  GtkBox *main_box;
  GtkWidget *open_button;
  GtkWidget *document_title_box;
  GtkLabel *document_title;
  GtkLabel *document_subtitle;
  RamingSummaryBar *summary;
  AdwFlap *flap;
  RamingAssumptionsPanel *assumptions_panel;
  RamingMeasuresPage *measures_page;
  AdwBin *partners_bin;
  AdwBin *actions_bin;
  RamingPartnersPage *partners_page;    /* made when first needed: ensure_page() */
  RamingActionsPage *actions_page;
  AdwViewSwitcherBar *switcher_bar;     /* made when first needed: update_title_box_idle() */
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  GMenuModel *recent_menu;
  GMenu *recent_section;
  GMenu *recent_submenu_section;

  RamingDocument *document;
  GSettings *settings;
  GtkRecentManager *recent_manager;

  char *draft_id;
  guint autosave_id;
  AdwToast *undo_toast;
  RamingPrintOperation *print_operation;

  guint close_confirmed : 1;
  guint close_after_save : 1;
  guint assumptions_visible : 1;
  guint maximize_requested : 1;
  guint recent_menu_filled : 1;
  guint shown_before : 1;
  guint filled;             /* the HiddenPart that have the document */
};

/* The parts out of sight at first, which take the document only when
 * they are shown or asked for (fill_hidden()). */
typedef enum
{
  HIDDEN_PARTNERS    = 1 << 0,
  HIDDEN_ACTIONS     = 1 << 1,
  HIDDEN_ASSUMPTIONS = 1 << 2,
} HiddenPart;

G_DEFINE_FINAL_TYPE (RamingWindow, raming_window, ADW_TYPE_APPLICATION_WINDOW)

static void fill_hidden (RamingWindow *self,
                         guint         parts);

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ASSUMPTIONS_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_as (RamingWindow *self);

/* ---------------------------------------------------------------- */
/* Title and actions */

static char *
display_name (RamingWindow *self)
{
  GFile *file = raming_document_get_file (self->document);
  const char *title;

  if (file != NULL)
    return g_file_get_basename (file);
  title = raming_document_get_title (self->document);
  if (title != NULL && *title)
    return g_strdup (title);
  return g_strdup (_("Untitled Analysis"));
}

static char *
folder_name (RamingWindow *self)
{
  GFile *file = raming_document_get_file (self->document);
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *relative = NULL;

  if (file == NULL)
    return g_strdup (_("Not saved yet"));
  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_file_get_parse_name (file);
  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (parent);
}

static void
update_title (RamingWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  const char *tooltip;

  if (self->document == NULL)
    return;

  name = display_name (self);
  folder = folder_name (self);
  /* Translators: the window title of a document with unsaved changes */
  title = raming_document_get_modified (self->document) ? g_strdup_printf (_("%s •"), name)
                                                        : g_strdup (name);

  gtk_label_set_label (self->narrow_title, title);
  gtk_label_set_label (self->narrow_subtitle, folder);
  gtk_label_set_label (self->document_title, title);
  gtk_label_set_label (self->document_subtitle, folder);
  tooltip = raming_document_get_modified (self->document) ? _("This document has unsaved changes") : NULL;
  raming_gui_set_tooltip_text (self->document_title_box, tooltip);
  raming_gui_set_tooltip_text (self->narrow_title_box, tooltip);

  window_title = g_strdup_printf ("%s – Raming", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (RamingWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (widget, "win.undo",
                                 has_document && raming_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 has_document && raming_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (widget, "win.save", has_document);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_document);
  gtk_widget_action_set_enabled (widget, "win.export", has_document);
  gtk_widget_action_set_enabled (widget, "win.copy-table", has_document);
  gtk_widget_action_set_enabled (widget, "win.print", has_document && self->print_operation == NULL);
}

/* ---------------------------------------------------------------- */
/* Recent documents */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *x = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *y = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  /* Newest first */
  return g_date_time_compare (y, x);
}

static void on_recent_changed (RamingWindow *self);

/* The recent-files list is read, and the menus of recent documents are
 * filled, when first needed: a menu is opened or a file opened or saved
 * (docs/performance.md, finding 28). */
static GtkRecentManager *
get_recent_manager (RamingWindow *self)
{
  if (self->recent_manager == NULL)
    {
      self->recent_manager = gtk_recent_manager_get_default ();
      g_signal_connect_object (self->recent_manager, "changed",
                               G_CALLBACK (on_recent_changed), self, G_CONNECT_SWAPPED);
    }
  return self->recent_manager;
}

static void
update_recent_menu (RamingWindow *self)
{
  GList *items = gtk_recent_manager_get_items (get_recent_manager (self));
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  g_menu_remove_all (self->recent_submenu_section);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".raming") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_section, item);
      g_menu_append_item (self->recent_submenu_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "win.no-recent");

      g_menu_append_item (self->recent_section, item);
      g_menu_append_item (self->recent_submenu_section, item);
    }
}

static void
add_to_recent (RamingWindow *self,
               GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0, };

  data.display_name = NULL;
  data.mime_type = (char *) "application/x-raming";
  data.app_name = (char *) "Raming";
  data.app_exec = (char *) "raming %u";
  gtk_recent_manager_add_full (get_recent_manager (self), uri, &data);
}

/* ---------------------------------------------------------------- */
/* Drafts and autosave */

static guint
autosave_delay (RamingWindow *self)
{
  if (self->settings == NULL)
    return DEFAULT_AUTOSAVE_DELAY;
  return MAX (1, g_settings_get_uint (self->settings, "autosave-delay"));
}

void
raming_window_set_draft_id (RamingWindow *self,
                            const char   *draft_id)
{
  g_return_if_fail (RAMING_IS_WINDOW (self));

  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
}

const char *
raming_window_get_draft_id (RamingWindow *self)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  return self->draft_id;
}

static void
remove_draft (RamingWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  raming_drafts_remove (self->draft_id);
}

/* Writes the draft now when there is something unsaved; removes it when
 * the document is as it is on disk (e.g. after undoing back). */
gboolean
raming_window_write_draft (RamingWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAMING_IS_WINDOW (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->document == NULL)
    return FALSE;
  if (!raming_document_get_modified (self->document))
    {
      raming_drafts_remove (self->draft_id);
      return FALSE;
    }
  if (!raming_drafts_save (self->draft_id, self->document, &error))
    {
      g_warning ("Could not write the draft: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_autosave_timeout (gpointer user_data)
{
  RamingWindow *self = user_data;

  self->autosave_id = 0;
  raming_window_write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (RamingWindow *self)
{
  /* Counted from the first unsaved change, so that steady editing still
   * gets a draft every few seconds. */
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (autosave_delay (self), on_autosave_timeout, self);

  /* The toast's Undo means “undo the removal”: after another edit it
   * would undo something else. */
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->undo_toast);

      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }
}

static void
on_modified_changed (RamingWindow *self)
{
  update_title (self);
  if (!raming_document_get_modified (self->document))
    remove_draft (self);
}

/* ---------------------------------------------------------------- */
/* Dialogs */

void
raming_window_show_error (RamingWindow *self,
                          const char   *heading,
                          const char   *message)
{
  GtkWidget *dialog;

  g_return_if_fail (RAMING_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------- */
/* Opening */

gboolean
raming_window_is_pristine (RamingWindow *self)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), FALSE);

  return self->document == NULL ||
         (raming_document_get_file (self->document) == NULL &&
          !raming_document_get_modified (self->document) &&
          !raming_document_get_can_undo (self->document));
}

/* Opens @file in this window when it holds nothing worth keeping, else in
 * a new window. A file that cannot be opened is reported and changes
 * nothing. */
gboolean
raming_window_open_file (RamingWindow *self,
                         GFile        *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(RamingDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAMING_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (RAMING_IS_APPLICATION (application))
    {
      RamingWindow *open = raming_application_find_window (RAMING_APPLICATION (application), file);

      if (open != NULL)
        {
          gtk_window_present (GTK_WINDOW (open));
          return TRUE;
        }
    }

  document = raming_document_load_from_file (file, NULL, &error);
  if (document == NULL)
    {
      g_autofree char *message = raming_describe_open_error (file, error);

      raming_window_show_error (self, _("Could Not Open the Document"), message);
      return FALSE;
    }

  add_to_recent (self, file);

  if (raming_window_is_pristine (self) || !RAMING_IS_APPLICATION (application))
    raming_window_set_document (self, document);
  else
    raming_application_new_window (RAMING_APPLICATION (application), document);
  return TRUE;
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  RamingWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        raming_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
add_raming_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Raming documents"));
  gtk_file_filter_add_pattern (filter, "*.raming");
  gtk_file_chooser_add_filter (chooser, filter);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, filter);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_raming_filter (GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  raming_window_open_file (RAMING_WINDOW (widget), file);
}

/* ---------------------------------------------------------------- */
/* Saving */

static gboolean
close_idle (gpointer user_data)
{
  g_autoptr(RamingWindow) self = user_data;

  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes after a confirmation: not from inside the dialog's response,
 * which is still running and holds the window as its parent. */
static void
close_confirmed_later (RamingWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add (close_idle, g_object_ref (self));
}

static void
saved (RamingWindow *self)
{
  add_to_recent (self, raming_document_get_file (self->document));
  remove_draft (self);
  update_title (self);

  if (self->close_after_save)
    close_confirmed_later (self);
}

static gboolean save_to (RamingWindow *self,
                         GFile        *file,
                         gboolean      check);

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             RamingWindow     *self)
{
  if (g_str_equal (response, "overwrite"))
    save_to (self, raming_document_get_file (self->document), FALSE);
  else if (g_str_equal (response, "save-as"))
    save_as (self);
  else
    self->close_after_save = FALSE;
}

static gboolean
save_to (RamingWindow *self,
         GFile        *file,
         gboolean      check)
{
  g_autoptr(GError) error = NULL;

  if (raming_document_save_to_file (self->document, file, check, NULL, &error))
    {
      saved (self);
      return TRUE;
    }

  if (g_error_matches (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_CHANGED_ON_DISK))
    {
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Was Changed by Someone Else"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” was saved by another program or person since you opened it. "
                                        "Saving now replaces their changes with yours."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Replace Their Changes"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

    self->close_after_save = FALSE;
    raming_window_show_error (self, _("Could Not Save the Document"), message);
  }
  return FALSE;
}

gboolean
raming_window_save (RamingWindow *self)
{
  GFile *file;

  g_return_val_if_fail (RAMING_IS_WINDOW (self), FALSE);

  file = raming_document_get_file (self->document);
  if (file == NULL)
    {
      save_as (self);
      return FALSE;
    }
  return save_to (self, file, TRUE);
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     RamingWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = g_file_get_basename (chosen);

      if (!g_str_has_suffix (name, ".raming"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *with_extension = g_strconcat (name, ".raming", NULL);

          file = g_file_get_child (parent, with_extension);
        }
      else
        file = g_object_ref (chosen);

      save_to (self, file, TRUE);
    }
  else
    self->close_after_save = FALSE;

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
save_as (RamingWindow *self)
{
  GtkFileChooserNative *native;
  GFile *file = raming_document_get_file (self->document);

  native = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_raming_filter (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), file, NULL);
  else
    {
      g_autofree char *name = display_name (self);
      g_autofree char *file_name = g_strconcat (name, ".raming", NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
    }
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  raming_window_save (RAMING_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (RAMING_WINDOW (widget));
}

/* ---------------------------------------------------------------- */
/* Export */

static RamingLanguage
export_language (RamingWindow *self)
{
  g_autofree char *setting = NULL;

  if (self->settings != NULL)
    setting = g_settings_get_string (self->settings, "export-language");
  if (g_strcmp0 (setting, "nl") == 0)
    return RAMING_LANGUAGE_NL;
  if (g_strcmp0 (setting, "en") == 0)
    return RAMING_LANGUAGE_EN;
  return raming_document_get_language (self->document);
}

static RamingExportOptions
export_options (RamingWindow *self)
{
  RamingExportOptions options = { FALSE, FALSE };

  if (self->settings != NULL)
    {
      g_autofree char *orientation = g_settings_get_string (self->settings, "page-orientation");

      options.include_actions = g_settings_get_boolean (self->settings, "include-actions-in-appendix");
      options.landscape = g_strcmp0 (orientation, "landscape") == 0;
    }
  return options;
}

/* Writes the appendix in @format (atomically: a failed export leaves
 * the old file as it was), in the export language of the preferences,
 * with the action items and the page orientation the preferences and
 * the last print say. The Export dialog writes through this. */
gboolean
raming_window_export (RamingWindow        *self,
                      GFile               *file,
                      RamingExportFormat   format,
                      GError             **error)
{
  RamingExportOptions options;

  g_return_val_if_fail (RAMING_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format >= 0 && format < RAMING_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  options = export_options (self);
  return raming_export_to_file (self->document, format, export_language (self), &options, file, error);
}

/* The name the Export dialog suggests: the document's name and the word
 * for appendix in the language of the export, not of the desktop. */
char *
raming_window_get_export_name (RamingWindow       *self,
                               RamingExportFormat  format)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  g_return_val_if_fail (format >= 0 && format < RAMING_EXPORT_N_FORMATS, NULL);

  name = display_name (self);
  if (g_str_has_suffix (name, ".raming"))
    name[strlen (name) - strlen (".raming")] = '\0';
  return g_strdup_printf ("%s - %s.%s", name,
                          export_language (self) == RAMING_LANGUAGE_EN ? "appendix" : "bijlage",
                          raming_export_format_extension (format));
}

static const struct {
  RamingExportFormat format;
  const char *name;
  const char *patterns[3];
} export_filters[] = {
  { RAMING_EXPORT_PDF, N_("PDF, as printed (*.pdf)"), { "*.pdf", NULL } },
  { RAMING_EXPORT_ODT, N_("OpenDocument text for Writer or Word (*.odt)"), { "*.odt", NULL } },
  { RAMING_EXPORT_HTML, N_("Web page (*.html)"), { "*.html", "*.htm", NULL } },
  { RAMING_EXPORT_MD, N_("Markdown (*.md)"), { "*.md", "*.markdown", NULL } },
  { RAMING_EXPORT_CSV, N_("CSV for spreadsheets (*.csv)"), { "*.csv", NULL } },
  { RAMING_EXPORT_JSON, N_("JSON (*.json)"), { "*.json", NULL } },
};

/* The format of the filter chosen in the dialog. A portal gives back a
 * copy of the filter: then its name tells. */
static RamingExportFormat
filter_format (GtkFileFilter *filter)
{
  const char *name;

  if (filter == NULL)
    return RAMING_EXPORT_INVALID;
  if (g_object_get_data (G_OBJECT (filter), "raming-format") != NULL)
    return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "raming-format")) - 1;
  name = gtk_file_filter_get_name (filter);
  for (guint i = 0; i < G_N_ELEMENTS (export_filters); i++)
    if (g_strcmp0 (name, _(export_filters[i].name)) == 0)
      return export_filters[i].format;
  return RAMING_EXPORT_INVALID;
}

static RamingExportFormat
name_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_filters); i++)
    for (guint k = 0; export_filters[i].patterns[k] != NULL; k++)
      {
        g_autofree char *lower = g_ascii_strdown (name, -1);

        if (g_str_has_suffix (lower, export_filters[i].patterns[k] + 1))
          return export_filters[i].format;
      }
  return RAMING_EXPORT_INVALID;
}

/* The chosen filter decides the format; the name is made to end as the
 * format's files do (“nota.pdf” with the ODT filter becomes “nota.odt”). */
static GFile *
file_for_format (GFile              *chosen,
                 RamingExportFormat  format)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autoptr(GFile) parent = g_file_get_parent (chosen);
  RamingExportFormat named = name_format (name);
  g_autofree char *fixed = NULL;

  if (named == format || parent == NULL)
    return g_object_ref (chosen);
  if (named != RAMING_EXPORT_INVALID)
    *strrchr (name, '.') = '\0';
  fixed = g_strconcat (name, ".", raming_export_format_extension (format), NULL);
  return g_file_get_child (parent, fixed);
}

static void
export_and_report (RamingWindow       *self,
                   GFile              *file,
                   RamingExportFormat  format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;

  if (raming_window_export (self, file, format, &error))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      /* Translators: %s is the name of the exported file */
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), escaped);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);

      raming_window_show_error (self, _("Could Not Export the Appendix"), message);
    }
}

static void
on_export_replace_response (AdwMessageDialog *dialog,
                            const char       *response,
                            RamingWindow     *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "raming-file");
  int format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "raming-format"));

  if (g_str_equal (response, "replace"))
    export_and_report (self, file, format);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    RamingWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
      g_autofree char *chosen_name = g_file_get_basename (chosen);
      RamingExportFormat format = filter_format (gtk_file_chooser_get_filter (chooser));
      g_autoptr(GFile) file = NULL;

      if (format == RAMING_EXPORT_INVALID)
        format = name_format (chosen_name);
      if (format == RAMING_EXPORT_INVALID)
        format = RAMING_EXPORT_PDF;
      file = file_for_format (chosen, format);

      /* The dialog asked about replacing the name that was typed, not
       * about the one with the extension put right. */
      if (!g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
        {
          g_autofree char *name = g_file_get_basename (file);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the File?"), NULL);

          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("A file named “%s” already exists. Replacing it overwrites its contents."),
                                          name);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "replace", _("_Replace"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_object_set_data_full (G_OBJECT (dialog), "raming-file", g_steal_pointer (&file), g_object_unref);
          g_object_set_data (G_OBJECT (dialog), "raming-format", GINT_TO_POINTER (format));
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_replace_response), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        export_and_report (self, file, format);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

/* The document's own properties (title, municipality, note, date,
 * language, sources): a page of the preferences, opened on it. */
static void
properties_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  GtkWidget *preferences = raming_preferences_window_new (GTK_WINDOW (self), self->document);

  raming_preferences_window_show_document_page (RAMING_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *file_name = raming_window_get_export_name (self, RAMING_EXPORT_PDF);

  native = gtk_file_chooser_native_new (_("Export the Appendix"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (export_filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_filters[i].name));
      for (guint k = 0; export_filters[i].patterns[k] != NULL; k++)
        gtk_file_filter_add_pattern (filter, export_filters[i].patterns[k]);
      gtk_file_filter_add_mime_type (filter, raming_export_format_mime_type (export_filters[i].format));
      g_object_set_data (G_OBJECT (filter), "raming-format", GINT_TO_POINTER (export_filters[i].format + 1));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      if (export_filters[i].format == RAMING_EXPORT_PDF)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
    }

  /* Next to the document, where the adviser will look for it. */
  if (raming_document_get_file (self->document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (raming_document_get_file (self->document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_export_launched (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RamingWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    raming_window_show_error (self, _("Could Not Open the Exported File"), error->message);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_export_launched, g_object_ref (self));
}

/* ---------------------------------------------------------------- */
/* Copying the table */

/* The table for pasting: as a table into a word processor or an e-mail
 * (text/html), as tab-separated cells into a spreadsheet or an editor
 * (text/plain). */
static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  g_autoptr(RamingNoteTable) table = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  GdkContentProvider *providers[2];
  char *html;
  char *text;

  if (self->document == NULL)
    return;

  table = raming_note_table_new (self->document, export_language (self));
  html = raming_export_table_html_fragment (table);
  text = raming_export_table_plain_text (table);
  {
    g_autoptr(GBytes) html_bytes = g_bytes_new_take (html, strlen (html));
    g_autoptr(GBytes) text_bytes = g_bytes_new_take (text, strlen (text));

    providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
    providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  }
  content = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), content);

  raming_window_add_toast (self, _("Table copied"), FALSE);
}

/* ---------------------------------------------------------------- */
/* Printing */

static RamingPrintOperation *
new_print_operation (RamingWindow *self)
{
  return raming_print_operation_new (self->document, export_language (self), self->settings);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               RamingWindow            *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* It hands over its error once (and warns when there is none). */
      gtk_print_operation_get_error (operation, &error);
      raming_window_show_error (self, _("Could Not Print the Appendix"),
                                error != NULL ? error->message : _("The print system reported an error."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL &&
           raming_print_operation_get_error (RAMING_PRINT_OPERATION (operation), &error))
    raming_window_show_error (self, _("Could Not Print the Appendix"), error->message);

  if (self->print_operation == RAMING_PRINT_OPERATION (operation))
    g_clear_object (&self->print_operation);
  update_actions (self);
}

/* The print dialog, with the page setup in it and an “Appendix” tab for
 * the action items; its Preview shows the same pages. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  g_autoptr(RamingPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->document == NULL || self->print_operation != NULL)
    return;

  operation = new_print_operation (self);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  self->print_operation = g_object_ref (operation);
  update_actions (self);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* When the run fails at once, “done” may not come. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation == operation)
    {
      g_clear_object (&self->print_operation);
      update_actions (self);
      raming_window_show_error (self, _("Could Not Print the Appendix"),
                                error != NULL ? error->message : _("The print system reported an error."));
    }
}

/* The print operation of the Print dialog, running now; NULL if none. */
GtkPrintOperation *
raming_window_get_print_operation (RamingWindow *self)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  return self->print_operation ? GTK_PRINT_OPERATION (self->print_operation) : NULL;
}

/* What Print does, without the dialog: the pages into a PDF at @path,
 * through the print system (not the PDF exporter). Returns the number
 * of pages in @n_pages. */
gboolean
raming_window_print_to_file (RamingWindow  *self,
                             const char    *path,
                             guint         *n_pages,
                             GError       **error)
{
  g_autoptr(RamingPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (RAMING_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = new_print_operation (self);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), error);
  if (n_pages != NULL)
    *n_pages = raming_print_operation_get_n_pages (operation);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    return TRUE;

  /* GTK has begun the file before anything failed: not a PDF to keep. */
  g_unlink (path);
  if (error != NULL && *error == NULL &&
      !raming_print_operation_get_error (operation, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The print system reported an error."));
  return FALSE;
}

static void
on_page_setup_done (GtkPageSetup *page_setup,
                    gpointer      user_data)
{
  g_autoptr(RamingWindow) self = user_data;

  /* NULL when the dialog was cancelled. */
  if (page_setup != NULL)
    raming_print_store_page_setup (self->settings, page_setup);
}

static void
page_setup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  g_autoptr(GtkPageSetup) page_setup = raming_print_load_page_setup (self->settings);
  g_autoptr(GtkPrintSettings) print_settings = raming_print_load_print_settings (self->settings);

  gtk_print_run_page_setup_dialog_async (GTK_WINDOW (self), page_setup, print_settings,
                                         on_page_setup_done, g_object_ref (self));
}

/* ---------------------------------------------------------------- */
/* Editing */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);

  if (self->document != NULL && raming_document_get_can_undo (self->document))
    raming_document_undo (self->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);

  if (self->document != NULL && raming_document_get_can_redo (self->document))
    raming_document_redo (self->document);
}

void
raming_window_set_assumptions_visible (RamingWindow *self,
                                       gboolean      visible)
{
  g_return_if_fail (RAMING_IS_WINDOW (self));

  visible = !!visible;
  if (self->assumptions_visible == visible)
    return;
  if (visible)
    fill_hidden (self, HIDDEN_ASSUMPTIONS);
  self->assumptions_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSUMPTIONS_VISIBLE]);
}

static void
show_assumption_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  RamingAssumption *assumption;

  assumption = raming_document_find_assumption (self->document, g_variant_get_string (parameter, NULL));
  if (assumption == NULL)
    return;
  raming_window_set_assumptions_visible (self, TRUE);
  raming_assumptions_panel_show (self->assumptions_panel, assumption);
}

static void
show_partner_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  RamingPartner *partner = raming_document_find_partner (self->document, g_variant_get_string (parameter, NULL));

  if (partner == NULL)
    return;
  raming_window_show_page (self, "partners");
  raming_partners_page_select_partner (RAMING_PARTNERS_PAGE (raming_window_get_page (self, "partners")), partner);
}

static void
show_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RamingWindow *self = RAMING_WINDOW (widget);
  GListModel *actions = raming_document_get_actions (self->document);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RamingAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (raming_action_get_id (action), id) == 0)
        {
          raming_window_show_page (self, "actions");
          raming_actions_page_select_action (RAMING_ACTIONS_PAGE (raming_window_get_page (self, "actions")), action);
          return;
        }
    }
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  raming_window_show_page (RAMING_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---------------------------------------------------------------- */
/* Closing */

static void
save_window_state (RamingWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   RamingWindow     *self)
{
  if (g_str_equal (response, "discard"))
    close_confirmed_later (self);
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      raming_window_save (self);
    }
}

static gboolean
raming_window_close_request (GtkWindow *window)
{
  RamingWindow *self = RAMING_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL && raming_document_get_modified (self->document))
    {
      g_autofree char *name = display_name (self);
      GtkWidget *dialog;

      gtk_window_present (window);
      dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has changes that are not saved. Changes that are not saved are lost."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* A clean close: nothing is left to recover. */
  save_window_state (self);
  remove_draft (self);
  return GTK_WINDOW_CLASS (raming_window_parent_class)->close_request (window);
}

/* ---------------------------------------------------------------- */

void
raming_window_show_page (RamingWindow *self,
                         const char   *name)
{
  g_return_if_fail (RAMING_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
raming_window_get_page (RamingWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  if (g_strcmp0 (name, "partners") == 0)
    {
      fill_hidden (self, HIDDEN_PARTNERS);
      return GTK_WIDGET (self->partners_page);
    }
  else if (g_strcmp0 (name, "actions") == 0)
    {
      fill_hidden (self, HIDDEN_ACTIONS);
      return GTK_WIDGET (self->actions_page);
    }
  else if (g_strcmp0 (name, "measures") == 0)
    return GTK_WIDGET (self->measures_page);
  return NULL;
}

GtkWidget *
raming_window_get_summary (RamingWindow *self)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->summary);
}

GtkWidget *
raming_window_get_assumptions_panel (RamingWindow *self)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  fill_hidden (self, HIDDEN_ASSUMPTIONS);
  return GTK_WIDGET (self->assumptions_panel);
}

RamingDocument *
raming_window_get_document (RamingWindow *self)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  return self->document;
}

/* The referral partners' and the action items' pages themselves (~190
 * widgets with their toolbars, filters and empty states) are made when
 * first shown or asked for too; the view stack holds a bin for each
 * (docs/performance.md, finding 29). */
static void
ensure_page (RamingWindow *self,
             guint         parts)
{
  if ((parts & HIDDEN_PARTNERS) && self->partners_page == NULL)
    {
      self->partners_page = g_object_new (RAMING_TYPE_PARTNERS_PAGE, NULL);
      adw_bin_set_child (self->partners_bin, GTK_WIDGET (self->partners_page));
    }
  if ((parts & HIDDEN_ACTIONS) && self->actions_page == NULL)
    {
      self->actions_page = g_object_new (RAMING_TYPE_ACTIONS_PAGE, NULL);
      adw_bin_set_child (self->actions_bin, GTK_WIDGET (self->actions_page));
    }
}

/* Referral partners, action items and the assumptions panel are out of
 * sight when a document is opened. Made with the window they cost a
 * third of the time to its first frame, and filled later from an idle
 * still a tenth of its memory (column views make their rows as soon as
 * they have a model); each takes the document when it is first shown or
 * asked for instead (docs/performance.md, findings 20 and 24). */
static void
fill_hidden (RamingWindow *self,
             guint         parts)
{
  /* The pages are made even while there is no document to give them. */
  ensure_page (self, parts);
  if (self->document == NULL)
    return;
  parts &= ~self->filled;
  self->filled |= parts;
  if (parts & HIDDEN_PARTNERS)
    raming_partners_page_set_document (self->partners_page, self->document);
  if (parts & HIDDEN_ACTIONS)
    raming_actions_page_set_document (self->actions_page, self->document);
  if (parts & HIDDEN_ASSUMPTIONS)
    raming_assumptions_panel_set_document (self->assumptions_panel, self->document);
}

static guint
visible_hidden_parts (RamingWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  guint parts = 0;

  if (g_strcmp0 (page, "partners") == 0)
    parts |= HIDDEN_PARTNERS;
  else if (g_strcmp0 (page, "actions") == 0)
    parts |= HIDDEN_ACTIONS;
  if (self->assumptions_visible)
    parts |= HIDDEN_ASSUMPTIONS;
  return parts;
}

static void
on_visible_page_changed (RamingWindow *self)
{
  fill_hidden (self, visible_hidden_parts (self));
}

void
raming_window_set_document (RamingWindow   *self,
                            RamingDocument *document)
{
  guint filled;

  g_return_if_fail (RAMING_IS_WINDOW (self));
  g_return_if_fail (RAMING_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      /* The old document goes; so does its draft. */
      remove_draft (self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }

  g_set_object (&self->document, document);

  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_modified_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  raming_summary_bar_set_document (self->summary, document);
  raming_measures_page_set_document (self->measures_page, document);
  /* The parts out of sight get it when shown (fill_hidden()); those
   * that had the old one get the new one now. */
  filled = self->filled;
  self->filled = 0;
  fill_hidden (self, filled | visible_hidden_parts (self));

  update_title (self);
  update_actions (self);

  /* A restored draft is unsaved from the start. */
  if (raming_document_get_modified (document))
    on_document_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
on_toast_dismissed (RamingWindow *self,
                    AdwToast     *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* @message is plain text: a toast title is Pango markup in libadwaita 1.2,
 * and a measure called "Dyslexie & onderwijs <pilot>" must show as such.
 * With @undo, the toast's button undoes the last step; the window keeps
 * the toast to withdraw it when the next edit makes that Undo mean
 * something else. */
void
raming_window_add_toast (RamingWindow *self,
                         const char   *message,
                         gboolean      undo)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (RAMING_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

      if (self->undo_toast != NULL)
        {
          AdwToast *old = g_steal_pointer (&self->undo_toast);

          adw_toast_dismiss (old);
          g_object_unref (old);
        }
      self->undo_toast = g_object_ref (toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

AdwToast *
raming_window_get_undo_toast (RamingWindow *self)
{
  g_return_val_if_fail (RAMING_IS_WINDOW (self), NULL);
  return self->undo_toast;
}

static void
raming_window_constructed (GObject *object)
{
  RamingWindow *self = (RamingWindow *) object;

  G_OBJECT_CLASS (raming_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        {
          self->maximize_requested = TRUE;
          gtk_window_maximize (GTK_WINDOW (self));
        }
    }
}

/* The first time the window is shown, before it is realized: its text
 * measured and drawn with one cairo font (raming_gui_share_drawing_font())
 * and the details pane folded at once when the window is going to be too
 * narrow for it (raming_measures_page_settle_details()). A maximized
 * window's width is not known yet; the pane then folds as AdwFlap
 * decides. */
static void
raming_window_show (GtkWidget *widget)
{
  RamingWindow *self = (RamingWindow *) widget;

  if (!self->shown_before)
    {
      int width = 0;
      int height = 0;

      self->shown_before = TRUE;
      raming_gui_share_drawing_font (widget);
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (!self->maximize_requested && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
        raming_measures_page_settle_details (self->measures_page, width);
    }

  GTK_WIDGET_CLASS (raming_window_parent_class)->show (widget);
}

static void
raming_window_dispose (GObject *object)
{
  RamingWindow *self = (RamingWindow *) object;

  /* Not the draft: a window that goes without a clean close (the
   * application quitting abnormally) leaves it to be recovered. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->print_operation);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAMING_TYPE_WINDOW);

  G_OBJECT_CLASS (raming_window_parent_class)->dispose (object);
}

static void
raming_window_finalize (GObject *object)
{
  RamingWindow *self = (RamingWindow *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_free (self->draft_id);

  G_OBJECT_CLASS (raming_window_parent_class)->finalize (object);
}

static void
raming_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RamingWindow *self = RAMING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ASSUMPTIONS_VISIBLE:
      g_value_set_boolean (value, self->assumptions_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RamingWindow *self = RAMING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (g_value_get_object (value) != NULL)
        raming_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_ASSUMPTIONS_VISIBLE:
      raming_window_set_assumptions_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Set from code, not in the .ui file: see raming_gui_set_tooltip_text(). */
static const RamingGuiTooltip template_tooltips[] = {
  { "open_button", N_("Open a document (Ctrl+O)") },
  { "undo_button", N_("Undo (Ctrl+Z)") },
  { "redo_button", N_("Redo (Ctrl+Shift+Z)") },
  { "primary_menu_button", N_("Main Menu (F10)") },
  { "save_button", N_("Save the document (Ctrl+S)") },
  { "assumptions_button", N_("Show the assumptions behind the figures (Ctrl+Shift+A)") },
};

static void
raming_window_class_init (RamingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = raming_window_constructed;
  object_class->dispose = raming_window_dispose;
  object_class->finalize = raming_window_finalize;
  object_class->get_property = raming_window_get_property;
  object_class->set_property = raming_window_set_property;
  window_class->close_request = raming_window_close_request;
  widget_class->show = raming_window_show;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RAMING_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSUMPTIONS_VISIBLE] =
    g_param_spec_boolean ("assumptions-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Linking the resources object registers them. */
  raming_gui_get_resource ();
  g_type_ensure (RAMING_TYPE_SUMMARY_BAR);
  g_type_ensure (RAMING_TYPE_MEASURES_PAGE);
  g_type_ensure (RAMING_TYPE_ASSUMPTIONS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raming/Raming/raming-window.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "undo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "redo_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, recent_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "assumptions_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, narrow_title_box);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, narrow_subtitle);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, document_title_box);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, document_title);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, document_subtitle);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, assumptions_panel);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, measures_page);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, partners_bin);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, actions_bin);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, RamingWindow, recent_submenu_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-table", NULL, copy_table_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, page_setup_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-assumption", "s", show_assumption_action);
  gtk_widget_class_install_action (widget_class, "win.show-partner", "s", show_partner_action);
  gtk_widget_class_install_action (widget_class, "win.show-action", "s", show_action_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-assumptions", "assumptions-visible");

  /* Also here, not only as application accels, so that they work in a
   * window without an application (the tests) and win over the widgets. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "measures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "partners");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "actions");
}

static gboolean
update_title_box_idle (gpointer user_data)
{
  g_autoptr(RamingWindow) self = user_data;

  gboolean narrow = adw_squeezer_get_visible_child (self->title_squeezer) == self->narrow_title_box;

  gtk_widget_set_visible (self->document_title_box, !narrow);
  /* The bar at the bottom is made the first time the window is narrow
   * enough to need it (docs/performance.md, finding 35). */
  if (narrow && self->switcher_bar == NULL)
    {
      self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
      gtk_box_append (self->main_box, GTK_WIDGET (self->switcher_bar));
    }
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  return G_SOURCE_REMOVE;
}

/* The switcher title decides this while the header bar is being laid
 * out; changing the window's layout then (the name beside the buttons,
 * the switcher bar at the bottom) disturbs that layout, so they follow
 * a moment later. */
static void
on_title_visible_changed (RamingWindow *self)
{
  g_idle_add (update_title_box_idle, g_object_ref (self));
}

static void
on_recent_changed (RamingWindow *self)
{
  if (self->recent_menu_filled)
    update_recent_menu (self);
}

/* The main menu and the split button's menu of recent documents are made
 * when first opened, not with the window: ~125 widgets nobody sees at
 * start (docs/performance.md, finding 28). */
static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  RamingWindow *self = user_data;

  if (!self->recent_menu_filled)
    {
      self->recent_menu_filled = TRUE;
      update_recent_menu (self);
    }
  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  if (button == self->primary_menu_button)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
  else
    adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (self->open_button), self->recent_menu);
}

static void
raming_window_init (RamingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  raming_gui_set_template_tooltips (GTK_WIDGET (self), RAMING_TYPE_WINDOW,
                                    template_tooltips, G_N_ELEMENTS (template_tooltips));

  self->settings = raming_gui_settings_new ();
  self->draft_id = raming_drafts_new_id ();
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_popup, self, NULL);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (on_title_visible_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (GTK_WIDGET (self->assumptions_panel), "background");

  /* The split button's arrow: its "dropdown-tooltip" would ask where the
   * pointer is (raming_gui_set_tooltip_text()), and it is named only by
   * that tooltip. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->open_button); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      {
        gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (child), create_menu_popup, self, NULL);
        raming_gui_set_tooltip_text (child, _("Recent documents"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recent documents"),
                                        -1);
      }
  /* Both ways: a folded flap also closes when clicked beside. */
  g_object_bind_property (self, "assumptions-visible", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  raming_gui_limit_wrap_minimum (GTK_WIDGET (self));
  update_actions (self);
}

RamingWindow *
raming_window_new (GtkApplication *application,
                   RamingDocument *document)
{
  return g_object_new (RAMING_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}
