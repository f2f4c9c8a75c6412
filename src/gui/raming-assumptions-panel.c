/* raming-assumptions-panel.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "raming-assumptions-panel.h"
#include "raming-explain.h"
#include "raming-gui-util.h"
#include "raming-util.h"

/* One row per assumption: its value is editable in the row itself (the
 * thing an adviser changes most), the rest (range, unit, source, status,
 * note) when the row is unfolded. Every change is one undoable edit; the
 * engine recomputes what rests on it before the edit returns, so the
 * table and the totals show the new figures in the same frame. */

struct _RamingAssumptionsPanel
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkWidget *list;

  RamingDocument *document;
};

G_DEFINE_FINAL_TYPE (RamingAssumptionsPanel, raming_assumptions_panel, GTK_TYPE_WIDGET)

typedef struct
{
  RamingAssumptionsPanel *panel;   /* unowned: the panel owns the row */
  RamingAssumption *assumption;
  GtkWidget *row;
  GtkWidget *value_entry;
  GtkWidget *label_row;
  GtkWidget *key_row;
  GtkWidget *low_row;
  GtkWidget *high_row;
  GtkWidget *unit_row;
  GtkWidget *source_row;
  GtkWidget *page_row;
  GtkWidget *status_row;
  GtkWidget *note_row;
  GtkWidget *users_row;
  GtkWidget *remove_button;
  GPtrArray *source_ids;
  gboolean updating;
  gboolean value_typed;   /* the value entry holds what the adviser typed */
} Row;

static void
row_free (Row *row)
{
  g_clear_object (&row->assumption);
  g_clear_pointer (&row->source_ids, g_ptr_array_unref);
  g_free (row);
}

static Row *
row_of (GtkWidget *widget)
{
  GtkWidget *row = ADW_IS_EXPANDER_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  /* Rows inside an expander row are expander rows' children: climb to
   * the one that carries our data. */
  while (row != NULL && g_object_get_data (G_OBJECT (row), "raming-row") == NULL)
    row = gtk_widget_get_ancestor (gtk_widget_get_parent (row), ADW_TYPE_EXPANDER_ROW);
  return row ? g_object_get_data (G_OBJECT (row), "raming-row") : NULL;
}

static RamingLanguage
row_language (Row *row)
{
  return raming_document_get_language (row->panel->document);
}

static gboolean
is_percent (Row *row)
{
  return raming_assumption_get_unit (row->assumption) == RAMING_UNIT_PERCENT;
}

