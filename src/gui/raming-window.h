/* raming-window.h: one document in one window
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "raming-document.h"
#include "raming-export.h"

G_BEGIN_DECLS

#define RAMING_TYPE_WINDOW (raming_window_get_type ())

G_DECLARE_FINAL_TYPE (RamingWindow, raming_window, RAMING, WINDOW, AdwApplicationWindow)

RamingWindow   *raming_window_new              (GtkApplication *application,
                                                RamingDocument *document);
RamingDocument *raming_window_get_document     (RamingWindow   *self);
void            raming_window_set_document     (RamingWindow   *self,
                                                RamingDocument *document);
gboolean        raming_window_is_pristine      (RamingWindow   *self);
gboolean        raming_window_open_file        (RamingWindow   *self,
                                                GFile          *file);
gboolean        raming_window_save             (RamingWindow   *self);
gboolean        raming_window_export           (RamingWindow   *self,
                                                GFile          *file,
                                                RamingExportFormat format,
                                                GError        **error);
char           *raming_window_get_export_name  (RamingWindow   *self,
                                                RamingExportFormat format);
gboolean        raming_window_print_to_file    (RamingWindow   *self,
                                                const char     *path,
                                                guint          *n_pages,
                                                GError        **error);
GtkPrintOperation *raming_window_get_print_operation (RamingWindow *self);
void            raming_window_set_draft_id     (RamingWindow   *self,
                                                const char     *draft_id);
const char     *raming_window_get_draft_id     (RamingWindow   *self);
gboolean        raming_window_write_draft      (RamingWindow   *self);
void            raming_window_show_page        (RamingWindow   *self,
                                                const char     *name);
void            raming_window_show_error       (RamingWindow   *self,
                                                const char     *heading,
                                                const char     *message);
GtkWidget      *raming_window_get_page         (RamingWindow   *self,
                                                const char     *name);
GtkWidget      *raming_window_get_summary      (RamingWindow   *self);
GtkWidget      *raming_window_get_assumptions_panel (RamingWindow *self);
void            raming_window_add_toast        (RamingWindow   *self,
                                                const char     *message,
                                                gboolean        undo);
AdwToast       *raming_window_get_undo_toast   (RamingWindow   *self);
void            raming_window_set_assumptions_visible (RamingWindow *self,
                                                gboolean        visible);

G_END_DECLS
