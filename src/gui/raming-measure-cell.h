/* raming-measure-cell.h: one figure of the measures table, bound live
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"
#include "raming-editable-cell.h"

G_BEGIN_DECLS

#define RAMING_TYPE_MEASURE_CELL (raming_measure_cell_get_type ())

G_DECLARE_FINAL_TYPE (RamingMeasureCell, raming_measure_cell, RAMING, MEASURE_CELL, RamingEditableCell)

GtkWidget          *raming_measure_cell_new           (RamingColumn       column);
void                raming_measure_cell_bind          (RamingMeasureCell *self,
                                                       RamingDocument    *document,
                                                       RamingMeasure     *measure);
void                raming_measure_cell_unbind        (RamingMeasureCell *self);
RamingMeasure      *raming_measure_cell_get_measure   (RamingMeasureCell *self);
RamingColumn        raming_measure_cell_get_column    (RamingMeasureCell *self);
RamingEditableCell *raming_measure_cell_get_editable  (RamingMeasureCell *self);
const char         *raming_measure_cell_get_text      (RamingMeasureCell *self);

G_END_DECLS
