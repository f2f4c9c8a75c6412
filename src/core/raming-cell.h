/* raming-cell.h: the computed content of one cell of the note table
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "raming-types.h"

G_BEGIN_DECLS

typedef enum
{
  RAMING_CELL_BLANK,    /* nothing to show */
  RAMING_CELL_VALUE,    /* an amount (entered, computed or summed) */
  RAMING_CELL_STATUS,   /* a status word; counts as zero */
  RAMING_CELL_ERROR,    /* cannot be computed; left out of totals */
} RamingCellKind;

#define RAMING_TYPE_CELL (raming_cell_get_type ())

G_DECLARE_FINAL_TYPE (RamingCell, raming_cell, RAMING, CELL, GObject)

RamingCellKind    raming_cell_get_kind        (RamingCell *self);
double            raming_cell_get_value       (RamingCell *self);
double            raming_cell_get_low         (RamingCell *self);
double            raming_cell_get_high        (RamingCell *self);
RamingCellStatus  raming_cell_get_status      (RamingCell *self);
const char       *raming_cell_get_label       (RamingCell *self);
const char       *raming_cell_get_error       (RamingCell *self);
int               raming_cell_get_error_code  (RamingCell *self);
guint             raming_cell_get_n_excluded  (RamingCell *self);
RamingColumn      raming_cell_get_column      (RamingCell *self);
gpointer          raming_cell_get_measure     (RamingCell *self);
double            raming_cell_get_contribution (RamingCell *self);

G_END_DECLS
