/* raming-private.h: what the core's classes tell each other
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "raming-assumption.h"
#include "raming-cell.h"
#include "raming-document.h"
#include "raming-measure.h"
#include "raming-totals.h"

G_BEGIN_DECLS

typedef struct _RamingEngine RamingEngine;

RamingCell   *_raming_cell_new                 (gpointer          measure,
                                                RamingColumn      column);
void          _raming_cell_detach              (RamingCell       *self);
gboolean      _raming_cell_update              (RamingCell       *self,
                                                RamingCellKind    kind,
                                                double            value,
                                                double            low,
                                                double            high,
                                                RamingCellStatus  status,
                                                const char       *label,
                                                const char       *error,
                                                guint             n_excluded);

gboolean      _raming_assumption_set_computed  (RamingAssumption *self,
                                                double            value,
                                                double            low,
                                                double            high,
                                                const char       *error);

void          _raming_measure_clear_parent     (RamingMeasure    *self);

RamingTotals *_raming_totals_new               (void);
gboolean      _raming_totals_set               (RamingTotals     *self,
                                                RamingTotal       total,
                                                double            value);
gboolean      _raming_totals_set_n_excluded    (RamingTotals     *self,
                                                RamingColumn      column,
                                                guint             n_excluded);
gboolean      _raming_totals_set_band_pending  (RamingTotals     *self,
                                                gboolean          pending);
gboolean      _raming_totals_set_flags         (RamingTotals     *self,
                                                gboolean          has_target,
                                                gboolean          has_band,
                                                guint             n_errors);

RamingEngine *_raming_engine_new               (RamingDocument   *document);
void          _raming_engine_free              (RamingEngine     *engine);
void          _raming_engine_attach            (RamingEngine     *engine);
void          _raming_engine_recalculate_all   (RamingEngine     *engine);
void          _raming_engine_update_band       (RamingEngine     *engine);
void          _raming_engine_set_band_async    (RamingEngine     *engine,
                                                gboolean          async);
GListModel   *_raming_engine_get_errors        (RamingEngine     *engine);
RamingAssumption *_raming_engine_lookup_assumption (RamingEngine *engine,
                                                const char       *key);
RamingPartner *_raming_engine_lookup_partner   (RamingEngine     *engine,
                                                const char       *id);
RamingAssumption *_raming_engine_get_role      (RamingEngine     *engine,
                                                RamingAssumptionRole role);

/* Members of the file this version does not know, kept for saving. */
JsonObject   *_raming_get_extra                (gpointer          object);
void          _raming_set_extra                (gpointer          object,
                                                JsonObject       *extra);

G_END_DECLS