static void
set_entry_text (GtkWidget  *entry,
                const char *text)
{
  /* Do not pull the text from under the adviser's cursor. */
  if (gtk_widget_has_focus (entry) || gtk_widget_get_focus_child (entry) != NULL)
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
set_entry_error (GtkWidget  *entry,
                 const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  if (GTK_IS_ENTRY (entry))
    {
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY,
                                         message ? "dialog-error-symbolic" : NULL);
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, message);
    }
  raming_gui_set_tooltip_text (entry, message ? message
                               : _("The value: a number such as “0,89 %” or “4.700.000”, or a formula starting with “=”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
}

static void
update_row (Row *row)
{
  RamingAssumption *a = row->assumption;
  RamingLanguage language = row_language (row);
  g_autofree char *edit = raming_gui_assumption_edit_text (a, language);
  g_autofree char *low = raming_gui_format_optional (raming_assumption_get_low (a), language, is_percent (row));
  g_autofree char *high = raming_gui_format_optional (raming_assumption_get_high (a), language, is_percent (row));
  g_autoptr(GString) subtitle = g_string_new (raming_assumption_get_key (a));
  RamingCellInput *input = raming_assumption_get_input (a);
  g_autofree char *value_name = NULL;
  const char *title;

  row->updating = TRUE;

  title = raming_assumption_get_label (a);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title && *title ? title : raming_assumption_get_key (a));

  if (raming_assumption_get_error (a) != NULL)
    {
      g_string_append_printf (subtitle, "\n%s", raming_assumption_get_error (a));
      gtk_widget_add_css_class (row->row, "error");
    }
  else
    {
      gtk_widget_remove_css_class (row->row, "error");
      if (input != NULL && raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_FORMULA)
        {
          g_autofree char *value = raming_gui_format_assumption_value (a, language);

          g_string_append_printf (subtitle, " = %s", value);
        }
    }
  if (raming_assumption_get_status (a) == RAMING_ASSUMPTION_PROVISIONAL)
    g_string_append_printf (subtitle, " · %s", _("provisional"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->row), subtitle->str);

  if (!gtk_widget_has_css_class (row->value_entry, "error"))
    set_entry_text (row->value_entry, edit);
  /* Translators: accessible name of the value field of an assumption */
  value_name = g_strdup_printf (_("Value of %s"), title && *title ? title : raming_assumption_get_key (a));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->value_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, value_name, -1);

  /* The rows inside are made on first unfolding (ensure_details()). */
  if (row->label_row == NULL)
    {
      row->updating = FALSE;
      return;
    }

  set_entry_text (row->label_row, title);
  if (!gtk_widget_has_css_class (row->key_row, "error"))
    set_entry_text (row->key_row, raming_assumption_get_key (a));
  if (!gtk_widget_has_css_class (row->low_row, "error"))
    set_entry_text (row->low_row, low);
  if (!gtk_widget_has_css_class (row->high_row, "error"))
    set_entry_text (row->high_row, high);
  set_entry_text (row->page_row, raming_assumption_get_page (a));
  set_entry_text (row->note_row, raming_assumption_get_note (a));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row->unit_row), raming_assumption_get_unit (a));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row->status_row), raming_assumption_get_status (a));
  {
    guint selected = 0;

    for (guint i = 1; i < row->source_ids->len; i++)
      if (g_strcmp0 (g_ptr_array_index (row->source_ids, i), raming_assumption_get_source (a)) == 0)
        selected = i;
    adw_combo_row_set_selected (ADW_COMBO_ROW (row->source_row), selected);
  }

  gtk_widget_set_sensitive (row->remove_button,
                            raming_assumption_get_role (a) == RAMING_ASSUMPTION_ROLE_NONE);
  row->updating = FALSE;
}

static void
update_users (Row *row)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (row->users_row == NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row->row)))
    return;

  users = raming_document_list_users (row->panel->document, raming_assumption_get_key (row->assumption));
  for (guint i = 0; i < users->len; i++)
    {
      RamingCell *cell = g_ptr_array_index (users, i);
      RamingMeasure *measure = raming_cell_get_measure (cell);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a measure and a column of the table */
      g_string_append_printf (text, _("%s (%s)"), raming_measure_get_title (measure),
                              raming_gui_column_name (raming_cell_get_column (cell)));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->users_row),
                               text->len ? text->str : _("No figure uses this assumption"));
}

static void
on_assumption_notify (GtkWidget *widget)
{
  Row *row = g_object_get_data (G_OBJECT (widget), "raming-row");

  if (row != NULL)
    update_row (row);
}

static void
on_value_activate (GtkEntry *entry)
{
  Row *row = row_of (GTK_WIDGET (entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingCellInput) parsed = NULL;
  g_autoptr(RamingCellInput) input = NULL;
  RamingCellInputKind kind;

  if (row == NULL || row->updating)
    return;

  parsed = raming_cell_input_new_from_text (gtk_editable_get_text (GTK_EDITABLE (entry)),
                                            row_language (row), &error);
  if (parsed == NULL)
    {
      set_entry_error (GTK_WIDGET (entry), error->message);
      return;
    }
  kind = raming_cell_input_get_kind (parsed);
  if (kind != RAMING_CELL_INPUT_AMOUNT && kind != RAMING_CELL_INPUT_FORMULA)
    {
      set_entry_error (GTK_WIDGET (entry), _("An assumption holds a number, or a formula starting with “=”"));
      return;
    }

  set_entry_error (GTK_WIDGET (entry), NULL);
  row->value_typed = FALSE;
  input = raming_gui_keep_input_details (raming_assumption_get_input (row->assumption), parsed);
  raming_document_edit (row->panel->document, row->assumption, "input", input, NULL);
  update_row (row);
}

static void
on_value_changed (GtkEditable *entry)
{
  Row *row = row_of (GTK_WIDGET (entry));

  if (row != NULL && !row->updating)
    row->value_typed = TRUE;
}

static void
on_value_focus_leave (GtkEventControllerFocus *controller)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Row *row = row_of (entry);

  if (row == NULL)
    return;
  /* Leaving takes what was typed, as Enter does. What was not typed is
   * not the adviser's: the value may have changed meanwhile (an undo, an
   * edit elsewhere) while the entry, having the focus, kept its old
   * text; show the model's instead of writing the old text back. */
  if (row->value_typed)
    on_value_activate (GTK_ENTRY (entry));
  else if (!gtk_widget_has_css_class (entry, "error"))
    {
      g_autofree char *text = raming_gui_assumption_edit_text (row->assumption, row_language (row));

      row->updating = TRUE;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), text);
      row->updating = FALSE;
    }
}

