/* raming-engine.c: the live estimate engine
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine keeps every computed figure of a document up to date. It
 * follows the model (notify and items-changed of the document's lists,
 * assumptions and partners; hooks called by measures, their lists and
 * their items, see raming-private.h), keeps an index from each name a
 * formula uses (an assumption key, or "partner.field") to the cells and
 * assumptions that use it, and on a change recomputes only what depends
 * on it: the assumptions derived from it, the cells using any of them,
 * the groups above those cells and the totals. Computed objects notify
 * only the properties whose value really changed.
 *
 * Made for documents of ten thousand measures (docs/performance.md): per
 * object state lives in the objects (pass numbers, marks, MeasureInfo)
 * rather than in tables emptied per pass; groups cache their sums over
 * their children; the totals are a tree of partial sums over the
 * top-level rows; passes over many objects prefetch ahead.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "raming-format.h"
#include "raming-monte-carlo.h"
#include "raming-private.h"

/* Cells of a measure with national estimates depend on the macro share,
 * whichever assumption has that role; they are indexed under this name. */
#define MACRO_NAME "\001macro"

typedef enum
{
  STATE_DONE,
  STATE_PENDING,
  STATE_VISITING,
} UnitState;

/* What the engine keeps with each assumption: its state in the current
 * pass (a pass number instead of a table emptied before every pass, which
 * cost a rehash and, after loading, a malloc_consolidate of the whole
 * heap on the first edit). */
typedef struct
{
  RamingAssumption *assumption;           /* owned */
  guint             pass;                 /* state is valid in this pass */
  UnitState         state;
} AssumptionInfo;

/* What the engine keeps with each measure it follows (through
 * _raming_measure_set_engine_data, so without a lookup). */
typedef struct
{
  double central;
  double low;                             /* 0 for a maximum */
  double high;
} EstimateFigures;

typedef struct
{
  double value;
  double low;
  double high;
  guint  n_excluded;
} ChildSums;

/* Its cells point to it too (RamingCell.engine_info), so that a cell is
 * recomputed without reading its measure; infos are allocated in table
 * order when the engine attaches, so that a pass over many rows reads
 * memory mostly in order. */
typedef struct
{
  /* What the macro share's edit reads, first and together. */
  gboolean       is_group;
  gint           top_index;               /* row among the top level, or -1 */
  guint          n_estimates;
  gboolean       estimates_read;
  EstimateFigures *estimates;             /* estimates_inline, or allocated */
  RamingMeasure *measure;                 /* unowned: it is in the document */
  guint          child_sums_valid;
  EstimateFigures estimates_inline[2];
  /* A group's sums over its children per column, valid while the bit of
   * the column is set: an edit that changes only the group's own national
   * estimate (the macro share) need not visit its children again. */
  ChildSums      child_sums[RAMING_N_COLUMNS];
  RamingEngine  *engine;
} MeasureInfo;

/* Per top-level row what it adds to the totals: the four column sums,
 * the four excluded counts, and the realistic range. */
enum { ACC_SUM = 0, ACC_EXCLUDED = RAMING_N_COLUMNS, ACC_LOW = 2 * RAMING_N_COLUMNS, ACC_HIGH, N_ACC };

/* The quantities a change in one column touches. */
static inline guint
quantities_of_column (RamingColumn column)
{
  guint mask = (1u << (ACC_SUM + column)) | (1u << (ACC_EXCLUDED + column));

  if (column == RAMING_COLUMN_REALISTIC)
    mask |= (1u << ACC_LOW) | (1u << ACC_HIGH);
  return mask;
}

struct _RamingEngine
{
  RamingDocument *document;               /* unowned: owns the engine */

  GHashTable     *assumptions_by_key;     /* key → AssumptionInfo (unowned) */
  GHashTable     *assumption_infos;       /* RamingAssumption → AssumptionInfo (owned) */
  GHashTable     *partners_by_id;         /* id → RamingPartner (unowned) */
  RamingAssumption *roles[3];             /* by RamingAssumptionRole */
  AssumptionInfo *role_infos[3];

  GHashTable     *dependents;             /* name → GPtrArray of units */
  GHashTable     *unit_names;             /* unit → GPtrArray of names */

  guint           pass;                   /* see AssumptionInfo */
  guint           collect_mark;           /* see RamingCell.engine_mark */
  GType           cell_type;

  GListStore     *errors;                 /* RamingCell / RamingAssumption in error */
  GHashTable     *in_errors;

  GHashTable     *attached_measures;      /* RamingMeasure set (unowned) */
  GPtrArray      *info_blocks;            /* MeasureInfo[INFOS_PER_BLOCK] */
  guint           n_block_used;           /* in the last block */
  MeasureInfo    *free_infos;             /* linked through ->measure */

  /* The totals are kept as a tree of partial sums over the top-level rows
   * (a leaf per row, each node the sum of its two children): an edit
   * updates the leaves of the rows that changed and the nodes above them,
   * instead of summing every row again. The sum of given rows does not
   * depend on the order of the edits that led to them, so undoing an
   * edit brings back exactly the totals of before. */
  GPtrArray      *top;                    /* RamingMeasure (owned), top-level rows */
  double         *tree[N_ACC];            /* per quantity 2 × tree_size nodes, root at 1 */
  guint           dirty_quantities;       /* bit per quantity with a changed leaf */
  guint           tree_size;              /* leaves: a power of two ≥ top->len */
  GArray         *dirty_leaves;           /* guint: rows whose leaf is stale */
  guint8         *leaf_dirty;             /* per row: in dirty_leaves */
  gboolean        tree_stale;             /* every leaf is stale */

  gboolean        attached;
  guint           band_dirty : 1;
  guint           band_frozen : 1;
  guint           band_async : 1;

  /* The band in the background: a snapshot is taken in an idle callback
   * (so a burst of edits costs one snapshot), drawn in a worker thread,
   * and applied only if nothing changed meanwhile (generation). */
  guint           band_idle_id;
  GCancellable   *band_cancellable;
  guint64         band_generation;
};

static void recalculate_name      (RamingEngine *self,
                                   const char   *name);
static void recalculate_cell      (RamingEngine *self,
                                   RamingCell   *cell);
static void update_totals         (RamingEngine *self);
static void connect_measure       (RamingEngine *self,
                                   RamingMeasure *measure);
static void disconnect_measure    (RamingEngine *self,
                                   RamingMeasure *measure);

/* ------------------------------------------------------------------ */
/* Per object                                                          */

#define PREFETCH_AHEAD 16

/* The cache lines of the first 128 bytes of an object (a cell, a
 * measure, a measure's info), wherever it starts in a line. */
static inline void
prefetch_object (gconstpointer object)
{
#if defined(__GNUC__)
  __builtin_prefetch (object);
  __builtin_prefetch ((const char *) object + 64);
  __builtin_prefetch ((const char *) object + 127);
#endif
}

/* Field reads without a type check: the engine only meets cells and
 * measures of its own document. */
static inline RamingMeasure *cell_measure (RamingCell *cell) { return cell->measure; }
static inline RamingColumn cell_column (RamingCell *cell) { return cell->column; }
static inline RamingCellKind cell_kind (RamingCell *cell) { return cell->kind; }
static inline double cell_value (RamingCell *cell) { return cell->value; }
static inline double cell_low (RamingCell *cell) { return cell->low; }
static inline double cell_high (RamingCell *cell) { return cell->high; }
static inline RamingCell *cell_of (RamingMeasure *measure, RamingColumn column) { return measure->cells[column]; }
static inline RamingMeasure *measure_parent (RamingMeasure *measure) { return measure->parent; }
static inline gboolean measure_is_group (RamingMeasure *measure) { return measure->is_group; }

static void
assumption_info_free (AssumptionInfo *info)
{
  g_object_unref (info->assumption);
  g_free (info);
}

static AssumptionInfo *
assumption_info (RamingEngine     *self,
                 RamingAssumption *assumption)
{
  AssumptionInfo *info = g_hash_table_lookup (self->assumption_infos, assumption);

  if (info == NULL)
    {
      info = g_new0 (AssumptionInfo, 1);
      info->assumption = g_object_ref (assumption);
      g_hash_table_insert (self->assumption_infos, assumption, info);
    }
  return info;
}

/* Every assumption is STATE_DONE until marked otherwise in this pass. */
static inline void
begin_pass (RamingEngine *self)
{
  self->pass++;
}

