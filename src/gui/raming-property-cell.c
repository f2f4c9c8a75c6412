/* raming-property-cell.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "raming-gui-util.h"
#include "raming-property-cell.h"

/* Shows one property of a partner or an action item and edits it through
 * the document, so that the change can be undone and the engine sees it
 * (a partner's coverage feeds formulas). It is itself the editable cell,
 * as RamingMeasureCell is, not a widget around one: a table has hundreds
 * (docs/performance.md, findings 33 and 38). */

struct _RamingPropertyCell
{
  RamingEditableCell parent_instance;

  RamingEditableCell *editable;     /* the cell itself */
  char *property;
  char *accessible_name;
  RamingPropertyKind kind;

  RamingDocument *document;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (RamingPropertyCell, raming_property_cell, RAMING_TYPE_EDITABLE_CELL)

static char *
format_value (RamingPropertyCell *self)
{
  RamingLanguage language = raming_document_get_language (self->document);

  switch (self->kind)
    {
    case RAMING_PROPERTY_TEXT:
    case RAMING_PROPERTY_DATE:
      {
        char *text = NULL;

        g_object_get (self->item, self->property, &text, NULL);
        return text != NULL ? text : g_strdup ("");
      }

    case RAMING_PROPERTY_NUMBER:
    case RAMING_PROPERTY_PERCENT:
      {
        double value;

        g_object_get (self->item, self->property, &value, NULL);
        return raming_gui_format_optional (value, language, self->kind == RAMING_PROPERTY_PERCENT);
      }

    default:
      g_assert_not_reached ();
    }
}

static void
update (RamingPropertyCell *self)
{
  g_autofree char *text = NULL;

  if (self->item == NULL)
    {
      raming_editable_cell_set_text (self->editable, "");
      raming_editable_cell_set_edit_text (self->editable, "");
      return;
    }

  text = format_value (self);
  raming_editable_cell_set_text (self->editable, text);
  raming_editable_cell_set_edit_text (self->editable, text);
}

static gboolean
commit_text (RamingEditableCell  *editable,
             const char          *text,
             gpointer             user_data,
             GError             **error)
{
  RamingPropertyCell *self = user_data;
  g_autoptr(RamingDocument) document = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->item == NULL)
    return TRUE;

  switch (self->kind)
    {
    case RAMING_PROPERTY_TEXT:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        /* A measure, partner or action item is known by its name. */
        if (*stripped == '\0' &&
            (g_str_equal (self->property, "title") || g_str_equal (self->property, "name")))
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 _("The name cannot be empty"));
            return FALSE;
          }
        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, *stripped ? stripped : NULL);
      }
      break;

    case RAMING_PROPERTY_DATE:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        GDate date;

        if (*stripped && !raming_parse_iso_date (stripped, &date))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         /* Translators: keep YYYY-MM-DD as it is */
                         _("“%s” is not a date: write it as YYYY-MM-DD, for example 2021-06-30"),
                         stripped);
            return FALSE;
          }
        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, *stripped ? stripped : NULL);
      }
      break;

    case RAMING_PROPERTY_NUMBER:
    case RAMING_PROPERTY_PERCENT:
      {
        double number;

        if (!raming_gui_parse_optional (text, raming_document_get_language (self->document),
                                        self->kind == RAMING_PROPERTY_PERCENT, &number, error))
          return FALSE;
        if (self->kind == RAMING_PROPERTY_PERCENT && !isnan (number) && (number < 0 || number > 1))
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 _("A percentage lies between 0 % and 100 %"));
            return FALSE;
          }
        g_value_init (&value, G_TYPE_DOUBLE);
        g_value_set_double (&value, number);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  document = g_object_ref (self->document);
  raming_document_edit_property (document, self->item, self->property, &value);
  /* Text that reads back the same (“80” for 80 %) shows its usual form. */
  update (self);
  return TRUE;
}

static void
raming_property_cell_dispose (GObject *object)
{
  RamingPropertyCell *self = (RamingPropertyCell *) object;

  raming_property_cell_unbind (self);

  G_OBJECT_CLASS (raming_property_cell_parent_class)->dispose (object);
}

