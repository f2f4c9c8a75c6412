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

/* The instance structs of the two classes the engine reads in its hot
 * loops, here so that it can read their fields without a type-checked
 * call per field. Outside raming-cell.c and raming-measure.c they are
 * read only: changes go through the setters, which notify. */
struct _RamingCell
{
  GObject parent_instance;

  gpointer          measure;   /* unowned: the measure owns its cells */
  RamingColumn      column;

  RamingCellKind    kind;
  double            value;
  double            low;
  double            high;
  RamingCellStatus  status;
  char             *label;
  char             *error;
  guint             n_excluded;
  guint             engine_mark;   /* the engine's, while it collects cells */
  gpointer          engine_info;   /* the engine's, about the cell's measure */
};

struct _RamingMeasure
{
  GObject parent_instance;

  char             *id;
  char             *title;
  gboolean          is_group;
  char             *note;
  char             *footnote;
  char             *source;
  char             *page;
  RamingCellInput  *inputs[RAMING_N_COLUMNS];
  GListStore       *children;
  GListStore       *estimates;
  GListStore       *results;
  RamingCell       *cells[RAMING_N_COLUMNS];

  /* The children again, as a plain array kept in step with the store by
   * the first handler of its "items-changed": the engine sums groups in
   * its hot loops, where a GListModel call per child costs a type check,
   * a ref and an unref. Holds a reference, so that a child taken out of
   * the store is still there to be told it has no parent any more. */
  GPtrArray        *child_array;
  /* Unowned: a parent keeps its children in its store, and clears this
   * when one leaves it (also when the parent goes away). */
  RamingMeasure    *parent;
  gpointer          engine_data;
};

/* What a cell adds to a total: its value if it has one, else zero. */
static inline double
_raming_cell_contribution (const RamingCell *cell)
{
  return cell->kind == RAMING_CELL_VALUE ? cell->value : 0.0;
}

/* How many figures a total leaves out because of this cell. */
static inline guint
_raming_cell_excluded (const RamingCell *cell)
{
  return cell->kind == RAMING_CELL_ERROR ? 1 : cell->n_excluded;
}

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
GPtrArray    *_raming_measure_peek_children    (RamingMeasure    *self);
gpointer      _raming_measure_get_engine_data  (RamingMeasure    *self);
void          _raming_measure_set_engine_data  (RamingMeasure    *self,
                                                gpointer          data);

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