static inline UnitState
get_state (RamingEngine   *self,
           AssumptionInfo *info)
{
  return info->pass == self->pass ? info->state : STATE_DONE;
}

static inline void
set_state (RamingEngine   *self,
           AssumptionInfo *info,
           UnitState       state)
{
  info->pass = self->pass;
  info->state = state;
}

static inline MeasureInfo *
measure_info (RamingMeasure *measure)
{
  return measure->engine_data;
}

/* NULL when the cell's measure is not (or no longer) in the document. */
static inline MeasureInfo *
cell_info (RamingCell *cell)
{
  return cell->engine_info;
}

static void
forget_estimates (MeasureInfo *info)
{
  if (info->estimates != info->estimates_inline)
    g_free (info->estimates);
  info->estimates = NULL;
  info->estimates_read = FALSE;
}

/* Infos come from blocks of the engine's own, handed out in the order
 * measures are attached (table order, when a document is loaded), so that
 * a pass over many rows reads them one after another rather than from
 * wherever malloc had room. Freed ones are kept for reuse. */
#define INFOS_PER_BLOCK 256

static MeasureInfo *
measure_info_new (RamingEngine *self)
{
  MeasureInfo *info;

  if (self->free_infos != NULL)
    {
      info = self->free_infos;
      self->free_infos = (MeasureInfo *) info->measure;
    }
  else
    {
      if (self->n_block_used == INFOS_PER_BLOCK || self->info_blocks->len == 0)
        {
          g_ptr_array_add (self->info_blocks, g_new (MeasureInfo, INFOS_PER_BLOCK));
          self->n_block_used = 0;
        }
      info = (MeasureInfo *) g_ptr_array_index (self->info_blocks, self->info_blocks->len - 1)
             + self->n_block_used++;
    }
  memset (info, 0, sizeof *info);
  return info;
}

static void
measure_info_free (MeasureInfo *info)
{
  RamingEngine *self = info->engine;

  forget_estimates (info);
  info->measure = (RamingMeasure *) self->free_infos;   /* the free list's link */
  self->free_infos = info;
}

/* The items of a measure's list as an array (holding references, so that
 * an item removed before the engine hears of it is still readable). */
static GPtrArray *
read_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

/* The national estimates' figures, read once per change of them;
 * returns how many there are. */
static guint
read_estimates (MeasureInfo *info)
{
  if (!info->estimates_read)
    {
      guint n = _raming_measure_n_estimates (info->measure);

      info->estimates = n <= G_N_ELEMENTS (info->estimates_inline)
                          ? info->estimates_inline : g_new (EstimateFigures, n);
      for (guint i = 0; i < n; i++)
        {
          RamingEstimate *estimate = g_ptr_array_index (info->measure->estimate_array, i);

          info->estimates[i].central = raming_estimate_get_central (estimate);
          info->estimates[i].low = raming_estimate_get_maximum (estimate) ? 0 : raming_estimate_get_low (estimate);
          info->estimates[i].high = raming_estimate_get_high (estimate);
        }
      info->n_estimates = n;
      info->estimates_read = TRUE;
    }
  return info->n_estimates;
}



/* ------------------------------------------------------------------ */
/* Names                                                               */

static void
index_unit (RamingEngine *self,
            gpointer      unit,
            GPtrArray    *names)
{
  GPtrArray *old;

  if ((old = g_hash_table_lookup (self->unit_names, unit)))
    {
      for (guint i = 0; i < old->len; i++)
        {
          GPtrArray *deps = g_hash_table_lookup (self->dependents, old->pdata[i]);

          if (deps != NULL)
            {
              g_ptr_array_remove_fast (deps, unit);
              if (deps->len == 0)
                g_hash_table_remove (self->dependents, old->pdata[i]);
            }
        }
      g_hash_table_remove (self->unit_names, unit);
    }

  if (names == NULL || names->len == 0)
    {
      if (names != NULL)
        g_ptr_array_unref (names);
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      GPtrArray *deps = g_hash_table_lookup (self->dependents, names->pdata[i]);

      if (deps == NULL)
        {
          deps = g_ptr_array_new ();
          g_hash_table_insert (self->dependents, g_strdup (names->pdata[i]), deps);
        }
      /* The unit was taken out of every list above, and its names are
       * distinct: no need to look for it (which, for the macro share or a
       * partner field used by thousands of cells, made indexing
       * quadratic). */
      g_ptr_array_add (deps, unit);
    }
  g_hash_table_insert (self->unit_names, unit, names);
}

/* The names lists are made on the first name: most cells (amounts,
 * blanks, statuses) have none, and then cost nothing to index. */
static void
add_formula_names (GPtrArray     **names,
                   RamingFormula  *formula)
{
  if (formula == NULL)
    return;
  for (guint i = 0; i < raming_formula_get_n_names (formula); i++)
    {
      char *name = raming_partner_canonical_name (raming_formula_get_name (formula, i));

      if (*names == NULL)
        *names = g_ptr_array_new_with_free_func (g_free);
      if (g_ptr_array_find_with_equal_func (*names, name, g_str_equal, NULL))
        g_free (name);
      else
        g_ptr_array_add (*names, name);
    }
}

static void
add_input_names (GPtrArray       **names,
                 RamingCellInput  *input)
{
  if (input == NULL)
    return;
  add_formula_names (names, raming_cell_input_get_formula (input));
  if (raming_cell_input_get_low (input))
    add_formula_names (names, raming_cell_input_get_formula (raming_cell_input_get_low (input)));
  if (raming_cell_input_get_high (input))
    add_formula_names (names, raming_cell_input_get_formula (raming_cell_input_get_high (input)));
}

/* NULL: none. */
static GPtrArray *
names_of_cell (RamingCell *cell)
{
  RamingMeasure *measure = cell_measure (cell);
  RamingColumn column = cell_column (cell);
  GPtrArray *names = NULL;

  if (measure_is_group (measure) && column != RAMING_COLUMN_NATIONAL)
    return NULL;

  if (column == RAMING_COLUMN_NATIONAL &&
      _raming_measure_n_estimates (measure) > 0)
    {
      names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (names, g_strdup (MACRO_NAME));
    }
  else if (column == RAMING_COLUMN_RESULT && _raming_measure_n_results (measure) > 0)
    {
      for (guint i = 0; i < _raming_measure_n_results (measure); i++)
        {
          RamingResultEntry *entry = g_ptr_array_index (measure->result_array, i);

          add_input_names (&names, raming_result_entry_get_input (entry));
        }
    }
  else
    add_input_names (&names, raming_measure_get_input (measure, column));

  return names;
}

static void
reindex_cell (RamingEngine *self,
              RamingCell   *cell)
{
  GPtrArray *names = names_of_cell (cell);

  /* Neither indexed before nor now: nothing to look up. */
  if (names == NULL && !cell->engine_indexed)
    return;
  cell->engine_indexed = names != NULL;
  index_unit (self, cell, names);
}

static void
reindex_assumption (RamingEngine     *self,
                    RamingAssumption *assumption)
{
  GPtrArray *names = NULL;

  add_input_names (&names, raming_assumption_get_input (assumption));
  index_unit (self, assumption, names);
}

static void track_error (RamingEngine *self,
                         gpointer      unit,
                         gboolean      in_error);