static void
on_label_apply (AdwEntryRow *entry_row)
{
  Row *row = row_of (GTK_WIDGET (entry_row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));

  if (row == NULL || row->updating)
    return;
  raming_document_edit (row->panel->document, row->assumption, "label", *text ? text : NULL, NULL);
}

static void
set_key_problem (Row        *row,
                 const char *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (row->key_row, "error");
  else
    gtk_widget_remove_css_class (row->key_row, "error");
  raming_gui_set_tooltip_text (row->key_row, problem ? problem
                               : _("How formulas name this assumption, e.g. “=macro_aandeel * 2”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->key_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem ? problem : "", -1);
}

/* A new name for formulas. The formulas that use the old one are
 * rewritten in the same step (raming_document_edit_property()), so one
 * undo puts the name and the formulas back. */
static void
on_key_apply (AdwEntryRow *entry_row)
{
  Row *row = row_of (GTK_WIDGET (entry_row));
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));
  g_autofree char *problem = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *previous = NULL;
  const char *old_key;
  RamingAssumption *other;

  if (row == NULL || row->updating)
    return;
  old_key = raming_assumption_get_key (row->assumption);
  if (g_strcmp0 (key, old_key) == 0)
    {
      set_key_problem (row, NULL);
      return;
    }

  other = raming_document_find_assumption (row->panel->document, key);
  if (!raming_is_identifier (key))
    problem = g_strdup_printf (_("“%s” cannot be used in formulas: use letters, digits and _ only, "
                                 "starting with a letter, at most 64 characters"), key);
  else if (other != NULL && other != row->assumption)
    problem = g_strdup_printf (_("“%s” is already the name of another assumption"), key);

  set_key_problem (row, problem);
  if (problem != NULL)
    return;

  users = raming_document_list_users (row->panel->document, old_key);
  previous = g_strdup (old_key);
  raming_document_edit (row->panel->document, row->assumption, "key", key, NULL);
  update_row (row);
  if (users->len > 0)
    {
      g_autofree char *message = g_strdup_printf (_("Formulas that used “%s” now use “%s”"), previous, key);

      raming_gui_show_undo_toast (GTK_WIDGET (row->panel), message);
    }
}

static void
on_page_apply (AdwEntryRow *entry_row)
{
  Row *row = row_of (GTK_WIDGET (entry_row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));

  if (row == NULL || row->updating)
    return;
  raming_document_edit (row->panel->document, row->assumption, "page", *text ? text : NULL, NULL);
}

static void
on_note_apply (AdwEntryRow *entry_row)
{
  Row *row = row_of (GTK_WIDGET (entry_row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));

  if (row == NULL || row->updating)
    return;
  raming_document_edit (row->panel->document, row->assumption, "note", *text ? text : NULL, NULL);
}

