/* raming-preferences-window.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

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

  /* The page of the document's own properties */
  GtkWidget *document_page;
  GtkWidget *title_row;
  GtkWidget *municipality_row;
  GtkWidget *note_title_row;
  GtkWidget *date_row;
  GtkWidget *document_language_row;
  GtkWidget *sources_list;
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

/* ---------------------------------------------------------------- */
/* This document: what the note is, and the sources its figures cite */

static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  /* Not under the adviser's cursor. */
  if (gtk_widget_get_focus_child (row) != NULL || gtk_widget_has_css_class (row, "error"))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
update_document_rows (RamingPreferencesWindow *self)
{
  self->updating = TRUE;
  set_row_text (self->title_row, raming_document_get_title (self->document));
  set_row_text (self->municipality_row, raming_document_get_municipality (self->document));
  set_row_text (self->note_title_row, raming_document_get_note_title (self->document));
  set_row_text (self->date_row, raming_document_get_date (self->document));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->document_language_row),
                              raming_document_get_language (self->document) == RAMING_LANGUAGE_EN ? 1 : 0);
  self->updating = FALSE;
}

static void
set_problem (GtkWidget  *row,
             const char *problem,
             const char *hint)
{
  if (problem != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  raming_gui_set_tooltip_text (row, problem ? problem : hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem ? problem : "", -1);
}

static gboolean
is_iso_date (const char *text)
{
  unsigned year, month, day;
  char end;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

static void
on_document_text_apply (RamingPreferencesWindow *self,
                        AdwEntryRow             *row)
{
  const char *property = g_object_get_data (G_OBJECT (row), "raming-property");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->updating || self->document == NULL)
    return;
  if (g_str_equal (property, "date"))
    {
      const char *hint = _("The date of the note, as year-month-day: 2021-06-30");

      if (*text && !is_iso_date (text))
        {
          g_autofree char *problem = g_strdup_printf (_("“%s” is not a date: write year-month-day, e.g. 2021-06-30"), text);

          set_problem (GTK_WIDGET (row), problem, hint);
          return;
        }
      set_problem (GTK_WIDGET (row), NULL, hint);
    }
  raming_document_edit (self->document, self->document, property, *text ? text : NULL, NULL);
}

static void
on_document_language_selected (RamingPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->document_language_row));
  RamingLanguage language = selected == 1 ? RAMING_LANGUAGE_EN : RAMING_LANGUAGE_NL;

  if (self->updating || self->document == NULL || language == raming_document_get_language (self->document))
    return;
  raming_document_set_language (self->document, language);
}

static GtkWidget *
document_entry_row (RamingPreferencesWindow *self,
                    GtkWidget               *group,
                    const char              *title,
                    const char              *property)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_name (row, property);
  g_object_set_data (G_OBJECT (row), "raming-property", (gpointer) property);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_document_text_apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_document_text_apply), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static gboolean
input_cites (RamingCellInput *input,
             const char      *id)
{
  return input != NULL && g_strcmp0 (raming_cell_input_get_source (input), id) == 0;
}

static void
collect_source_use (gpointer item,
                    gpointer user_data)
{
  gpointer *data = user_data;
  const char *id = data[0];
  RamingMeasure *measure = item;
  GListModel *estimates = raming_measure_get_estimates (measure);
  GListModel *results = raming_measure_get_results (measure);
  gboolean cited = g_strcmp0 (raming_measure_get_source (measure), id) == 0;

  for (guint c = 0; c < RAMING_N_COLUMNS && !cited; c++)
    cited = input_cites (raming_measure_get_input (measure, c), id);
  for (guint i = 0; i < g_list_model_get_n_items (estimates) && !cited; i++)
    {
      g_autoptr(RamingEstimate) estimate = g_list_model_get_item (estimates, i);

      cited = g_strcmp0 (raming_estimate_get_source (estimate), id) == 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (results) && !cited; i++)
    {
      g_autoptr(RamingResultEntry) result = g_list_model_get_item (results, i);

      cited = g_strcmp0 (raming_result_entry_get_source (result), id) == 0 ||
              input_cites (raming_result_entry_get_input (result), id);
    }
  if (cited)
    data[1] = GINT_TO_POINTER (TRUE);
}

/* Whether anything in the document names the source: removing it would
 * leave a reference the file format refuses. */
static gboolean
source_is_cited (RamingDocument *document,
                 const char     *id)
{
  GListModel *lists[] = {
    raming_document_get_assumptions (document),
    raming_document_get_partners (document),
    raming_document_get_actions (document),
  };
  gpointer data[2] = { (gpointer) id, GINT_TO_POINTER (FALSE) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_autofree char *source = NULL;

        g_object_get (item, "source", &source, NULL);
        if (g_strcmp0 (source, id) == 0)
          return TRUE;
      }

  raming_document_foreach_measure (document, collect_source_use, data);
  return GPOINTER_TO_INT (data[1]);
}

static void rebuild_sources (RamingPreferencesWindow *self);

static void
on_source_text_apply (RamingPreferencesWindow *self,
                      AdwEntryRow             *row)
{
  RamingSource *source = g_object_get_data (G_OBJECT (row), "raming-source");
  const char *property = g_object_get_data (G_OBJECT (row), "raming-property");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->updating || self->document == NULL)
    return;
  raming_document_edit (self->document, source, property, *text ? text : NULL, NULL);
}

static void
on_source_remove_clicked (RamingPreferencesWindow *self,
                          GtkButton               *button)
{
  RamingSource *source = g_object_get_data (G_OBJECT (button), "raming-source");
  GListModel *sources = raming_document_get_sources (self->document);
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "raming-row");
  guint position;

  if (source_is_cited (self->document, raming_source_get_id (source)))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Figures in the document cite this source; change them first"));
      gtk_widget_add_css_class (row, "error");
      return;
    }
  if (raming_gui_list_find (sources, source, &position))
    raming_document_remove_item (self->document, sources, position);
}

