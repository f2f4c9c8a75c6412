/* raming-assumptions-panel.h: the named, sourced numbers behind the figures
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_ASSUMPTIONS_PANEL (raming_assumptions_panel_get_type ())

G_DECLARE_FINAL_TYPE (RamingAssumptionsPanel, raming_assumptions_panel, RAMING, ASSUMPTIONS_PANEL, GtkWidget)

void       raming_assumptions_panel_set_document (RamingAssumptionsPanel *self,
                                                  RamingDocument         *document);
gboolean   raming_assumptions_panel_show         (RamingAssumptionsPanel *self,
                                                  RamingAssumption       *assumption);
GtkWidget *raming_assumptions_panel_get_value_entry (RamingAssumptionsPanel *self,
                                                  RamingAssumption       *assumption);

G_END_DECLS
