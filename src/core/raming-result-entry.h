/* raming-result-entry.h: a saving achieved in one year or period
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "raming-cell-input.h"

G_BEGIN_DECLS

#define RAMING_TYPE_RESULT_ENTRY (raming_result_entry_get_type ())

G_DECLARE_FINAL_TYPE (RamingResultEntry, raming_result_entry, RAMING, RESULT_ENTRY, GObject)

RamingResultEntry *raming_result_entry_new        (RamingCellInput   *input,
                                                   const char        *label);
RamingCellInput   *raming_result_entry_get_input  (RamingResultEntry *self);
void               raming_result_entry_set_input  (RamingResultEntry *self,
                                                   RamingCellInput   *input);
const char        *raming_result_entry_get_label  (RamingResultEntry *self);
void               raming_result_entry_set_label  (RamingResultEntry *self,
                                                   const char        *label);
const char        *raming_result_entry_get_source (RamingResultEntry *self);
void               raming_result_entry_set_source (RamingResultEntry *self,
                                                   const char        *source);
const char        *raming_result_entry_get_page   (RamingResultEntry *self);
void               raming_result_entry_set_page   (RamingResultEntry *self,
                                                   const char        *page);

G_END_DECLS