static void
on_bound_apply (AdwEntryRow *entry_row)
{
  Row *row = row_of (GTK_WIDGET (entry_row));
  g_autoptr(GError) error = NULL;
  const char *property;
  double value;

  if (row == NULL || row->updating)
    return;

  property = GTK_WIDGET (entry_row) == row->low_row ? "low" : "high";
  if (!raming_gui_parse_optional (gtk_editable_get_text (GTK_EDITABLE (entry_row)),
                                  row_language (row), is_percent (row), &value, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry_row), "error");
      raming_gui_set_tooltip_text (GTK_WIDGET (entry_row), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry_row), "error");
  raming_gui_set_tooltip_text (GTK_WIDGET (entry_row), _("Empty when there is no range"));
  raming_document_edit (row->panel->document, row->assumption, property, value, NULL);
  update_row (row);
}

static void
on_unit_selected (AdwComboRow *combo)
{
  Row *row = row_of (GTK_WIDGET (combo));

  if (row == NULL || row->updating)
    return;
  raming_document_edit (row->panel->document, row->assumption,
                        "unit", (RamingUnit) adw_combo_row_get_selected (combo), NULL);
}

static void
on_status_selected (AdwComboRow *combo)
{
  Row *row = row_of (GTK_WIDGET (combo));

  if (row == NULL || row->updating)
    return;
  raming_document_edit (row->panel->document, row->assumption,
                        "status", (RamingAssumptionStatus) adw_combo_row_get_selected (combo), NULL);
}

static void
on_source_selected (AdwComboRow *combo)
{
  Row *row = row_of (GTK_WIDGET (combo));
  guint selected;

  if (row == NULL || row->updating)
    return;
  selected = adw_combo_row_get_selected (combo);
  if (selected >= row->source_ids->len)
    return;
  raming_document_edit (row->panel->document, row->assumption,
                        "source", g_ptr_array_index (row->source_ids, selected), NULL);
}

static void
on_remove_clicked (GtkButton *button)
{
  Row *row = row_of (GTK_WIDGET (button));
  RamingAssumptionsPanel *panel;
  g_autofree char *message = NULL;
  GListModel *assumptions;
  guint position;

  if (row == NULL)
    return;
  panel = row->panel;
  assumptions = raming_document_get_assumptions (panel->document);
  if (!raming_gui_list_find (assumptions, row->assumption, &position))
    return;
  /* Translators: %s is the key of an assumption */
  message = g_strdup_printf (_("Removed assumption “%s”"), raming_assumption_get_key (row->assumption));
  /* The row goes with the item: use nothing of it after this. */
  raming_document_remove_item (panel->document, assumptions, position);
  raming_gui_show_undo_toast (GTK_WIDGET (panel), message);
}

static GtkWidget *
entry_row (Row        *row,
           const char *title,
           GCallback   apply)
{
  GtkWidget *widget = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (widget), TRUE);
  g_signal_connect (widget, "apply", apply, NULL);
  g_signal_connect (widget, "entry-activated", apply, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), widget);
  return widget;
}

static GtkWidget *
combo_row (Row                *row,
           const char         *title,
           const char * const *items,
           GCallback           selected)
{
  GtkWidget *widget = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (widget), G_LIST_MODEL (model));
  g_signal_connect (widget, "notify::selected", selected, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), widget);
  return widget;
}

/* The rows inside an assumption's row, made when it is first unfolded:
 * eleven rows of libadwaita for each assumption are some 1 MB and take
 * time, and most assumptions are only ever read from their header
 * (docs/performance.md, finding 24). */
