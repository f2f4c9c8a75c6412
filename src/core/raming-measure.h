/* raming-measure.h: a savings measure, one row of the note table
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "raming-cell.h"
#include "raming-cell-input.h"
#include "raming-types.h"

G_BEGIN_DECLS

#define RAMING_TYPE_MEASURE (raming_measure_get_type ())

G_DECLARE_FINAL_TYPE (RamingMeasure, raming_measure, RAMING, MEASURE, GObject)

RamingMeasure   *raming_measure_new            (const char    *id,
                                                const char    *title);
RamingMeasure   *raming_measure_new_group      (const char    *id,
                                                const char    *title);
const char      *raming_measure_get_id         (RamingMeasure *self);
void             raming_measure_set_id         (RamingMeasure *self,
                                                const char    *id);
const char      *raming_measure_get_title      (RamingMeasure *self);
void             raming_measure_set_title      (RamingMeasure *self,
                                                const char    *title);
gboolean         raming_measure_get_is_group   (RamingMeasure *self);
const char      *raming_measure_get_note       (RamingMeasure *self);
void             raming_measure_set_note       (RamingMeasure *self,
                                                const char    *note);
const char      *raming_measure_get_footnote   (RamingMeasure *self);
void             raming_measure_set_footnote   (RamingMeasure *self,
                                                const char    *footnote);
const char      *raming_measure_get_source     (RamingMeasure *self);
void             raming_measure_set_source     (RamingMeasure *self,
                                                const char    *source);
const char      *raming_measure_get_page       (RamingMeasure *self);
void             raming_measure_set_page       (RamingMeasure *self,
                                                const char    *page);
RamingCellInput *raming_measure_get_input      (RamingMeasure *self,
                                                RamingColumn   column);
void             raming_measure_set_input      (RamingMeasure *self,
                                                RamingColumn   column,
                                                RamingCellInput *input);
GListModel      *raming_measure_get_children   (RamingMeasure *self);
GListModel      *raming_measure_get_estimates  (RamingMeasure *self);
GListModel      *raming_measure_get_results    (RamingMeasure *self);
RamingMeasure   *raming_measure_get_parent     (RamingMeasure *self);
RamingCell      *raming_measure_get_cell       (RamingMeasure *self,
                                                RamingColumn   column);
guint            raming_measure_get_depth      (RamingMeasure *self);

const char      *raming_column_to_property     (RamingColumn   column);

G_END_DECLS