static void
rebuild_tables (RamingEngine *self)
{
  GListModel *assumptions = raming_document_get_assumptions (self->document);
  GListModel *partners = raming_document_get_partners (self->document);
  g_autoptr(GHashTable) old_infos = self->assumption_infos;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->assumptions_by_key);
  g_hash_table_remove_all (self->partners_by_id);
  memset (self->roles, 0, sizeof self->roles);
  memset (self->role_infos, 0, sizeof self->role_infos);
  self->assumption_infos = g_hash_table_new_full (NULL, NULL, NULL,
                                                  (GDestroyNotify) assumption_info_free);

  /* The first of two assumptions with one key wins; the loader refuses
   * such files, and the window refuses such edits. */
  for (guint i = 0; i < g_list_model_get_n_items (assumptions); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (assumptions, i);
      const char *key = raming_assumption_get_key (a);
      RamingAssumptionRole role = raming_assumption_get_role (a);
      AssumptionInfo *info = NULL;

      if (g_hash_table_contains (self->assumption_infos, a))
        continue;   /* in the list twice */
      if (!g_hash_table_steal_extended (old_infos, a, NULL, (gpointer *) &info))
        {
          info = g_new0 (AssumptionInfo, 1);
          info->assumption = g_object_ref (a);
        }
      g_hash_table_insert (self->assumption_infos, a, info);

      if (key != NULL && !g_hash_table_contains (self->assumptions_by_key, key))
        g_hash_table_insert (self->assumptions_by_key, g_strdup (key), info);
      if (role != RAMING_ASSUMPTION_ROLE_NONE && self->roles[role] == NULL)
        {
          self->roles[role] = a;
          self->role_infos[role] = info;
        }
    }

  /* Assumptions no longer in the document: no formula of the document
   * depends on them, they are no longer in error, and their edits (say
   * from an old window) no longer reach the engine. */
  g_hash_table_iter_init (&iter, old_infos);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_signal_handlers_disconnect_by_data (key, self->document);
      index_unit (self, key, NULL);
      track_error (self, key, FALSE);
    }

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RamingPartner) p = g_list_model_get_item (partners, i);
      const char *id = raming_partner_get_id (p);

      if (id != NULL && !g_hash_table_contains (self->partners_by_id, id))
        g_hash_table_insert (self->partners_by_id, g_strdup (id), p);
    }
}

/* ------------------------------------------------------------------ */
/* Errors list                                                         */

static void
track_error (RamingEngine *self,
             gpointer      unit,
             gboolean      in_error)
{
  gboolean listed = g_hash_table_contains (self->in_errors, unit);

  if (in_error == listed)
    return;

  if (in_error)
    {
      g_hash_table_add (self->in_errors, unit);
      g_list_store_append (self->errors, unit);
    }
  else
    {
      guint position;

      g_hash_table_remove (self->in_errors, unit);
      if (g_list_store_find (self->errors, unit, &position))
        g_list_store_remove (self->errors, position);
    }
}

/* ------------------------------------------------------------------ */
/* Evaluation                                                          */

static gboolean ensure_assumption (RamingEngine     *self,
                                   AssumptionInfo   *info,
                                   GError          **error);

/* Looks up a name for a formula: its value and the range it may take. */
static gboolean
resolve_name (RamingEngine *self,
              const char   *name,
              double       *value,
              double       *low,
              double       *high,
              GError      **error)
{
  const char *dot = strchr (name, '.');

  if (dot != NULL)
    {
      g_autofree char *id = g_strndup (name, dot - name);
      RamingPartner *partner = g_hash_table_lookup (self->partners_by_id, id);
      RamingPartnerField field = raming_partner_field_from_name (dot + 1);
      double v;

      if (partner == NULL)
        {
          g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_UNKNOWN_NAME,
                       _("Unknown name “%s”: there is no referral partner “%s”"), name, id);
          return FALSE;
        }
      if (field == RAMING_PARTNER_FIELD_INVALID)
        {
          g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_UNKNOWN_NAME,
                       _("Unknown name “%s”: a referral partner has the figures aantal, dekking, streefdekking and verwijzingen"),
                       name);
          return FALSE;
        }
      v = raming_partner_get_field (partner, field);
      if (isnan (v))
        {
          g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_REFERENCE,
                       _("“%s” has no value yet"), name);
          return FALSE;
        }
      *value = *low = *high = v;
      return TRUE;
    }
  else
    {
      AssumptionInfo *info = g_hash_table_lookup (self->assumptions_by_key, name);
      RamingAssumption *assumption;
      g_autoptr(GError) local_error = NULL;

      if (info == NULL)
        {
          g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_UNKNOWN_NAME,
                       _("Unknown name “%s”: there is no assumption with that key"), name);
          return FALSE;
        }
      assumption = info->assumption;
      if (!ensure_assumption (self, info, &local_error))
        {
          if (g_error_matches (local_error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_CYCLE))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_REFERENCE,
                         _("Assumption “%s” has an error: %s"), name, local_error->message);
          return FALSE;
        }
      *value = raming_assumption_get_value (assumption);
      *low = raming_assumption_get_value_low (assumption);
      *high = raming_assumption_get_value_high (assumption);
      return TRUE;
    }
}

static gboolean
evaluate_formula (RamingEngine  *self,
                  RamingFormula *formula,
                  double        *value,
                  double        *low,
                  double        *high,
                  GError       **error)
{
  guint n = raming_formula_get_n_names (formula);
  double stack[3][8];
  g_autofree double *heap = n > G_N_ELEMENTS (stack[0]) ? g_new (double, 3 * n) : NULL;
  double *values = heap ? heap : stack[0];
  double *lows = heap ? heap + n : stack[1];
  double *highs = heap ? heap + 2 * n : stack[2];

  for (guint i = 0; i < n; i++)
    if (!resolve_name (self, raming_formula_get_name (formula, i),
                       &values[i], &lows[i], &highs[i], error))
      return FALSE;

  if (!raming_formula_evaluate (formula, values, value, error))
    return FALSE;

  if (low != NULL)
    {
      g_autoptr(GError) range_error = NULL;

      /* A range that cannot be computed (say a divisor whose range
       * includes zero) leaves the figure itself fine: fall back to it. */
      if (!raming_formula_evaluate_interval (formula, lows, highs, low, high, &range_error))
        *low = *high = *value;
    }
  return TRUE;
}

/* An amount or formula input, with its range. */
static gboolean
evaluate_input (RamingEngine    *self,
                RamingCellInput *input,
                double          *value,
                double          *low,
                double          *high,
                GError         **error)
{
  switch (raming_cell_input_get_kind (input))
    {
    case RAMING_CELL_INPUT_AMOUNT:
      *value = *low = *high = raming_cell_input_get_amount (input);
      break;

    case RAMING_CELL_INPUT_FORMULA:
      if (raming_cell_input_get_formula (input) == NULL)
        {
          g_propagate_error (error, g_error_copy (raming_cell_input_get_formula_error (input)));
          return FALSE;
        }
      if (!evaluate_formula (self, raming_cell_input_get_formula (input), value, low, high, error))
        return FALSE;
      break;

    case RAMING_CELL_INPUT_BLANK:
    case RAMING_CELL_INPUT_STATUS:
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < 2; i++)
    {
      RamingCellInput *bound = i == 0 ? raming_cell_input_get_low (input)
                                      : raming_cell_input_get_high (input);
      double v, l, h;
      g_autoptr(GError) bound_error = NULL;

      if (bound == NULL)
        continue;
      if (!evaluate_input (self, bound, &v, &l, &h, &bound_error))
        {
          g_set_error (error, RAMING_FORMULA_ERROR, bound_error->code,
                       i == 0 ? _("Low end of the range: %s") : _("High end of the range: %s"),
                       bound_error->message);
          return FALSE;
        }
      if (i == 0)
        *low = v;
      else
        *high = v;
    }

  if (*low > *value || *value > *high)
    {
      RamingLanguage language = raming_document_get_language (self->document);
      g_autofree char *l = raming_format_amount (*low, language, 0);
      g_autofree char *v = raming_format_amount (*value, language, 0);
      g_autofree char *h = raming_format_amount (*high, language, 0);

      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                   _("The value %s lies outside its range %s – %s"), v, l, h);
      return FALSE;
    }

  return TRUE;
}

static gboolean
compute_assumption (RamingEngine     *self,
                    RamingAssumption *assumption,
                    double           *value,
                    double           *low,
                    double           *high,
                    GError          **error)
{
  RamingCellInput *input = raming_assumption_get_input (assumption);
  double explicit_low = raming_assumption_get_low (assumption);
  double explicit_high = raming_assumption_get_high (assumption);

  if (raming_cell_input_get_kind (input) != RAMING_CELL_INPUT_AMOUNT &&
      raming_cell_input_get_kind (input) != RAMING_CELL_INPUT_FORMULA)
    {
      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                   _("An assumption needs a number or a formula"));
      return FALSE;
    }

  if (!evaluate_input (self, input, value, low, high, error))
    return FALSE;

  if (!isnan (explicit_low))
    *low = explicit_low;
  if (!isnan (explicit_high))
    *high = explicit_high;

  if (*low > *high)
    {
      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                   _("The low end of the range is above the high end"));
      return FALSE;
    }
  if (*value < *low || *value > *high)
    {
      RamingLanguage language = raming_document_get_language (self->document);
      g_autofree char *v = raming_format_plain (*value, language);
      g_autofree char *l = raming_format_plain (*low, language);
      g_autofree char *h = raming_format_plain (*high, language);

      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                   _("The value %s lies outside its range %s – %s"), v, l, h);
      return FALSE;
    }
  return TRUE;
}