static void
ensure_details (Row *row)
{
  RamingAssumptionsPanel *self = row->panel;
  GListModel *sources = raming_document_get_sources (self->document);
  g_autoptr(GPtrArray) source_titles = g_ptr_array_new ();
  GtkWidget *remove_row;

  if (row->label_row != NULL)
    return;

  row->label_row = entry_row (row, _("Description"), G_CALLBACK (on_label_apply));
  row->key_row = entry_row (row, _("Name in formulas"), G_CALLBACK (on_key_apply));
  gtk_widget_set_name (row->key_row, "assumption-key");
  set_key_problem (row, NULL);
  row->low_row = entry_row (row, _("Low"), G_CALLBACK (on_bound_apply));
  raming_gui_set_tooltip_text (row->low_row, _("The low end of the range; empty when there is none"));
  row->high_row = entry_row (row, _("High"), G_CALLBACK (on_bound_apply));
  raming_gui_set_tooltip_text (row->high_row, _("The high end of the range; empty when there is none"));

  {
    const char *units[] = {
      raming_gui_unit_name (RAMING_UNIT_EURO),
      raming_gui_unit_name (RAMING_UNIT_PERCENT),
      raming_gui_unit_name (RAMING_UNIT_COUNT),
      raming_gui_unit_name (RAMING_UNIT_FACTOR),
      NULL
    };
    const char *statuses[] = {
      /* Translators: status of an assumption */
      _("Final"),
      _("Provisional"),
      NULL
    };

    row->unit_row = combo_row (row, _("Unit"), units, G_CALLBACK (on_unit_selected));
    row->status_row = combo_row (row, _("Status"), statuses, G_CALLBACK (on_status_selected));
  }

  row->source_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (row->source_ids, NULL);
  g_ptr_array_add (source_titles, (gpointer) _("No source"));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RamingSource) source = g_list_model_get_item (sources, i);

      g_ptr_array_add (row->source_ids, g_strdup (raming_source_get_id (source)));
      g_ptr_array_add (source_titles, (gpointer) (raming_source_get_title (source)
                                                  ? raming_source_get_title (source)
                                                  : raming_source_get_id (source)));
    }
  g_ptr_array_add (source_titles, NULL);
  row->source_row = combo_row (row, _("Source"), (const char * const *) source_titles->pdata,
                               G_CALLBACK (on_source_selected));
  row->page_row = entry_row (row, _("Page or section"), G_CALLBACK (on_page_apply));
  row->note_row = entry_row (row, _("Note"), G_CALLBACK (on_note_apply));

  row->users_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->users_row), _("Used by"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row->users_row), 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->users_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), row->users_row);

  remove_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this assumption"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row),
                               _("Figures that use it can no longer be computed"));
  row->remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_add_css_class (row->remove_button, "destructive-action");
  gtk_widget_set_valign (row->remove_button, GTK_ALIGN_CENTER);
  g_signal_connect (row->remove_button, "clicked", G_CALLBACK (on_remove_clicked), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), row->remove_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), remove_row);

  update_row (row);
  raming_gui_limit_wrap_minimum (row->row);
}

static void
on_expanded (AdwExpanderRow *expander)
{
  Row *row = g_object_get_data (G_OBJECT (expander), "raming-row");

  if (row == NULL)
    return;
  if (adw_expander_row_get_expanded (expander))
    ensure_details (row);
  update_users (row);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RamingAssumptionsPanel *self = user_data;
  RamingAssumption *assumption = item;
  GtkEventController *controller;
  Row *row = g_new0 (Row, 1);

  row->panel = self;
  row->assumption = g_object_ref (assumption);
  row->row = adw_expander_row_new ();
  g_object_set_data_full (G_OBJECT (row->row), "raming-row", row, (GDestroyNotify) row_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);

  row->value_entry = gtk_entry_new ();
  gtk_widget_set_name (row->value_entry, "assumption-value");
  gtk_editable_set_width_chars (GTK_EDITABLE (row->value_entry), 9);
  gtk_editable_set_alignment (GTK_EDITABLE (row->value_entry), 1.0);
  gtk_widget_set_valign (row->value_entry, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row->value_entry), "raming-assumption", assumption);
  set_entry_error (row->value_entry, NULL);
  g_signal_connect (row->value_entry, "activate", G_CALLBACK (on_value_activate), NULL);
  g_signal_connect (row->value_entry, "changed", G_CALLBACK (on_value_changed), NULL);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_value_focus_leave), NULL);
  gtk_widget_add_controller (row->value_entry, controller);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->row), row->value_entry);

  g_signal_connect (row->row, "notify::expanded", G_CALLBACK (on_expanded), NULL);
  g_signal_connect_object (assumption, "notify", G_CALLBACK (on_assumption_notify), row->row, G_CONNECT_SWAPPED);

  update_row (row);
  raming_gui_limit_wrap_minimum (row->row);
  return row->row;
}

