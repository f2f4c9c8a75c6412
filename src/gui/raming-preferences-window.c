/* raming-preferences-window.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "raming-format.h"
#include "raming-gui-util.h"
#include "raming-preferences-window.h"

/* The rounding belongs to the document (it is part of the note and
 * changing it is an undoable edit); the rest are the adviser's settings. */

static const double roundings[] = { 1, 10, 100, 1000, 10000, 100000 };

struct _RamingPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkWidget *document_group;
  AdwComboRow *rounding_row;
  GtkStringList *rounding_model;
  AdwComboRow *language_row;
  GtkSwitch *actions_switch;
  GtkSpinButton *autosave_spin;

  RamingDocument *document;
  GSettings *settings;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (RamingPreferencesWindow, raming_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_rounding (RamingPreferencesWindow *self)
{
  double rounding = raming_document_get_rounding (self->document);

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (roundings); i++)
    if (roundings[i] == rounding)
      adw_combo_row_set_selected (self->rounding_row, i);
  self->updating = FALSE;
}

static void
on_rounding_selected (RamingPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->rounding_row);

  if (self->updating || self->document == NULL || selected >= G_N_ELEMENTS (roundings))
    return;
  raming_document_edit (self->document, self->document, "rounding", roundings[selected], NULL);
  /* New documents start with the rounding chosen last. */
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "display-rounding", (int) roundings[selected]);
}

static const char *languages[] = { "document", "nl", "en" };

static void
on_language_selected (RamingPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->updating || self->settings == NULL || selected >= G_N_ELEMENTS (languages))
    return;
  g_settings_set_string (self->settings, "export-language", languages[selected]);
}

static void
raming_preferences_window_dispose (GObject *object)
{
  RamingPreferencesWindow *self = (RamingPreferencesWindow *) object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAMING_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (raming_preferences_window_parent_class)->dispose (object);
}

static void
raming_preferences_window_class_init (RamingPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raming/Raming/raming-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RamingPreferencesWindow, document_group);
  gtk_widget_class_bind_template_child (widget_class, RamingPreferencesWindow, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, RamingPreferencesWindow, rounding_model);
  gtk_widget_class_bind_template_child (widget_class, RamingPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, RamingPreferencesWindow, actions_switch);
  gtk_widget_class_bind_template_child (widget_class, RamingPreferencesWindow, autosave_spin);
}

static void
raming_preferences_window_init (RamingPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = raming_gui_settings_new ();
  if (self->settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (self->settings, "export-language");

      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        if (g_strcmp0 (language, languages[i]) == 0)
          adw_combo_row_set_selected (self->language_row, i);
      g_settings_bind (self->settings, "include-actions-in-appendix",
                       self->actions_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "autosave-delay",
                       gtk_spin_button_get_adjustment (self->autosave_spin), "value", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->actions_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->autosave_spin), FALSE);
    }
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (on_language_selected), self, G_CONNECT_SWAPPED);
}

GtkWidget *
raming_preferences_window_new (GtkWindow      *parent,
                               RamingDocument *document)
{
  RamingPreferencesWindow *self = g_object_new (RAMING_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", parent,
                                                NULL);

  if (document != NULL)
    {
      RamingLanguage language = raming_document_get_language (document);

      self->document = g_object_ref (document);
      for (guint i = 0; i < G_N_ELEMENTS (roundings); i++)
        {
          g_autofree char *text = raming_format_number (roundings[i], language, 0);

          gtk_string_list_append (self->rounding_model, text);
        }
      update_rounding (self);
      g_signal_connect_object (self->rounding_row, "notify::selected",
                               G_CALLBACK (on_rounding_selected), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::rounding",
                               G_CALLBACK (update_rounding), self, G_CONNECT_SWAPPED);
    }
  else
    gtk_widget_set_visible (self->document_group, FALSE);

  return GTK_WIDGET (self);
}
