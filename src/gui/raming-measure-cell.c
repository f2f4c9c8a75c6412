/* raming-measure-cell.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "raming-format.h"
#include "raming-gui-util.h"
#include "raming-measure-cell.h"

/* Shows the engine's figure for one column of one measure and follows
 * it: the engine notifies the RamingCell when (and only when) the figure
 * changes. Editing parses what the adviser typed and hands it to the
 * document as one undoable edit; the figure comes back through the same
 * notification. */

struct _RamingMeasureCell
{
  RamingEditableCell parent_instance;

  RamingColumn column;

  RamingDocument *document;
  RamingMeasure *measure;
  RamingCell *cell;
};

G_DEFINE_FINAL_TYPE (RamingMeasureCell, raming_measure_cell, RAMING_TYPE_EDITABLE_CELL)

static gboolean
is_editable (RamingMeasureCell *self)
{
  if (self->measure == NULL)
    return FALSE;
  if (raming_measure_get_is_group (self->measure) && self->column != RAMING_COLUMN_NATIONAL)
    return FALSE;
  if (self->column == RAMING_COLUMN_NATIONAL &&
      g_list_model_get_n_items (raming_measure_get_estimates (self->measure)) > 0)
    return FALSE;
  if (self->column == RAMING_COLUMN_RESULT &&
      g_list_model_get_n_items (raming_measure_get_results (self->measure)) > 0)
    return FALSE;
  return TRUE;
}

static char *
describe (RamingMeasureCell *self)
{
  RamingLanguage language = raming_document_get_language (self->document);
  RamingCellInput *input = raming_measure_get_input (self->measure, self->column);
  GString *text = g_string_new (NULL);

  if (raming_cell_get_kind (self->cell) == RAMING_CELL_ERROR)
    g_string_append (text, raming_cell_get_error (self->cell));
  else if (raming_measure_get_is_group (self->measure) && self->column != RAMING_COLUMN_NATIONAL)
    g_string_append (text, _("Sum of the measures in this group"));
  else if (self->column == RAMING_COLUMN_NATIONAL &&
           g_list_model_get_n_items (raming_measure_get_estimates (self->measure)) > 0)
    g_string_append (text, _("The national AEF estimate times the municipality’s share of the "
                             "national budget; the estimates are in the details pane"));
  else if (self->column == RAMING_COLUMN_RESULT &&
           g_list_model_get_n_items (raming_measure_get_results (self->measure)) > 0)
    g_string_append (text, _("The sum of the results per year; edit them in the details pane"));
  else if (input != NULL && raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_FORMULA)
    g_string_append (text, raming_cell_input_get_formula_text (input));

  if (raming_cell_get_kind (self->cell) == RAMING_CELL_VALUE &&
      (raming_cell_get_low (self->cell) != raming_cell_get_value (self->cell) ||
       raming_cell_get_high (self->cell) != raming_cell_get_value (self->cell)))
    {
      double rounding = raming_document_get_rounding (self->document);
      g_autofree char *low = raming_format_amount (raming_cell_get_low (self->cell), language, rounding);
      g_autofree char *high = raming_format_amount (raming_cell_get_high (self->cell), language, rounding);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the low and high end of an estimate */
      g_string_append_printf (text, _("Range: %s – %s"), low, high);
    }

  if (raming_cell_get_n_excluded (self->cell) > 0)
    {
      guint n = raming_cell_get_n_excluded (self->cell);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u figure in error is left out",
                                                 "%u figures in error are left out", n), n);
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

static void
update (RamingMeasureCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *display = NULL;
  g_autofree char *tooltip = NULL;
  gboolean error;

  if (self->cell == NULL)
    {
      raming_editable_cell_set_text (RAMING_EDITABLE_CELL (self), "");
      raming_editable_cell_set_edit_text (RAMING_EDITABLE_CELL (self), "");
      raming_gui_set_tooltip_text (widget, NULL);
      return;
    }

  display = raming_gui_format_cell (self->document, self->cell);
  raming_editable_cell_set_text (RAMING_EDITABLE_CELL (self), display);

  error = raming_cell_get_kind (self->cell) == RAMING_CELL_ERROR;
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  raming_editable_cell_set_icon (RAMING_EDITABLE_CELL (self), error ? "dialog-error-symbolic" : NULL);

  if (raming_measure_get_is_group (self->measure) && self->column != RAMING_COLUMN_NATIONAL)
    gtk_widget_add_css_class (widget, "dim-label");
  else
    gtk_widget_remove_css_class (widget, "dim-label");

  raming_editable_cell_set_editable (RAMING_EDITABLE_CELL (self), is_editable (self));

  tooltip = describe (self);
  if (raming_editable_cell_get_error (RAMING_EDITABLE_CELL (self)) == NULL)
    raming_gui_set_tooltip_text (widget, tooltip);
}

static void
update_input (RamingMeasureCell *self)
{
  RamingCellInput *input;
  g_autofree char *text = NULL;

  if (self->measure == NULL)
    return;

  input = raming_measure_get_input (self->measure, self->column);
  text = input != NULL ? raming_cell_input_to_text (input, raming_document_get_language (self->document))
                       : g_strdup ("");
  raming_editable_cell_set_edit_text (RAMING_EDITABLE_CELL (self), text);
  update (self);
}

