/* raming-print-operation.h: the appendix of the council note on paper
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_PRINT_OPERATION (raming_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (RamingPrintOperation, raming_print_operation, RAMING, PRINT_OPERATION, GtkPrintOperation)

RamingPrintOperation *raming_print_operation_new          (RamingDocument       *document,
                                                           RamingLanguage        language,
                                                           GSettings            *settings);
gboolean              raming_print_operation_get_include_actions (RamingPrintOperation *self);
void                  raming_print_operation_set_include_actions (RamingPrintOperation *self,
                                                           gboolean              include_actions);
guint                 raming_print_operation_get_n_pages  (RamingPrintOperation *self);
gboolean              raming_print_operation_get_error    (RamingPrintOperation *self,
                                                           GError              **error);

GtkPageSetup         *raming_print_load_page_setup        (GSettings            *settings);
GtkPrintSettings     *raming_print_load_print_settings    (GSettings            *settings);
void                  raming_print_store_page_setup       (GSettings            *settings,
                                                           GtkPageSetup         *page_setup);
void                  raming_print_store_print_settings   (GSettings            *settings,
                                                           GtkPrintSettings     *print_settings);

G_END_DECLS