/* Computes an assumption that is pending in this pass, after the
 * assumptions it depends on; a cycle makes every member an error. */
static gboolean
ensure_assumption (RamingEngine     *self,
                   AssumptionInfo   *info,
                   GError          **error)
{
  RamingAssumption *assumption = info->assumption;
  UnitState state = get_state (self, info);
  g_autoptr(GError) local_error = NULL;
  double value = 0, low = 0, high = 0;
  gboolean ok;

  if (state == STATE_VISITING)
    {
      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_CYCLE,
                   _("Circular reference: “%s” depends on itself"),
                   raming_assumption_get_key (assumption));
      return FALSE;
    }

  if (state == STATE_DONE)
    {
      if (raming_assumption_get_error (assumption) != NULL)
        {
          g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_REFERENCE,
                               raming_assumption_get_error (assumption));
          return FALSE;
        }
      return TRUE;
    }

  set_state (self, info, STATE_VISITING);
  ok = compute_assumption (self, assumption, &value, &low, &high, &local_error);
  set_state (self, info, STATE_DONE);

  if (!ok)
    {
      _raming_assumption_set_computed (assumption, 0, 0, 0, local_error->message);
      track_error (self, assumption, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _raming_assumption_set_computed (assumption, value, low, high, NULL);
  track_error (self, assumption, FALSE);
  return TRUE;
}

static gboolean
compute_national (RamingEngine  *self,
                  MeasureInfo   *info,
                  double        *value,
                  double        *low,
                  double        *high,
                  GError       **error)
{
  guint n_estimates = read_estimates (info);
  RamingAssumption *macro = self->roles[RAMING_ASSUMPTION_ROLE_MACRO_SHARE];
  double share, share_low, share_high;

  *value = *low = *high = 0;

  if (macro == NULL)
    {
      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_UNKNOWN_NAME,
                   _("No assumption is marked as the share of the national budget"));
      return FALSE;
    }
  if (!ensure_assumption (self, self->role_infos[RAMING_ASSUMPTION_ROLE_MACRO_SHARE], error))
    return FALSE;

  share = raming_assumption_get_value (macro);
  share_low = raming_assumption_get_value_low (macro);
  share_high = raming_assumption_get_value_high (macro);

  for (guint i = 0; i < n_estimates; i++)
    {
      const EstimateFigures *f = &info->estimates[i];

      *value += f->central * share;
      *low += f->low * share_low;
      *high += f->high * share_high;
    }
  return TRUE;
}

static gboolean
compute_results (RamingEngine  *self,
                 RamingMeasure *measure,
                 double        *value,
                 double        *low,
                 double        *high,
                 GError       **error)
{
  *value = *low = *high = 0;
  for (guint i = 0; i < _raming_measure_n_results (measure); i++)
    {
      RamingResultEntry *entry = g_ptr_array_index (measure->result_array, i);
      double v, l, h;

      if (!evaluate_input (self, raming_result_entry_get_input (entry), &v, &l, &h, error))
        return FALSE;
      *value += v;
      *low += l;
      *high += h;
    }
  return TRUE;
}

static void note_change (RamingEngine *self,
                         RamingCell   *cell);

static gboolean
compute_group_cell (RamingEngine *self,
                    RamingCell   *cell)
{
  MeasureInfo *info = cell_info (cell);
  RamingColumn column = cell_column (cell);
  double value = 0, low = 0, high = 0;
  guint n_excluded = 0;
  g_autofree char *error = NULL;
  int error_code = -1;
  gboolean own_error = FALSE;

  if (column == RAMING_COLUMN_NATIONAL && read_estimates (info) > 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!compute_national (self, info, &value, &low, &high, &local_error))
        {
          error = g_strdup (local_error->message);
          error_code = local_error->domain == RAMING_FORMULA_ERROR ? local_error->code : -1;
          own_error = TRUE;
          value = low = high = 0;
        }
    }

  if (!(info->child_sums_valid & (1u << column)))
    {
      ChildSums sums = { 0, };

      for (guint i = 0; i < _raming_measure_n_children (info->measure); i++)
        {
          RamingMeasure *child = g_ptr_array_index (info->measure->child_array, i);
          RamingCell *child_cell = cell_of (child, column);

          sums.n_excluded += _raming_cell_excluded (child_cell);
          if (cell_kind (child_cell) == RAMING_CELL_VALUE)
            {
              sums.value += cell_value (child_cell);
              sums.low += cell_low (child_cell);
              sums.high += cell_high (child_cell);
            }
        }
      info->child_sums[column] = sums;
      info->child_sums_valid |= 1u << column;
    }
  value += info->child_sums[column].value;
  low += info->child_sums[column].low;
  high += info->child_sums[column].high;
  n_excluded += info->child_sums[column].n_excluded;

  track_error (self, cell, own_error);
  _raming_cell_set_error_code (cell, error_code);
  return _raming_cell_update (cell,
                              own_error ? RAMING_CELL_ERROR : RAMING_CELL_VALUE,
                              value, low, high,
                              RAMING_CELL_STATUS_NONE_SET, NULL, error, n_excluded);
}

static gboolean
compute_leaf_cell (RamingEngine *self,
                   RamingCell   *cell)
{
  RamingMeasure *measure = cell_measure (cell);
  RamingColumn column = cell_column (cell);
  RamingCellInput *input = raming_measure_get_input (measure, column);
  g_autoptr(GError) error = NULL;
  double value = 0, low = 0, high = 0;
  gboolean ok = TRUE;
  gboolean computed = FALSE;

  if (column == RAMING_COLUMN_NATIONAL &&
      read_estimates (measure_info (measure)) > 0)
    {
      ok = compute_national (self, measure_info (measure), &value, &low, &high, &error);
      computed = TRUE;
    }
  else if (column == RAMING_COLUMN_RESULT &&
           _raming_measure_n_results (measure) > 0)
    {
      ok = compute_results (self, measure, &value, &low, &high, &error);
      computed = TRUE;
    }

  if (!computed)
    {
      switch (raming_cell_input_get_kind (input))
        {
        case RAMING_CELL_INPUT_BLANK:
          track_error (self, cell, FALSE);
          return _raming_cell_update (cell, RAMING_CELL_BLANK, 0, 0, 0,
                                      RAMING_CELL_STATUS_NONE_SET, NULL, NULL, 0);

        case RAMING_CELL_INPUT_STATUS:
          track_error (self, cell, FALSE);
          return _raming_cell_update (cell, RAMING_CELL_STATUS, 0, 0, 0,
                                      raming_cell_input_get_status (input),
                                      raming_cell_input_get_label (input), NULL, 0);

        case RAMING_CELL_INPUT_AMOUNT:
        case RAMING_CELL_INPUT_FORMULA:
        default:
          ok = evaluate_input (self, input, &value, &low, &high, &error);
          break;
        }
    }

  track_error (self, cell, !ok);
  if (!ok)
    _raming_cell_set_error_code (cell, error->domain == RAMING_FORMULA_ERROR ? error->code : -1);
  if (!ok)
    return _raming_cell_update (cell, RAMING_CELL_ERROR, 0, 0, 0,
                                RAMING_CELL_STATUS_NONE_SET, NULL, error->message, 0);

  return _raming_cell_update (cell, RAMING_CELL_VALUE, value, low, high,
                              RAMING_CELL_STATUS_NONE_SET, NULL, NULL, 0);
}

/* Computes a cell again; says whether it changed, after noting the change
 * for the totals. */
static gboolean
update_group_cell (RamingEngine *self,
                   RamingCell   *cell)
{
  if (!compute_group_cell (self, cell))
    return FALSE;
  note_change (self, cell);
  return TRUE;
}

static gboolean
update_cell (RamingEngine *self,
             RamingCell   *cell)
{
  MeasureInfo *info = cell_info (cell);
  gboolean changed;

  if (info == NULL)
    return FALSE;
  if (info->is_group)
    changed = compute_group_cell (self, cell);
  else
    changed = compute_leaf_cell (self, cell);
  if (changed)
    note_change (self, cell);
  return changed;
}

/* ------------------------------------------------------------------ */
/* Propagation                                                         */

static gboolean
measure_is_attached (RamingEngine  *self,
                     RamingMeasure *measure)
{
  return measure_info (measure) != NULL;
}