static gboolean
is_row_of (GtkWidget *widget,
           gpointer   assumption)
{
  Row *row;

  if (!ADW_IS_EXPANDER_ROW (widget))
    return FALSE;
  row = g_object_get_data (G_OBJECT (widget), "raming-row");
  return row != NULL && row->assumption == assumption;
}

GtkWidget *
raming_assumptions_panel_get_value_entry (RamingAssumptionsPanel *self,
                                          RamingAssumption       *assumption)
{
  GtkWidget *widget;

  g_return_val_if_fail (RAMING_IS_ASSUMPTIONS_PANEL (self), NULL);

  widget = raming_gui_find_descendant (self->list, is_row_of, assumption);
  if (widget == NULL)
    return NULL;
  return ((Row *) g_object_get_data (G_OBJECT (widget), "raming-row"))->value_entry;
}

/* Unfolds the assumption's row and puts the cursor in its value; the
 * scrolled window follows the focus. */
gboolean
raming_assumptions_panel_show (RamingAssumptionsPanel *self,
                               RamingAssumption       *assumption)
{
  GtkWidget *widget;
  Row *row;

  g_return_val_if_fail (RAMING_IS_ASSUMPTIONS_PANEL (self), FALSE);

  widget = raming_gui_find_descendant (self->list, is_row_of, assumption);
  if (widget == NULL)
    return FALSE;
  row = g_object_get_data (G_OBJECT (widget), "raming-row");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  gtk_widget_grab_focus (row->value_entry);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RamingAssumptionsPanel *self = RAMING_ASSUMPTIONS_PANEL (widget);
  GListModel *assumptions = raming_document_get_assumptions (self->document);
  gboolean dutch = raming_document_get_language (self->document) == RAMING_LANGUAGE_NL;
  g_autofree char *key = raming_gui_unique_id (assumptions, "key", dutch ? "aanname" : "assumption");
  g_autoptr(RamingAssumption) assumption = raming_assumption_new (key, 0);

  raming_assumption_set_label (assumption, dutch ? "Nieuwe aanname" : "New assumption");
  raming_assumption_set_status (assumption, RAMING_ASSUMPTION_PROVISIONAL);
  raming_document_insert_item (self->document, assumptions, g_list_model_get_n_items (assumptions), assumption);
  raming_assumptions_panel_show (self, assumption);
}

static void
raming_assumptions_panel_dispose (GObject *object)
{
  RamingAssumptionsPanel *self = (RamingAssumptionsPanel *) object;

  raming_assumptions_panel_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAMING_TYPE_ASSUMPTIONS_PANEL);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (raming_assumptions_panel_parent_class)->dispose (object);
}

/* Set from code, not in the .ui file: see raming_gui_set_tooltip_text(). */
static const RamingGuiTooltip template_tooltips[] = {
  { "add_button", N_("Add an assumption") },
  { "hide_button", N_("Hide the assumptions (Ctrl+Shift+A)") },
};

static void
raming_assumptions_panel_class_init (RamingAssumptionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_assumptions_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raming/Raming/raming-assumptions-panel.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "hide_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RamingAssumptionsPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RamingAssumptionsPanel, list);

  gtk_widget_class_install_action (widget_class, "assumptions.add", NULL, add_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assumptionspanel");
}

static void
raming_assumptions_panel_init (RamingAssumptionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  raming_gui_set_template_tooltips (GTK_WIDGET (self), RAMING_TYPE_ASSUMPTIONS_PANEL,
                                    template_tooltips, G_N_ELEMENTS (template_tooltips));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assumptions.add", FALSE);
}

void
raming_assumptions_panel_set_document (RamingAssumptionsPanel *self,
                                       RamingDocument         *document)
{
  g_return_if_fail (RAMING_IS_ASSUMPTIONS_PANEL (self));

  if (self->document == document)
    return;

  if (self->list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list), NULL, NULL, NULL, NULL);
  g_set_object (&self->document, document);
  if (document != NULL && self->list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list), raming_document_get_assumptions (document),
                             create_row, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assumptions.add", document != NULL);
}
