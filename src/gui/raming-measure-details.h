/* raming-measure-details.h: everything about the selected measure
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_MEASURE_DETAILS (raming_measure_details_get_type ())

G_DECLARE_FINAL_TYPE (RamingMeasureDetails, raming_measure_details, RAMING, MEASURE_DETAILS, GtkWidget)

void           raming_measure_details_set_document (RamingMeasureDetails *self,
                                                    RamingDocument       *document);
void           raming_measure_details_set_measure  (RamingMeasureDetails *self,
                                                    RamingMeasure        *measure);
RamingMeasure *raming_measure_details_get_measure  (RamingMeasureDetails *self);

G_END_DECLS