/* A cell changed: carry the change up through its groups to the totals. */
static void
propagate_up (RamingEngine *self,
              RamingCell   *cell)
{
  RamingMeasure *measure = cell_measure (cell);
  RamingColumn column = cell_column (cell);

  for (RamingMeasure *parent = measure_parent (measure);
       parent != NULL;
       parent = measure_parent (parent))
    {
      if (!update_group_cell (self, cell_of (parent, column)))
        return;
    }
  update_totals (self);
}

static void
recalculate_cell (RamingEngine *self,
                  RamingCell   *cell)
{
  RamingMeasure *measure = cell_measure (cell);

  if (measure == NULL || !measure_is_attached (self, measure))
    return;

  begin_pass (self);
  if (update_cell (self, cell))
    propagate_up (self, cell);
}

static void
collect_dependents (RamingEngine *self,
                    const char   *name,
                    GHashTable   *assumptions,
                    GPtrArray    *cells)
{
  GPtrArray *deps = g_hash_table_lookup (self->dependents, name);

  if (deps == NULL)
    return;

  for (guint i = 0; i < deps->len; i++)
    {
      gpointer unit = deps->pdata[i];

      /* The units are scattered over the heap and, after a while of not
       * being edited, out of the caches: ask for the ones a few steps
       * ahead, so that their loads overlap instead of following one
       * another (the macro share has ~2.000 dependents). */
      if (i + PREFETCH_AHEAD < deps->len)
        prefetch_object (deps->pdata[i + PREFETCH_AHEAD]);

      /* Units are cells or assumptions. */
      if (G_TYPE_FROM_INSTANCE (unit) != self->cell_type)
        {
          RamingAssumption *a = unit;
          const char *key = raming_assumption_get_key (a);

          if (g_hash_table_contains (assumptions, a))
            continue;
          g_hash_table_add (assumptions, a);
          if (key != NULL)
            collect_dependents (self, key, assumptions, cells);
          if (a == self->roles[RAMING_ASSUMPTION_ROLE_MACRO_SHARE])
            collect_dependents (self, MACRO_NAME, assumptions, cells);
        }
      else if (((RamingCell *) unit)->engine_mark != self->collect_mark)
        {
          /* Collected once, though it may use several changed names. */
          ((RamingCell *) unit)->engine_mark = self->collect_mark;
          g_ptr_array_add (cells, unit);
        }
    }
}

typedef struct
{
  RamingCell *cell;
  guint       depth;
} GroupAtDepth;

static int
compare_deepest_first (gconstpointer a,
                       gconstpointer b)
{
  const GroupAtDepth *x = a, *y = b;

  return (x->depth < y->depth) - (x->depth > y->depth);
}

/* Recomputes what depends on an assumption (which changed itself) or on
 * a name whose meaning changed. */
static void
recalculate_from (RamingEngine     *self,
                  RamingAssumption *changed,
                  const char       *name)
{
  g_autoptr(GHashTable) assumptions = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GHashTable) changed_groups = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean any_changed = FALSE;

  self->collect_mark++;
  if (changed != NULL)
    {
      g_hash_table_add (assumptions, changed);
      if (raming_assumption_get_key (changed) != NULL)
        collect_dependents (self, raming_assumption_get_key (changed),
                            assumptions, cells);
      if (changed == self->roles[RAMING_ASSUMPTION_ROLE_MACRO_SHARE])
        collect_dependents (self, MACRO_NAME, assumptions, cells);
    }
  if (name != NULL)
    collect_dependents (self, name, assumptions, cells);

  /* Everything not collected keeps its value; what was collected is
   * computed again, each after what it depends on. */
  begin_pass (self);
  g_hash_table_iter_init (&iter, assumptions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    set_state (self, assumption_info (self, key), STATE_PENDING);
  g_hash_table_iter_init (&iter, assumptions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    ensure_assumption (self, assumption_info (self, key), NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      RamingCell *cell = cells->pdata[i];
      MeasureInfo *info = cell_info (cell);

      if (i + PREFETCH_AHEAD < cells->len)
        {
          RamingCell *ahead = cells->pdata[i + PREFETCH_AHEAD];

          prefetch_object (ahead);
          if (ahead->engine_info != NULL)
            prefetch_object (ahead->engine_info);
        }

      if (info == NULL)
        continue;
      if (update_cell (self, cell))
        {
          any_changed = TRUE;
          if (info->top_index >= 0)
            continue;   /* no groups above */
          for (RamingMeasure *p = measure_parent (info->measure); p; p = measure_parent (p))
            g_hash_table_add (changed_groups, cell_of (p, cell_column (cell)));
        }
    }

  /* Groups are summed after all their children are known; deepest first so
   * that nested groups see their sub-groups' new sums. Each depth is
   * worked out once. */
  if (g_hash_table_size (changed_groups) > 0)
    {
      g_autoptr(GArray) groups = g_array_sized_new (FALSE, FALSE, sizeof (GroupAtDepth),
                                                    g_hash_table_size (changed_groups));

      g_hash_table_iter_init (&iter, changed_groups);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          GroupAtDepth g = { key, raming_measure_get_depth (cell_measure (key)) };

          g_array_append_val (groups, g);
        }
      g_array_sort (groups, compare_deepest_first);
      for (guint i = 0; i < groups->len; i++)
        update_group_cell (self, g_array_index (groups, GroupAtDepth, i).cell);
    }

  /* The assumptions themselves move the gap (the target) and the band
   * (their ranges), even when no cell changed. */
  if (any_changed || g_hash_table_size (assumptions) > 0 || name != NULL)
    update_totals (self);
}

static void
recalculate_name (RamingEngine *self,
                  const char   *name)
{
  recalculate_from (self, NULL, name);
}

/* ------------------------------------------------------------------ */
/* Totals                                                              */

static void
apply_band (RamingEngine *self,
            const double  quantiles[3])
{
  RamingTotals *totals = raming_document_get_totals (self->document);

  g_object_freeze_notify (G_OBJECT (totals));
  _raming_totals_set (totals, RAMING_TOTAL_P10, quantiles[0]);
  _raming_totals_set (totals, RAMING_TOTAL_P50, quantiles[1]);
  _raming_totals_set (totals, RAMING_TOTAL_P90, quantiles[2]);
  _raming_totals_set_band_pending (totals, FALSE);
  g_object_thaw_notify (G_OBJECT (totals));
}

static void
cancel_band (RamingEngine *self)
{
  g_clear_handle_id (&self->band_idle_id, g_source_remove);
  if (self->band_cancellable != NULL)
    {
      g_cancellable_cancel (self->band_cancellable);
      g_clear_object (&self->band_cancellable);
    }
  self->band_generation++;
}

static void
update_band (RamingEngine *self)
{
  double quantiles[3];
  g_autoptr(RamingMonteCarlo) mc = NULL;

  cancel_band (self);
  mc = raming_monte_carlo_new (self->document);
  raming_monte_carlo_run (mc,
                          raming_document_get_uncertainty_seed (self->document),
                          raming_document_get_uncertainty_samples (self->document),
                          quantiles);
  apply_band (self, quantiles);
  self->band_dirty = FALSE;
}

typedef struct
{
  RamingMonteCarlo *mc;
  guint32           seed;
  guint             samples;
  guint64           generation;
  double            quantiles[3];
} BandJob;

static void
band_job_free (BandJob *job)
{
  g_clear_pointer (&job->mc, raming_monte_carlo_free);
  g_free (job);
}

static void
band_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BandJob *job = task_data;

  raming_monte_carlo_run (job->mc, job->seed, job->samples, job->quantiles);
  g_task_return_boolean (task, TRUE);
}

static RamingEngine *engine_of (RamingDocument *doc);

static void
band_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RamingDocument *document = RAMING_DOCUMENT (source_object);
  RamingEngine *self = engine_of (document);
  BandJob *job = g_task_get_task_data (G_TASK (result));

  if (self == NULL || !g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  /* A newer edit has started another run, or made this one stale. */
  if (job->generation != self->band_generation)
    return;

  g_clear_object (&self->band_cancellable);
  apply_band (self, job->quantiles);
  self->band_dirty = FALSE;
}

