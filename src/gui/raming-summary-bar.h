/* raming-summary-bar.h: the totals, always in sight
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_SUMMARY_BAR (raming_summary_bar_get_type ())

G_DECLARE_FINAL_TYPE (RamingSummaryBar, raming_summary_bar, RAMING, SUMMARY_BAR, GtkWidget)

GtkWidget  *raming_summary_bar_new          (void);
void        raming_summary_bar_set_document (RamingSummaryBar *self,
                                             RamingDocument   *document);
const char *raming_summary_bar_get_text     (RamingSummaryBar *self,
                                             RamingTotal       total);

G_END_DECLS
