/* raming-private.h: what the core's classes tell each other
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "raming-assumption.h"
#include "raming-cell.h"
#include "raming-document.h"
#include "raming-json-reader.h"
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

  /* What an edit reads first, together. */
  gpointer          engine_info;   /* the engine's, about the cell's measure */
  guint             engine_mark;   /* the engine's, while it collects cells */
  RamingCellKind    kind;
  double            value;
  double            low;
  double            high;
  guint             n_excluded;
  RamingColumn      column;
  char             *label;
  char             *error;
  int               error_code;    /* a RamingFormulaError, with error */
  RamingCellStatus  status;
  gboolean          engine_indexed;  /* the engine's: in its index of names */
  gpointer          measure;   /* unowned: the measure owns its cells */
};

struct _RamingMeasure
{
  GObject parent_instance;

  /* What the engine reads, first and together. */
  RamingCell       *cells[RAMING_N_COLUMNS];
  gpointer          engine_data;
  /* Unowned: a parent keeps its children in its store, and clears this
   * when one leaves it (also when the parent goes away). */
  RamingMeasure    *parent;
  gboolean          is_group;

  /* The three lists are made when first asked for (most measures have no
   * children and many no national estimates): NULL until then. Each has
   * its items again as a plain array, kept in step with the store by the
   * store's first "items-changed" handler: the engine reads them in its
   * hot loops, where a GListModel call per item costs a type check, a ref
   * and an unref. The arrays hold references, so that an item taken out
   * of a store is still there to be told it has left. */
  GPtrArray        *child_array;     /* RamingMeasure */
  GPtrArray        *estimate_array;  /* RamingEstimate */
  GPtrArray        *result_array;    /* RamingResultEntry */
  GListStore       *children;
  GListStore       *estimates;
  GListStore       *results;

  RamingCellInput  *inputs[RAMING_N_COLUMNS];
  char             *id;
  char             *title;
  char             *note;
  char             *footnote;
  char             *source;
  char             *page;
};

static inline guint
_raming_measure_n_children (RamingMeasure *measure)
{
  return measure->child_array != NULL ? measure->child_array->len : 0;
}

static inline guint
_raming_measure_n_estimates (RamingMeasure *measure)
{
  return measure->estimate_array != NULL ? measure->estimate_array->len : 0;
}

static inline guint
_raming_measure_n_results (RamingMeasure *measure)
{
  return measure->result_array != NULL ? measure->result_array->len : 0;
}

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

void          _raming_cell_set_error_code      (RamingCell       *self,
                                                int               code);

gboolean      _raming_assumption_set_computed  (RamingAssumption *self,
                                                double            value,
                                                double            low,
                                                double            high,
                                                const char       *error);

void          _raming_measure_clear_parent     (RamingMeasure    *self);
gpointer      _raming_measure_get_engine_data  (RamingMeasure    *self);
void          _raming_measure_set_engine_data  (RamingMeasure    *self,
                                                gpointer          data);
void          _raming_measure_add_estimate     (RamingMeasure    *self,
                                                RamingEstimate   *estimate);
void          _raming_measure_add_result       (RamingMeasure    *self,
                                                RamingResultEntry *entry);
void          _raming_measure_estimate_changed (RamingMeasure    *self);
void          _raming_measure_result_changed   (RamingMeasure    *self);
void          _raming_estimate_set_owner       (RamingEstimate   *self,
                                                gpointer          owner);
void          _raming_result_entry_set_owner   (RamingResultEntry *self,
                                                gpointer          owner);

/* The model tells its document's engine (the engine data of a measure)
 * what it must follow, instead of a signal connection per object: at
 * ten thousand measures, connecting those cost more than reading the
 * file. Called before the object notifies, as a handler connected first
 * would have been. */
void          _raming_engine_input_changed     (gpointer          measure_info,
                                                RamingColumn      column);
void          _raming_engine_estimates_changed (gpointer          measure_info);
void          _raming_engine_results_changed   (gpointer          measure_info,
                                                gboolean          reindex);
void          _raming_engine_children_changed  (gpointer          measure_info,
                                                GListModel       *children,
                                                guint             position,
                                                guint             removed,
                                                guint             added);

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

/* A cell of the file, read by the loader (raming-document-io.c). */
RamingCellInput *_raming_cell_input_new_from_reader (const RamingJsonNode  *node,
                                                     RamingLanguage         language,
                                                     const char            *where,
                                                     GError               **error);

/* Members of the file this version does not know, kept for saving. */
JsonObject   *_raming_get_extra                (gpointer          object);
void          _raming_set_extra                (gpointer          object,
                                                JsonObject       *extra);

G_END_DECLS
