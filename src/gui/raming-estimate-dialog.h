/* raming-estimate-dialog.h
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "raming-document.h"

G_BEGIN_DECLS

GtkWindow *raming_estimate_dialog_present (GtkWidget      *parent,
                                           RamingDocument *document,
                                           RamingMeasure  *measure,
                                           RamingEstimate *estimate);

G_END_DECLS
