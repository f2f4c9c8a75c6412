/* raming-estimate.h: a national (AEF) estimate carried by a measure
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RAMING_TYPE_ESTIMATE (raming_estimate_get_type ())

G_DECLARE_FINAL_TYPE (RamingEstimate, raming_estimate, RAMING, ESTIMATE, GObject)

RamingEstimate *raming_estimate_new_range    (const char     *label,
                                              double          low,
                                              double          high);
RamingEstimate *raming_estimate_new_maximum  (const char     *label,
                                              double          maximum);
const char     *raming_estimate_get_label    (RamingEstimate *self);
void            raming_estimate_set_label    (RamingEstimate *self,
                                              const char     *label);
double          raming_estimate_get_low      (RamingEstimate *self);
void            raming_estimate_set_low      (RamingEstimate *self,
                                              double          low);
double          raming_estimate_get_high     (RamingEstimate *self);
void            raming_estimate_set_high     (RamingEstimate *self,
                                              double          high);
gboolean        raming_estimate_get_maximum  (RamingEstimate *self);
void            raming_estimate_set_maximum  (RamingEstimate *self,
                                              gboolean        maximum);
const char     *raming_estimate_get_source   (RamingEstimate *self);
void            raming_estimate_set_source   (RamingEstimate *self,
                                              const char     *source);
const char     *raming_estimate_get_page     (RamingEstimate *self);
void            raming_estimate_set_page     (RamingEstimate *self,
                                              const char     *page);
double          raming_estimate_get_central  (RamingEstimate *self);

G_END_DECLS
