/* raming-editable-cell.h: a table cell that shows a value and edits its text
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAMING_TYPE_EDITABLE_CELL (raming_editable_cell_get_type ())

G_DECLARE_DERIVABLE_TYPE (RamingEditableCell, raming_editable_cell, RAMING, EDITABLE_CELL, GtkWidget)

/* Derivable so that a cell bound to a model (RamingMeasureCell) is the
 * editable cell itself, not a widget around one: one widget less per
 * figure of the table (docs/performance.md, finding 33). */
struct _RamingEditableCellClass
{
  GtkWidgetClass parent_class;
};

/* Called with what the adviser typed. Returns FALSE with @error set when
 * the text cannot be taken; the cell then shows the reason and nothing
 * changes. */
typedef gboolean (*RamingEditableCellCommitFunc) (RamingEditableCell  *cell,
                                                  const char          *text,
                                                  gpointer             user_data,
                                                  GError             **error);

GtkWidget  *raming_editable_cell_new              (void);
void        raming_editable_cell_set_commit_func  (RamingEditableCell           *self,
                                                   RamingEditableCellCommitFunc  func,
                                                   gpointer                      user_data);
void        raming_editable_cell_set_text         (RamingEditableCell *self,
                                                   const char         *text);
const char *raming_editable_cell_get_text         (RamingEditableCell *self);
void        raming_editable_cell_set_edit_text    (RamingEditableCell *self,
                                                   const char         *edit_text);
void        raming_editable_cell_set_editable     (RamingEditableCell *self,
                                                   gboolean            editable);
gboolean    raming_editable_cell_get_editable     (RamingEditableCell *self);
void        raming_editable_cell_set_xalign       (RamingEditableCell *self,
                                                   float               xalign);
void        raming_editable_cell_set_icon         (RamingEditableCell *self,
                                                   const char         *icon_name);
void        raming_editable_cell_set_menu         (RamingEditableCell *self,
                                                   GMenuModel         *menu);
void        raming_editable_cell_set_accessible_name (RamingEditableCell *self,
                                                   const char         *name);
gboolean    raming_editable_cell_start_editing    (RamingEditableCell *self);
void        raming_editable_cell_stop_editing     (RamingEditableCell *self,
                                                   gboolean            commit);
gboolean    raming_editable_cell_get_editing      (RamingEditableCell *self);
GtkEditable *raming_editable_cell_get_entry       (RamingEditableCell *self);
const char *raming_editable_cell_get_error        (RamingEditableCell *self);
void        raming_editable_cell_clear_error      (RamingEditableCell *self);

G_END_DECLS