static gboolean
start_band_job (gpointer user_data)
{
  RamingEngine *self = user_data;
  g_autoptr(GTask) task = NULL;
  BandJob *job;

  self->band_idle_id = 0;

  job = g_new0 (BandJob, 1);
  job->mc = raming_monte_carlo_new (self->document);
  job->seed = raming_document_get_uncertainty_seed (self->document);
  job->samples = raming_document_get_uncertainty_samples (self->document);
  job->generation = ++self->band_generation;

  g_clear_object (&self->band_cancellable);
  self->band_cancellable = g_cancellable_new ();
  task = g_task_new (self->document, self->band_cancellable, band_done, NULL);
  g_task_set_source_tag (task, start_band_job);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) band_job_free);
  g_task_run_in_thread (task, band_thread);

  return G_SOURCE_REMOVE;
}

/* The band is due again: now, or (in the window) soon in the background. */
static void
schedule_band (RamingEngine *self)
{
  self->band_dirty = TRUE;
  if (self->band_frozen)
    return;
  if (!self->band_async)
    {
      update_band (self);
      return;
    }

  _raming_totals_set_band_pending (raming_document_get_totals (self->document), TRUE);
  if (self->band_cancellable != NULL)
    {
      g_cancellable_cancel (self->band_cancellable);
      g_clear_object (&self->band_cancellable);
    }
  self->band_generation++;
  if (self->band_idle_id == 0)
    self->band_idle_id = g_idle_add_full (G_PRIORITY_LOW, start_band_job, self, NULL);
}

/* What a top-level row adds to the totals, in the columns of a mask
 * (reading only the cells that changed). */
static void
leaf_of (RamingEngine  *self,
         guint          row,
         guint          columns)
{
  RamingMeasure *measure = row < self->top->len ? self->top->pdata[row] : NULL;
  guint leaf = self->tree_size + row;

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      RamingCell *cell;

      if (!(columns & (1u << c)))
        continue;
      self->dirty_quantities |= quantities_of_column (c);
      if (measure == NULL)
        {
          self->tree[ACC_SUM + c][leaf] = 0;
          self->tree[ACC_EXCLUDED + c][leaf] = 0;
          if (c == RAMING_COLUMN_REALISTIC)
            self->tree[ACC_LOW][leaf] = self->tree[ACC_HIGH][leaf] = 0;
          continue;
        }
      cell = cell_of (measure, c);
      self->tree[ACC_SUM + c][leaf] = _raming_cell_contribution (cell);
      self->tree[ACC_EXCLUDED + c][leaf] = _raming_cell_excluded (cell);
      if (c == RAMING_COLUMN_REALISTIC)
        {
          gboolean has_value = cell_kind (cell) == RAMING_CELL_VALUE;

          self->tree[ACC_LOW][leaf] = has_value ? cell_low (cell) : 0;
          self->tree[ACC_HIGH][leaf] = has_value ? cell_high (cell) : 0;
        }
    }
}

static inline void
sum_node (RamingEngine *self,
          guint         node)
{
  for (guint k = 0; k < N_ACC; k++)
    if (self->dirty_quantities & (1u << k))
      self->tree[k][node] = self->tree[k][2 * node] + self->tree[k][2 * node + 1];
}

/* The top-level rows changed: number them again; every leaf is stale. */
static void
rebuild_top (RamingEngine *self)
{
  GListModel *measures = raming_document_get_measures (self->document);
  guint n = g_list_model_get_n_items (measures);
  guint size = 1;

  for (guint i = 0; i < self->top->len; i++)
    {
      MeasureInfo *info = measure_info (self->top->pdata[i]);

      if (info != NULL)
        info->top_index = -1;
    }
  g_ptr_array_set_size (self->top, 0);
  for (guint i = 0; i < n; i++)
    {
      RamingMeasure *m = g_list_model_get_item (measures, i);
      MeasureInfo *info = measure_info (m);

      g_ptr_array_add (self->top, m);
      if (info != NULL)
        info->top_index = i;
    }

  for (guint i = 0; i < self->dirty_leaves->len; i++)
    self->leaf_dirty[g_array_index (self->dirty_leaves, guint, i)] = 0;
  g_array_set_size (self->dirty_leaves, 0);

  while (size < n)
    size *= 2;
  if (size != self->tree_size)
    {
      for (guint k = 0; k < N_ACC; k++)
        {
          g_free (self->tree[k]);
          self->tree[k] = g_new0 (double, 2 * size);
        }
      g_free (self->leaf_dirty);
      self->tree_size = size;
      self->leaf_dirty = g_new0 (guint8, size);
    }
  self->tree_stale = TRUE;
}

/* A computed cell changed: if it is in a top-level row, that row's leaf
 * is summed again at the next update of the totals. */
static void
note_change (RamingEngine *self,
             RamingCell   *cell)
{
  MeasureInfo *info = cell_info (cell);
  guint row;

  if (info == NULL)
    return;
  if (info->top_index < 0)
    {
      RamingMeasure *parent = measure_parent (info->measure);

      if (parent != NULL && measure_info (parent) != NULL)
        measure_info (parent)->child_sums_valid &= ~(1u << cell_column (cell));
      return;
    }
  if (self->tree_stale)
    return;
  row = info->top_index;
  g_assert (row < self->top->len);
  if (self->leaf_dirty[row] == 0)
    g_array_append_val (self->dirty_leaves, row);
  self->leaf_dirty[row] |= 1u << cell_column (cell);
}

static void
refresh_tree (RamingEngine *self)
{
  guint size = self->tree_size;
  guint all = (1u << RAMING_N_COLUMNS) - 1;
  guint n_dirty = self->dirty_leaves->len;

  self->dirty_quantities = 0;
  if (self->tree_stale)
    {
      for (guint row = 0; row < size; row++)
        leaf_of (self, row, all);
    }
  else
    {
      for (guint i = 0; i < n_dirty; i++)
        {
          guint row = g_array_index (self->dirty_leaves, guint, i);

          if (i + PREFETCH_AHEAD < n_dirty)
            prefetch_object (self->top->pdata[g_array_index (self->dirty_leaves, guint, i + PREFETCH_AHEAD)]);
          leaf_of (self, row, self->leaf_dirty[row]);
        }
    }

  /* Many changed leaves: summing every node once is cheaper than walking
   * up from each; the sums are the same either way. Only the quantities
   * that changed are summed again. */
  if (self->tree_stale || n_dirty * g_bit_storage (size) > size)
    {
      for (guint node = size - 1; node >= 1; node--)
        sum_node (self, node);
    }
  else
    {
      for (guint i = 0; i < n_dirty; i++)
        {
          guint row = g_array_index (self->dirty_leaves, guint, i);

          for (guint node = (size + row) / 2; node >= 1; node /= 2)
            sum_node (self, node);
        }
    }

  for (guint i = 0; i < n_dirty; i++)
    self->leaf_dirty[g_array_index (self->dirty_leaves, guint, i)] = 0;
  g_array_set_size (self->dirty_leaves, 0);
  self->tree_stale = FALSE;
}

static void
update_totals (RamingEngine *self)
{
  RamingTotals *totals = raming_document_get_totals (self->document);
  RamingAssumption *target = self->roles[RAMING_ASSUMPTION_ROLE_SAVINGS_TARGET];
  double sums[RAMING_N_COLUMNS];
  guint excluded[RAMING_N_COLUMNS];
  double low, high;
  double target_value = 0;
  gboolean has_target = FALSE;

  if (!self->attached)
    return;

  refresh_tree (self);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      sums[c] = self->tree[ACC_SUM + c][1];
      excluded[c] = (guint) self->tree[ACC_EXCLUDED + c][1];
    }
  low = self->tree[ACC_LOW][1];
  high = self->tree[ACC_HIGH][1];

  if (target != NULL && raming_assumption_get_error (target) == NULL)
    {
      has_target = TRUE;
      target_value = raming_assumption_get_value (target);
    }

  g_object_freeze_notify (G_OBJECT (totals));
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      _raming_totals_set (totals, (RamingTotal) c, sums[c]);
      _raming_totals_set_n_excluded (totals, c, excluded[c]);
    }
  _raming_totals_set (totals, RAMING_TOTAL_REALISTIC_LOW, low);
  _raming_totals_set (totals, RAMING_TOTAL_REALISTIC_HIGH, high);
  _raming_totals_set (totals, RAMING_TOTAL_TARGET, target_value);
  _raming_totals_set (totals, RAMING_TOTAL_GAP, has_target ? target_value - sums[RAMING_COLUMN_REALISTIC] : 0);
  _raming_totals_set_flags (totals, has_target, high > low,
                            g_list_model_get_n_items (G_LIST_MODEL (self->errors)));

  schedule_band (self);
  g_object_thaw_notify (G_OBJECT (totals));
}

