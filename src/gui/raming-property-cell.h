/* raming-property-cell.h: a table cell editing one property of an item
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"
#include "raming-editable-cell.h"

G_BEGIN_DECLS

typedef enum
{
  RAMING_PROPERTY_TEXT,      /* a string property */
  RAMING_PROPERTY_NUMBER,    /* a double, NaN when not given */
  RAMING_PROPERTY_PERCENT,   /* a double fraction shown as a percentage */
  RAMING_PROPERTY_DATE,      /* a string holding YYYY-MM-DD or nothing */
} RamingPropertyKind;

#define RAMING_TYPE_PROPERTY_CELL (raming_property_cell_get_type ())

G_DECLARE_FINAL_TYPE (RamingPropertyCell, raming_property_cell, RAMING, PROPERTY_CELL, RamingEditableCell)

GtkWidget          *raming_property_cell_new          (const char         *property,
                                                       RamingPropertyKind  kind,
                                                       const char         *accessible_name);
void                raming_property_cell_bind         (RamingPropertyCell *self,
                                                       RamingDocument     *document,
                                                       GObject            *item);
void                raming_property_cell_unbind       (RamingPropertyCell *self);
GObject            *raming_property_cell_get_item     (RamingPropertyCell *self);
const char         *raming_property_cell_get_property_name (RamingPropertyCell *self);
RamingEditableCell *raming_property_cell_get_editable (RamingPropertyCell *self);
const char         *raming_property_cell_get_text     (RamingPropertyCell *self);

G_END_DECLS