static void
on_source_add_clicked (RamingPreferencesWindow *self)
{
  GListModel *sources = raming_document_get_sources (self->document);
  gboolean dutch = raming_document_get_language (self->document) == RAMING_LANGUAGE_NL;
  g_autofree char *id = raming_gui_unique_id (sources, "id", dutch ? "bron" : "source");
  g_autoptr(RamingSource) source = raming_source_new (id);

  raming_source_set_title (source, dutch ? "Nieuwe bron" : "New source");
  raming_document_insert_item (self->document, sources, g_list_model_get_n_items (sources), source);
}

static void
rebuild_sources (RamingPreferencesWindow *self)
{
  static const struct { const char *property; const char *title; } fields[] = {
    { "title", N_("Title") },
    { "author", N_("Author or publisher") },
    { "year", N_("Year") },
    { "url", N_("Link") },
    { "note", N_("Note") },
  };
  GListModel *sources = raming_document_get_sources (self->document);
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (self->sources_list); child; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_EXPANDER_ROW (child) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_hash_table_add (expanded, g_strdup (gtk_widget_get_name (child)));
  while ((child = gtk_widget_get_first_child (self->sources_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->sources_list), child);

  if (g_list_model_get_n_items (sources) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sources yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Reports and documents the figures come from, named in the note"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->sources_list), row);
    }

  self->updating = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RamingSource) source = g_list_model_get_item (sources, i);
      const char *title = raming_source_get_title (source);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *remove_row, *remove;
      g_autofree char *subtitle = NULL;

      gtk_widget_set_name (expander, raming_source_get_id (source));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title && *title ? title : raming_source_get_id (source));
      if (raming_source_get_author (source) && raming_source_get_year (source))
        subtitle = g_strdup_printf ("%s, %s", raming_source_get_author (source), raming_source_get_year (source));
      else
        subtitle = g_strdup (raming_source_get_author (source) ? raming_source_get_author (source)
                                                               : raming_source_get_year (source));
      if (subtitle != NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          GtkWidget *row = adw_entry_row_new ();
          g_autofree char *value = NULL;

          g_object_get (source, fields[f].property, &value, NULL);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[f].title));
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
          gtk_widget_set_name (row, fields[f].property);
          g_object_set_data_full (G_OBJECT (row), "raming-source", g_object_ref (source), g_object_unref);
          g_object_set_data (G_OBJECT (row), "raming-property", (gpointer) fields[f].property);
          g_signal_connect_object (row, "apply", G_CALLBACK (on_source_text_apply), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_source_text_apply), self, G_CONNECT_SWAPPED);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      remove_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this source"));
      remove = gtk_button_new_with_mnemonic (_("_Remove"));
      gtk_widget_set_name (remove, "remove");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_object_set_data_full (G_OBJECT (remove), "raming-source", g_object_ref (source), g_object_unref);
      g_object_set_data (G_OBJECT (remove), "raming-row", remove_row);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_source_remove_clicked), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                     g_hash_table_contains (expanded, raming_source_get_id (source)));
      gtk_list_box_append (GTK_LIST_BOX (self->sources_list), expander);
    }
  self->updating = FALSE;
}

static void
build_document_page (RamingPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *add;
  g_autoptr(GtkStringList) languages_model = gtk_string_list_new (NULL);

  self->document_page = page;
  gtk_widget_set_name (page, "document");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("This Document"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "x-office-document-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Note"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Shown above the table in the appendix and its exports"));
  self->title_row = document_entry_row (self, group, _("Title of the analysis"), "title");
  self->municipality_row = document_entry_row (self, group, _("Municipality"), "municipality");
  self->note_title_row = document_entry_row (self, group, _("Title of the council note"), "note-title");
  self->date_row = document_entry_row (self, group, _("Date of the note"), "date");
  set_problem (self->date_row, NULL, _("The date of the note, as year-month-day: 2021-06-30"));

  gtk_string_list_append (languages_model, _("Dutch"));
  gtk_string_list_append (languages_model, _("English"));
  self->document_language_row = adw_combo_row_new ();
  gtk_widget_set_name (self->document_language_row, "language");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->document_language_row), _("Language of the document"));
  raming_gui_set_tooltip_text (self->document_language_row,
                               _("How formulas are written and how the note looks; formulas are rewritten"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->document_language_row), G_LIST_MODEL (languages_model));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->document_language_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sources"));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_name (add, "add-source");
  raming_gui_set_tooltip_text (add, _("Add a source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a source"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_source_add_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  self->sources_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->sources_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->sources_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sources_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sources"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->sources_list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  update_document_rows (self);
  rebuild_sources (self);
  g_signal_connect_object (self->document_language_row, "notify::selected",
                           G_CALLBACK (on_document_language_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify", G_CALLBACK (update_document_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (raming_document_get_sources (self->document), "items-changed",
                           G_CALLBACK (rebuild_sources), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (rebuild_sources), self, G_CONNECT_SWAPPED);
}

/**
 * raming_preferences_window_show_document_page:
 *
 * Shows the page of the document's own properties: title, municipality,
 * note, date, language and sources.
 */
void
raming_preferences_window_show_document_page (RamingPreferencesWindow *self)
{
  g_return_if_fail (RAMING_IS_PREFERENCES_WINDOW (self));

  if (self->document_page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                             ADW_PREFERENCES_PAGE (self->document_page));
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
      build_document_page (self);
    }
  else
    gtk_widget_set_visible (self->document_group, FALSE);

  return GTK_WIDGET (self);
}
