/* raming-measures-page.h: the table of measures and the details of one
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_MEASURES_PAGE (raming_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (RamingMeasuresPage, raming_measures_page, RAMING, MEASURES_PAGE, GtkWidget)

void           raming_measures_page_set_document      (RamingMeasuresPage *self,
                                                       RamingDocument     *document);
void           raming_measures_page_settle_details    (RamingMeasuresPage *self,
                                                       int                 width);
RamingMeasure *raming_measures_page_get_selected      (RamingMeasuresPage *self);
gboolean       raming_measures_page_select_measure    (RamingMeasuresPage *self,
                                                       RamingMeasure      *measure);

G_END_DECLS
