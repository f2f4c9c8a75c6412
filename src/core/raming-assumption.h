/* raming-assumption.h: a named, sourced number
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "raming-cell-input.h"
#include "raming-types.h"

G_BEGIN_DECLS

#define RAMING_TYPE_ASSUMPTION (raming_assumption_get_type ())

G_DECLARE_FINAL_TYPE (RamingAssumption, raming_assumption, RAMING, ASSUMPTION, GObject)

RamingAssumption       *raming_assumption_new         (const char             *key,
                                                       double                  value);
const char             *raming_assumption_get_key     (RamingAssumption       *self);
void                    raming_assumption_set_key     (RamingAssumption       *self,
                                                       const char             *key);
const char             *raming_assumption_get_label   (RamingAssumption       *self);
void                    raming_assumption_set_label   (RamingAssumption       *self,
                                                       const char             *label);
RamingCellInput        *raming_assumption_get_input   (RamingAssumption       *self);
void                    raming_assumption_set_input   (RamingAssumption       *self,
                                                       RamingCellInput        *input);
double                  raming_assumption_get_low     (RamingAssumption       *self);
void                    raming_assumption_set_low     (RamingAssumption       *self,
                                                       double                  low);
double                  raming_assumption_get_high    (RamingAssumption       *self);
void                    raming_assumption_set_high    (RamingAssumption       *self,
                                                       double                  high);
RamingUnit              raming_assumption_get_unit    (RamingAssumption       *self);
void                    raming_assumption_set_unit    (RamingAssumption       *self,
                                                       RamingUnit              unit);
const char             *raming_assumption_get_source  (RamingAssumption       *self);
void                    raming_assumption_set_source  (RamingAssumption       *self,
                                                       const char             *source);
const char             *raming_assumption_get_page    (RamingAssumption       *self);
void                    raming_assumption_set_page    (RamingAssumption       *self,
                                                       const char             *page);
RamingAssumptionStatus  raming_assumption_get_status  (RamingAssumption       *self);
void                    raming_assumption_set_status  (RamingAssumption       *self,
                                                       RamingAssumptionStatus  status);
RamingAssumptionRole    raming_assumption_get_role    (RamingAssumption       *self);
void                    raming_assumption_set_role    (RamingAssumption       *self,
                                                       RamingAssumptionRole    role);
const char             *raming_assumption_get_note    (RamingAssumption       *self);
void                    raming_assumption_set_note    (RamingAssumption       *self,
                                                       const char             *note);

/* Computed by the engine */
double                  raming_assumption_get_value   (RamingAssumption       *self);
double                  raming_assumption_get_value_low  (RamingAssumption    *self);
double                  raming_assumption_get_value_high (RamingAssumption    *self);
const char             *raming_assumption_get_error   (RamingAssumption       *self);

G_END_DECLS