/* ------------------------------------------------------------------ */
/* Listening to the model                                              */

static void
on_assumption_notify (RamingEngine     *self,
                      GParamSpec       *pspec,
                      RamingAssumption *assumption)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "input"))
    {
      reindex_assumption (self, assumption);
      recalculate_from (self, assumption, NULL);
    }
  else if (g_str_equal (name, "low") || g_str_equal (name, "high"))
    recalculate_from (self, assumption, NULL);
  else if (g_str_equal (name, "key") || g_str_equal (name, "role"))
    {
      /* Names change meaning: simplest correct answer is a full pass, and
       * renaming a key is rare. */
      _raming_engine_recalculate_all (self);
    }
}

static void
on_partner_notify (RamingEngine  *self,
                   GParamSpec    *pspec,
                   RamingPartner *partner)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "id"))
    _raming_engine_recalculate_all (self);
  else if (g_str_equal (name, "count") || g_str_equal (name, "coverage") ||
           g_str_equal (name, "target-coverage") || g_str_equal (name, "referrals"))
    {
      g_autofree char *full = NULL;

      if (raming_partner_get_id (partner) == NULL ||
          g_hash_table_lookup (self->partners_by_id, raming_partner_get_id (partner)) != partner)
        return;
      full = g_strdup_printf ("%s.%s", raming_partner_get_id (partner), name);
      recalculate_name (self, full);
    }
}

/* The hooks the model calls (see raming-private.h). */

void
_raming_engine_input_changed (gpointer     measure_info,
                              RamingColumn column)
{
  MeasureInfo *info = measure_info;
  RamingCell *cell = cell_of (info->measure, column);

  reindex_cell (info->engine, cell);
  recalculate_cell (info->engine, cell);
}

void
_raming_engine_estimates_changed (gpointer measure_info)
{
  MeasureInfo *info = measure_info;
  RamingCell *cell = cell_of (info->measure, RAMING_COLUMN_NATIONAL);

  forget_estimates (info);
  reindex_cell (info->engine, cell);
  recalculate_cell (info->engine, cell);
}

void
_raming_engine_results_changed (gpointer measure_info,
                                gboolean reindex)
{
  MeasureInfo *info = measure_info;
  RamingCell *cell = cell_of (info->measure, RAMING_COLUMN_RESULT);

  if (reindex)
    reindex_cell (info->engine, cell);
  recalculate_cell (info->engine, cell);
}

static void measures_changed (RamingEngine  *self,
                              RamingMeasure *owner,
                              GListModel    *model,
                              guint          position,
                              guint          removed,
                              guint          added);

void
_raming_engine_children_changed (gpointer    measure_info,
                                 GListModel *children,
                                 guint       position,
                                 guint       removed,
                                 guint       added)
{
  MeasureInfo *info = measure_info;

  measures_changed (info->engine, info->measure, children, position, removed, added);
}

/* The engine is the document's, and the document outlives what it holds
 * while it holds it; signal handlers get the engine through the document
 * so that g_signal_connect_object can disconnect them with the document. */
static RamingEngine *
engine_of (RamingDocument *doc)
{
  RamingEngine **slot = g_object_get_data (G_OBJECT (doc), "raming-engine-ptr");

  return slot != NULL ? *slot : NULL;
}

static void
trampoline_assumption_notify (GObject *object, GParamSpec *pspec, RamingDocument *doc)
{
  RamingEngine *self = engine_of (doc);

  if (self != NULL)
    on_assumption_notify (self, pspec, RAMING_ASSUMPTION (object));
}

static void
trampoline_partner_notify (GObject *object, GParamSpec *pspec, RamingDocument *doc)
{
  RamingEngine *self = engine_of (doc);

  if (self != NULL)
    on_partner_notify (self, pspec, RAMING_PARTNER (object));
}

/* A measure the engine follows has engine data; its lists and their
 * items tell the engine through it (no signal connections). */
static void
connect_measure (RamingEngine  *self,
                 RamingMeasure *measure)
{
  MeasureInfo *info;

  if (measure_is_attached (self, measure))
    return;

  info = measure_info_new (self);
  info->engine = self;
  info->measure = measure;
  info->top_index = -1;
  info->is_group = raming_measure_get_is_group (measure);
  _raming_measure_set_engine_data (measure, info);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    cell_of (measure, c)->engine_info = info;
  g_hash_table_add (self->attached_measures, measure);

  for (guint i = 0; i < _raming_measure_n_children (measure); i++)
    connect_measure (self, g_ptr_array_index (measure->child_array, i));

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    reindex_cell (self, cell_of (measure, c));
}

static void
forget_measure (RamingEngine  *self,
                RamingMeasure *measure)
{
  measure_info_free (measure_info (measure));
  _raming_measure_set_engine_data (measure, NULL);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    cell_of (measure, c)->engine_info = NULL;
}

static void
disconnect_measure (RamingEngine  *self,
                    RamingMeasure *measure)
{
  if (!measure_is_attached (self, measure))
    return;

  forget_measure (self, measure);
  g_hash_table_remove (self->attached_measures, measure);

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      RamingCell *cell = cell_of (measure, c);

      index_unit (self, cell, NULL);
      cell->engine_indexed = FALSE;
      track_error (self, cell, FALSE);
    }

  for (guint i = 0; i < _raming_measure_n_children (measure); i++)
    disconnect_measure (self, g_ptr_array_index (measure->child_array, i));
}

/* Which measures are still in the document after a list changed; those
 * that left are disconnected, those that came are connected. */
static void
collect_attached (RamingEngine *self,
                  GPtrArray    *measures,
                  GHashTable   *present)
{
  for (guint i = 0; i < measures->len; i++)
    {
      RamingMeasure *m = measures->pdata[i];

      g_hash_table_add (present, m);
      if (_raming_measure_n_children (m) > 0)
        collect_attached (self, m->child_array, present);
    }
}

static void
sync_measures (RamingEngine *self)
{
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GPtrArray) top = read_items (raming_document_get_measures (self->document));
  GHashTableIter iter;
  gpointer measure;

  collect_attached (self, top, present);

  g_hash_table_iter_init (&iter, self->attached_measures);
  while (g_hash_table_iter_next (&iter, &measure, NULL))
    if (!g_hash_table_contains (present, measure))
      g_ptr_array_add (gone, measure);

  /* Disconnecting a group also disconnects its children: keep them in the
   * set until their turn comes, and skip those already gone. */
  for (guint i = 0; i < gone->len; i++)
    if (measure_is_attached (self, gone->pdata[i]))
      disconnect_measure (self, gone->pdata[i]);

  g_hash_table_iter_init (&iter, present);
  while (g_hash_table_iter_next (&iter, &measure, NULL))
    if (!measure_is_attached (self, measure))
      connect_measure (self, measure);
}

static void
recalculate_subtree (RamingEngine  *self,
                     RamingMeasure *measure)
{
  guint n = _raming_measure_n_children (measure);

  for (guint i = 0; i < n; i++)
    {
      if (i + 1 < n)
        prefetch_object (g_ptr_array_index (measure->child_array, i + 1));
      recalculate_subtree (self, g_ptr_array_index (measure->child_array, i));
    }
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    prefetch_object (cell_of (measure, c));
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    update_cell (self, cell_of (measure, c));
}

static void
measures_changed (RamingEngine  *self,
                  RamingMeasure *owner,
                  GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  if (owner == NULL)
    {
      /* Top level: no parent. */
      for (guint i = position; i < position + added; i++)
        {
          g_autoptr(RamingMeasure) m = g_list_model_get_item (model, i);

          _raming_measure_clear_parent (m);
        }
    }

  sync_measures (self);
  if (owner == NULL)
    rebuild_top (self);
  else if (measure_is_attached (self, owner))
    measure_info (owner)->child_sums_valid = 0;

  begin_pass (self);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RamingMeasure) m = g_list_model_get_item (model, i);

      recalculate_subtree (self, m);
    }

  for (RamingMeasure *group = owner; group != NULL; group = measure_parent (group))
    for (guint c = 0; c < RAMING_N_COLUMNS; c++)
      update_group_cell (self, cell_of (group, c));
  update_totals (self);
}

