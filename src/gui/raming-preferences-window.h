/* raming-preferences-window.h: rounding, export language, autosave
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_PREFERENCES_WINDOW (raming_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RamingPreferencesWindow, raming_preferences_window, RAMING, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *raming_preferences_window_new (GtkWindow      *parent,
                                          RamingDocument *document);
void       raming_preferences_window_show_document_page (RamingPreferencesWindow *self);

G_END_DECLS