static void
update_name (RamingMeasureCell *self)
{
  g_autofree char *name = NULL;

  if (self->measure == NULL)
    return;
  /* Translators: accessible name of a table cell: column, measure */
  name = g_strdup_printf (_("%s, %s"), raming_gui_column_name (self->column),
                          raming_measure_get_title (self->measure));
  raming_editable_cell_set_accessible_name (RAMING_EDITABLE_CELL (self), name);
}

static gboolean
commit_text (RamingEditableCell  *editable,
             const char          *text,
             gpointer             user_data,
             GError             **error)
{
  RamingMeasureCell *self = user_data;
  g_autoptr(RamingCellInput) parsed = NULL;
  g_autoptr(RamingCellInput) input = NULL;
  g_autoptr(RamingDocument) document = NULL;

  if (self->measure == NULL)
    return TRUE;

  parsed = raming_cell_input_new_from_text (text, raming_document_get_language (self->document), error);
  if (parsed == NULL)
    return FALSE;

  input = raming_gui_keep_input_details (raming_measure_get_input (self->measure, self->column), parsed);
  document = g_object_ref (self->document);
  raming_document_edit (document, self->measure,
                        raming_column_to_property (self->column), input,
                        NULL);
  return TRUE;
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RamingMeasureCell *self = RAMING_MEASURE_CELL (widget);
  g_autoptr(GError) error = NULL;

  if (!is_editable (self))
    return;
  raming_editable_cell_stop_editing (RAMING_EDITABLE_CELL (self), FALSE);
  if (!commit_text (RAMING_EDITABLE_CELL (self), g_variant_get_string (parameter, NULL), self, &error))
    g_warning ("%s", error->message);
}

static void
raming_measure_cell_dispose (GObject *object)
{
  RamingMeasureCell *self = (RamingMeasureCell *) object;

  raming_measure_cell_unbind (self);

  G_OBJECT_CLASS (raming_measure_cell_parent_class)->dispose (object);
}

static void
raming_measure_cell_class_init (RamingMeasureCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_measure_cell_dispose;

  gtk_widget_class_install_action (widget_class, "measure-cell.set-text", "s", set_text_action);
}

static void
raming_measure_cell_init (RamingMeasureCell *self)
{
  raming_editable_cell_set_commit_func (RAMING_EDITABLE_CELL (self), commit_text, self);
}

GtkWidget *
raming_measure_cell_new (RamingColumn column)
{
  RamingMeasureCell *self = g_object_new (RAMING_TYPE_MEASURE_CELL, NULL);

  self->column = column;
  raming_editable_cell_set_xalign (RAMING_EDITABLE_CELL (self), 1.0);
  return GTK_WIDGET (self);
}

void
raming_measure_cell_bind (RamingMeasureCell *self,
                          RamingDocument    *document,
                          RamingMeasure     *measure)
{
  g_autofree char *notify = NULL;
  g_autoptr(GMenuModel) menu = NULL;

  g_return_if_fail (RAMING_IS_MEASURE_CELL (self));
  g_return_if_fail (RAMING_IS_DOCUMENT (document));
  g_return_if_fail (RAMING_IS_MEASURE (measure));

  /* GTK 4.8 binds a row again when only its selection changes: keep
   * an edit in progress then. */
  if (self->measure == measure && self->document == document)
    return;

  raming_measure_cell_unbind (self);

  self->document = g_object_ref (document);
  self->measure = g_object_ref (measure);
  self->cell = g_object_ref (raming_measure_get_cell (measure, self->column));

  g_signal_connect_object (self->cell, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  notify = g_strdup_printf ("notify::%s", raming_column_to_property (self->column));
  g_signal_connect_object (measure, notify, G_CALLBACK (update_input), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (measure, "notify::title", G_CALLBACK (update_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (raming_measure_get_estimates (measure), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (raming_measure_get_results (measure), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::rounding", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::language", G_CALLBACK (update_input), self, G_CONNECT_SWAPPED);

  menu = raming_gui_status_menu (raming_document_get_language (document), "measure-cell.set-text");
  raming_editable_cell_set_menu (RAMING_EDITABLE_CELL (self), menu);

  raming_editable_cell_clear_error (RAMING_EDITABLE_CELL (self));
  update_name (self);
  update_input (self);
}

void
raming_measure_cell_unbind (RamingMeasureCell *self)
{
  g_return_if_fail (RAMING_IS_MEASURE_CELL (self));

  if (self->measure == NULL)
    return;

  raming_editable_cell_stop_editing (RAMING_EDITABLE_CELL (self), FALSE);
  g_signal_handlers_disconnect_by_data (self->cell, self);
  g_signal_handlers_disconnect_by_data (self->measure, self);
  g_signal_handlers_disconnect_by_data (raming_measure_get_estimates (self->measure), self);
  g_signal_handlers_disconnect_by_data (raming_measure_get_results (self->measure), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->cell);
  g_clear_object (&self->measure);
  g_clear_object (&self->document);
  update (self);
}

RamingMeasure *
raming_measure_cell_get_measure (RamingMeasureCell *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE_CELL (self), NULL);
  return self->measure;
}

RamingColumn
raming_measure_cell_get_column (RamingMeasureCell *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE_CELL (self), 0);
  return self->column;
}

RamingEditableCell *
raming_measure_cell_get_editable (RamingMeasureCell *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE_CELL (self), NULL);
  return RAMING_EDITABLE_CELL (self);
}

const char *
raming_measure_cell_get_text (RamingMeasureCell *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE_CELL (self), NULL);
  return raming_editable_cell_get_text (RAMING_EDITABLE_CELL (self));
}
