/* raming-totals.h: the totals row, the remaining gap and the uncertainty
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "raming-types.h"

G_BEGIN_DECLS

#define RAMING_TYPE_TOTALS (raming_totals_get_type ())

G_DECLARE_FINAL_TYPE (RamingTotals, raming_totals, RAMING, TOTALS, GObject)

typedef enum
{
  RAMING_TOTAL_NATIONAL,
  RAMING_TOTAL_RESULT,
  RAMING_TOTAL_ORIGINAL,
  RAMING_TOTAL_REALISTIC,
  RAMING_TOTAL_REALISTIC_LOW,
  RAMING_TOTAL_REALISTIC_HIGH,
  RAMING_TOTAL_TARGET,
  RAMING_TOTAL_GAP,
  RAMING_TOTAL_P10,
  RAMING_TOTAL_P50,
  RAMING_TOTAL_P90,
  RAMING_N_TOTALS,
} RamingTotal;

double    raming_totals_get             (RamingTotals *self,
                                         RamingTotal   total);
double    raming_totals_get_column      (RamingTotals *self,
                                         RamingColumn  column);
guint     raming_totals_get_n_excluded  (RamingTotals *self,
                                         RamingColumn  column);
gboolean  raming_totals_get_has_target  (RamingTotals *self);
gboolean  raming_totals_get_has_band    (RamingTotals *self);
gboolean  raming_totals_get_band_pending (RamingTotals *self);
guint     raming_totals_get_n_errors    (RamingTotals *self);
const char *raming_total_to_property    (RamingTotal   total);

G_END_DECLS