static void
on_measures_changed (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     RamingDocument *doc)
{
  RamingEngine *self = engine_of (doc);

  if (self != NULL)
    measures_changed (self, NULL, model, position, removed, added);
}

static void
connect_assumption (RamingEngine     *self,
                    RamingAssumption *assumption)
{
  /* Not g_signal_connect_object: each such closure is added to an array
   * on the document that is reallocated one closure at a time. The
   * handlers are disconnected when the assumption leaves the document
   * (rebuild_tables) and when the engine goes. */
  g_signal_handlers_disconnect_by_data (assumption, self->document);
  g_signal_connect (assumption, "notify",
                    G_CALLBACK (trampoline_assumption_notify), self->document);
  reindex_assumption (self, assumption);
}

static void
on_assumptions_changed (GListModel     *model,
                        guint           position,
                        guint           removed,
                        guint           added,
                        RamingDocument *doc)
{
  RamingEngine *self = engine_of (doc);

  if (self == NULL)
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (model, i);

      connect_assumption (self, a);
    }
  _raming_engine_recalculate_all (self);
}

static void
on_partners_changed (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     RamingDocument *doc)
{
  RamingEngine *self = engine_of (doc);

  if (self == NULL)
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RamingPartner) p = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_data (p, self->document);
      g_signal_connect_object (p, "notify",
                               G_CALLBACK (trampoline_partner_notify), self->document, 0);
    }
  _raming_engine_recalculate_all (self);
}

static void
on_document_notify (RamingDocument *doc,
                    GParamSpec     *pspec,
                    gpointer        user_data)
{
  RamingEngine *self = engine_of (doc);

  if (self == NULL)
    return;

  if (g_str_equal (pspec->name, "uncertainty-seed") ||
      g_str_equal (pspec->name, "uncertainty-samples"))
    {
      schedule_band (self);
    }
  else if (g_str_equal (pspec->name, "language"))
    {
      /* Messages on cells quote numbers in the document's language. */
      _raming_engine_recalculate_all (self);
    }
}

/* ------------------------------------------------------------------ */
/* Public (to the core)                                                */

RamingEngine *
_raming_engine_new (RamingDocument *document)
{
  RamingEngine *self = g_new0 (RamingEngine, 1);
  RamingEngine **slot = g_new (RamingEngine *, 1);

  self->document = document;
  self->cell_type = RAMING_TYPE_CELL;
  self->assumptions_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->partners_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dependents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->unit_names = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->assumption_infos = g_hash_table_new_full (NULL, NULL, NULL,
                                                  (GDestroyNotify) assumption_info_free);
  self->top = g_ptr_array_new_with_free_func (g_object_unref);
  self->info_blocks = g_ptr_array_new_with_free_func (g_free);
  self->dirty_leaves = g_array_new (FALSE, FALSE, sizeof (guint));
  self->errors = g_list_store_new (G_TYPE_OBJECT);
  self->in_errors = g_hash_table_new (NULL, NULL);
  self->attached_measures = g_hash_table_new (NULL, NULL);

  *slot = self;
  g_object_set_data_full (G_OBJECT (document), "raming-engine-ptr", slot, g_free);

  return self;
}

void
_raming_engine_free (RamingEngine *self)
{
  RamingEngine **slot;

  if (self == NULL)
    return;

  slot = g_object_get_data (G_OBJECT (self->document), "raming-engine-ptr");
  if (slot != NULL)
    *slot = NULL;

  cancel_band (self);

  {
    GHashTableIter iter;
    gpointer measure, assumption;

    g_hash_table_iter_init (&iter, self->assumption_infos);
    while (g_hash_table_iter_next (&iter, &assumption, NULL))
      g_signal_handlers_disconnect_by_data (assumption, self->document);

    /* Measures can outlive their document (a window may hold one). */
    g_hash_table_iter_init (&iter, self->attached_measures);
    while (g_hash_table_iter_next (&iter, &measure, NULL))
      {
        measure_info_free (measure_info (measure));
        _raming_measure_set_engine_data (measure, NULL);
        for (guint c = 0; c < RAMING_N_COLUMNS; c++)
          cell_of (measure, c)->engine_info = NULL;
      }
  }
  g_hash_table_unref (self->attached_measures);
  g_ptr_array_unref (self->info_blocks);
  g_hash_table_unref (self->assumption_infos);
  g_ptr_array_unref (self->top);
  g_array_unref (self->dirty_leaves);
  for (guint k = 0; k < N_ACC; k++)
    g_free (self->tree[k]);
  g_free (self->leaf_dirty);
  g_hash_table_unref (self->assumptions_by_key);
  g_hash_table_unref (self->partners_by_id);
  g_hash_table_unref (self->dependents);
  g_hash_table_unref (self->unit_names);
  g_hash_table_unref (self->in_errors);
  g_clear_object (&self->errors);
  g_free (self);
}

/* Starts listening; until then a document can be built (by the loader)
 * without a single recomputation. */
void
_raming_engine_attach (RamingEngine *self)
{
  GListModel *assumptions = raming_document_get_assumptions (self->document);
  GListModel *partners = raming_document_get_partners (self->document);
  GListModel *measures = raming_document_get_measures (self->document);

  g_return_if_fail (!self->attached);

  self->attached = TRUE;

  g_signal_connect_object (assumptions, "items-changed",
                           G_CALLBACK (on_assumptions_changed), self->document, 0);
  g_signal_connect_object (partners, "items-changed",
                           G_CALLBACK (on_partners_changed), self->document, 0);
  g_signal_connect_object (measures, "items-changed",
                           G_CALLBACK (on_measures_changed), self->document, 0);
  g_signal_connect_object (self->document, "notify",
                           G_CALLBACK (on_document_notify), NULL, 0);

  for (guint i = 0; i < g_list_model_get_n_items (assumptions); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (assumptions, i);

      connect_assumption (self, a);
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RamingPartner) p = g_list_model_get_item (partners, i);

      g_signal_connect_object (p, "notify",
                               G_CALLBACK (trampoline_partner_notify), self->document, 0);
    }
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(RamingMeasure) m = g_list_model_get_item (measures, i);

      _raming_measure_clear_parent (m);
      connect_measure (self, m);
    }
  rebuild_top (self);

  _raming_engine_recalculate_all (self);
}

void
_raming_engine_recalculate_all (RamingEngine *self)
{
  GListModel *assumptions = raming_document_get_assumptions (self->document);
  gboolean frozen = self->band_frozen;

  if (!self->attached)
    return;

  /* Assumptions no longer in the document leave the error list here. */
  rebuild_tables (self);

  begin_pass (self);
  for (guint i = 0; i < g_list_model_get_n_items (assumptions); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (assumptions, i);

      set_state (self, assumption_info (self, a), STATE_PENDING);
    }
  for (guint i = 0; i < g_list_model_get_n_items (assumptions); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (assumptions, i);

      ensure_assumption (self, assumption_info (self, a), NULL);
    }

  for (guint i = 0; i < self->top->len; i++)
    {
      if (i + 2 < self->top->len)
        prefetch_object (self->top->pdata[i + 2]);
      recalculate_subtree (self, self->top->pdata[i]);
    }
  self->tree_stale = TRUE;

  self->band_frozen = TRUE;
  update_totals (self);
  self->band_frozen = frozen;
  schedule_band (self);
}

/* Exports need the band now, whether or not it runs in the background. */
void
_raming_engine_update_band (RamingEngine *self)
{
  if (self->band_dirty)
    update_band (self);
}

void
_raming_engine_set_band_async (RamingEngine *self,
                               gboolean      async)
{
  self->band_async = !!async;
}

GListModel *
_raming_engine_get_errors (RamingEngine *self)
{
  return G_LIST_MODEL (self->errors);
}

RamingAssumption *
_raming_engine_lookup_assumption (RamingEngine *self,
                                  const char   *key)
{
  AssumptionInfo *info = g_hash_table_lookup (self->assumptions_by_key, key);

  return info != NULL ? info->assumption : NULL;
}

RamingPartner *
_raming_engine_lookup_partner (RamingEngine *self,
                               const char   *id)
{
  return g_hash_table_lookup (self->partners_by_id, id);
}

RamingAssumption *
_raming_engine_get_role (RamingEngine         *self,
                         RamingAssumptionRole  role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (self->roles), NULL);
  return self->roles[role];
}