static void
raming_property_cell_finalize (GObject *object)
{
  RamingPropertyCell *self = (RamingPropertyCell *) object;

  g_free (self->property);
  g_free (self->accessible_name);

  G_OBJECT_CLASS (raming_property_cell_parent_class)->finalize (object);
}

static void
raming_property_cell_class_init (RamingPropertyCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = raming_property_cell_dispose;
  object_class->finalize = raming_property_cell_finalize;
}

static void
raming_property_cell_init (RamingPropertyCell *self)
{
  self->editable = RAMING_EDITABLE_CELL (self);
  raming_editable_cell_set_commit_func (self->editable, commit_text, self);
}

GtkWidget *
raming_property_cell_new (const char         *property,
                          RamingPropertyKind  kind,
                          const char         *accessible_name)
{
  RamingPropertyCell *self = g_object_new (RAMING_TYPE_PROPERTY_CELL, NULL);

  self->property = g_strdup (property);
  self->kind = kind;
  self->accessible_name = g_strdup (accessible_name);
  if (kind == RAMING_PROPERTY_NUMBER || kind == RAMING_PROPERTY_PERCENT)
    raming_editable_cell_set_xalign (self->editable, 1.0);
  if (kind == RAMING_PROPERTY_PERCENT)
    raming_gui_set_tooltip_text (GTK_WIDGET (self->editable),
                                 _("A percentage, such as “80 %” or “0,8”"));
  else if (kind == RAMING_PROPERTY_DATE)
    raming_gui_set_tooltip_text (GTK_WIDGET (self->editable),
                                 _("A date as YYYY-MM-DD, for example 2021-06-30"));
  return GTK_WIDGET (self);
}

static void
update_name (RamingPropertyCell *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *title_property = NULL;

  if (self->item == NULL)
    return;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->item), "name"))
    title_property = "name";
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->item), "title"))
    title_property = "title";
  if (title_property != NULL)
    g_object_get (self->item, title_property, &title, NULL);

  /* Translators: accessible name of a table cell: column, row */
  name = g_strdup_printf (_("%s, %s"), self->accessible_name ? self->accessible_name : "",
                          title ? title : "");
  raming_editable_cell_set_accessible_name (self->editable, name);
}

void
raming_property_cell_bind (RamingPropertyCell *self,
                           RamingDocument     *document,
                           GObject            *item)
{
  g_autofree char *notify = NULL;

  g_return_if_fail (RAMING_IS_PROPERTY_CELL (self));
  g_return_if_fail (RAMING_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_OBJECT (item));

  /* GTK 4.8 binds a row again when only its selection changes: keep
   * an edit in progress then. */
  if (self->item == item && self->document == document)
    return;

  raming_property_cell_unbind (self);

  self->document = g_object_ref (document);
  self->item = g_object_ref (item);

  notify = g_strdup_printf ("notify::%s", self->property);
  g_signal_connect_object (item, notify, G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::language", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  raming_editable_cell_clear_error (self->editable);
  update_name (self);
  update (self);
}

void
raming_property_cell_unbind (RamingPropertyCell *self)
{
  g_return_if_fail (RAMING_IS_PROPERTY_CELL (self));

  if (self->item == NULL)
    return;

  raming_editable_cell_stop_editing (self->editable, FALSE);
  g_signal_handlers_disconnect_by_data (self->item, self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->item);
  g_clear_object (&self->document);
  update (self);
}

GObject *
raming_property_cell_get_item (RamingPropertyCell *self)
{
  g_return_val_if_fail (RAMING_IS_PROPERTY_CELL (self), NULL);
  return self->item;
}

const char *
raming_property_cell_get_property_name (RamingPropertyCell *self)
{
  g_return_val_if_fail (RAMING_IS_PROPERTY_CELL (self), NULL);
  return self->property;
}

RamingEditableCell *
raming_property_cell_get_editable (RamingPropertyCell *self)
{
  g_return_val_if_fail (RAMING_IS_PROPERTY_CELL (self), NULL);
  return self->editable;
}

const char *
raming_property_cell_get_text (RamingPropertyCell *self)
{
  g_return_val_if_fail (RAMING_IS_PROPERTY_CELL (self), NULL);
  return raming_editable_cell_get_text (self->editable);
}
