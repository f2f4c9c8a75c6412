/* raming-document.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>
#include <math.h>
#include <string.h>

#include "raming-document-private.h"
#include "raming-enums.h"
#include "raming-private.h"
#include "raming-util.h"

/* One change the history can undo: a property set to a new value, or an
 * item put into or taken out of a list. */
typedef enum
{
  OP_PROPERTY,
  OP_INSERT,
  OP_REMOVE,
} OpKind;

typedef struct
{
  OpKind      kind;
  GObject    *object;     /* OP_PROPERTY: the object; else the item */
  GParamSpec *pspec;
  GValue      before;
  GValue      after;
  GListStore *store;
  guint       position;
} Op;

typedef struct
{
  char      *label;
  GPtrArray *ops;
} Step;

struct _RamingDocument
{
  GObject parent_instance;

  char           *title;
  char           *municipality;
  char           *note_title;
  char           *date;
  RamingLanguage  language;
  double          rounding;
  guint           uncertainty_seed;
  guint           uncertainty_samples;
  gboolean        show_national_total;
  gboolean        show_group_subtotals;

  GListStore     *sources;
  GListStore     *assumptions;
  GListStore     *measures;
  GListStore     *partners;
  GListStore     *actions;
  RamingTotals   *totals;
  RamingEngine   *engine;

  GFile          *file;
  char           *etag;

  GPtrArray      *undo;           /* Step */
  GPtrArray      *redo;           /* Step */
  Step           *open_step;
  guint           edit_depth;
  gboolean        replaying;
  gint            saved_depth;    /* undo->len when saved; -1: unreachable */
  gboolean        modified;
};

G_DEFINE_FINAL_TYPE (RamingDocument, raming_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (raming-document-error-quark, raming_document_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MUNICIPALITY,
  PROP_NOTE_TITLE,
  PROP_DATE,
  PROP_LANGUAGE,
  PROP_ROUNDING,
  PROP_UNCERTAINTY_SEED,
  PROP_UNCERTAINTY_SAMPLES,
  PROP_SHOW_NATIONAL_TOTAL,
  PROP_SHOW_GROUP_SUBTOTALS,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* See raming_document_set_default_band_in_background(). */
static gint default_band_in_background;

/* ------------------------------------------------------------------ */

static void
op_free (Op *op)
{
  g_clear_object (&op->object);
  g_clear_object (&op->store);
  if (G_IS_VALUE (&op->before))
    g_value_unset (&op->before);
  if (G_IS_VALUE (&op->after))
    g_value_unset (&op->after);
  g_free (op);
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  return step;
}

static void
update_history_state (RamingDocument *self,
                      gboolean        could_undo,
                      gboolean        could_redo)
{
  gboolean modified = (gint) self->undo->len != self->saved_depth;

  if (could_undo != (self->undo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
record (RamingDocument *self,
        Op             *op)
{
  gboolean could_undo = self->undo->len > 0;
  gboolean could_redo = self->redo->len > 0;

  if (self->replaying)
    {
      op_free (op);
      return;
    }

  if (self->open_step != NULL)
    {
      g_ptr_array_add (self->open_step->ops, op);
      return;
    }

  {
    Step *step = step_new (NULL);

    g_ptr_array_add (step->ops, op);
    g_ptr_array_add (self->undo, step);
  }

  /* A new edit after undoing makes the undone steps unreachable. */
  if (self->saved_depth > (gint) self->undo->len - 1 && self->redo->len > 0)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
  update_history_state (self, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
raming_document_begin_edit (RamingDocument *self,
                            const char     *label)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));

  if (self->edit_depth++ == 0)
    self->open_step = step_new (label);
}

void
raming_document_end_edit (RamingDocument *self)
{
  Step *step;
  gboolean could_undo, could_redo;

  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (self->edit_depth > 0);

  if (--self->edit_depth > 0)
    return;

  step = g_steal_pointer (&self->open_step);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  could_undo = self->undo->len > 0;
  could_redo = self->redo->len > 0;
  g_ptr_array_add (self->undo, step);
  if (self->saved_depth > (gint) self->undo->len - 1 && self->redo->len > 0)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
  update_history_state (self, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void relink_measures (RamingDocument *self,
                             GHashTable     *ids,
                             const char     *new_id);
static void rename_in_formulas (RamingDocument *self,
                                const char     *from,
                                const char     *to);

static gboolean
values_equal (const GValue *a,
              const GValue *b,
              GParamSpec   *pspec)
{
  /* g_param_values_cmp() calls NaN ("not given") equal to every number
   * and compares boxed values by address: neither is what an edit means. */
  if (G_VALUE_HOLDS_DOUBLE (a))
    return raming_double_equal (g_value_get_double (a), g_value_get_double (b));
  if (G_VALUE_HOLDS (a, RAMING_TYPE_CELL_INPUT))
    return raming_cell_input_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return (x == NULL || !x[0]) && (y == NULL || !y[0]);
      return g_strv_equal (x, y);
    }
  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *x = g_value_get_string (a);
      const char *y = g_value_get_string (b);

      return g_strcmp0 (x && *x ? x : NULL, y && *y ? y : NULL) == 0;
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

void
raming_document_edit_property (RamingDocument *self,
                               gpointer        object,
                               const char     *property,
                               const GValue   *value)
{
  GParamSpec *pspec;
  Op *op;

  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);
  g_return_if_fail (pspec->flags & G_PARAM_WRITABLE);

  op = g_new0 (Op, 1);
  op->kind = OP_PROPERTY;
  op->object = g_object_ref (object);
  op->pspec = pspec;
  g_value_init (&op->before, pspec->value_type);
  g_object_get_property (object, property, &op->before);
  g_value_init (&op->after, pspec->value_type);
  g_value_transform (value, &op->after);

  if (values_equal (&op->before, &op->after, pspec))
    {
      /* Setting what is there already is not an edit. */
      op_free (op);
      return;
    }

  if (RAMING_IS_MEASURE (object) && g_str_equal (pspec->name, "id") &&
      g_value_get_string (&op->before) != NULL)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *old_id = g_value_dup_string (&op->before);
      g_autofree char *new_id = g_value_dup_string (&op->after);

      raming_document_begin_edit (self, NULL);
      g_object_set_property (object, property, &op->after);
      record (self, op);
      g_hash_table_add (ids, old_id);
      relink_measures (self, ids, new_id);
      raming_document_end_edit (self);
      return;
    }
  if (RAMING_IS_ASSUMPTION (object) && g_str_equal (pspec->name, "key") &&
      g_value_get_string (&op->before) != NULL && g_value_get_string (&op->after) != NULL)
    {
      g_autofree char *old_key = g_value_dup_string (&op->before);
      g_autofree char *new_key = g_value_dup_string (&op->after);

      raming_document_begin_edit (self, NULL);
      g_object_set_property (object, property, &op->after);
      record (self, op);
      rename_in_formulas (self, old_key, new_key);
      raming_document_end_edit (self);
      return;
    }
  if (RAMING_IS_SOURCE (object) && g_str_equal (pspec->name, "id"))
    g_critical ("%s: the id of a source is fixed once it is cited", G_STRFUNC);

  /* What the change sets off (a language rewrites the formulas) goes into
   * the same step. */
  raming_document_begin_edit (self, NULL);
  g_object_set_property (object, property, &op->after);
  record (self, op);
  raming_document_end_edit (self);
}

void
raming_document_edit (RamingDocument *self,
                      gpointer        object,
                      const char     *first_property,
                      ...)
{
  va_list args;
  const char *name = first_property;

  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_OBJECT (object));

  raming_document_begin_edit (self, NULL);
  va_start (args, first_property);
  while (name != NULL)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s: no property “%s” on %s", G_STRFUNC, name, G_OBJECT_TYPE_NAME (object));
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          break;
        }
      raming_document_edit_property (self, object, name, &value);
      name = va_arg (args, const char *);
    }
  va_end (args);
  raming_document_end_edit (self);
}

static GListStore *
store_of (GListModel *list)
{
  g_return_val_if_fail (G_IS_LIST_STORE (list), NULL);
  return G_LIST_STORE (list);
}

void
raming_document_insert_item (RamingDocument *self,
                             GListModel     *list,
                             guint           position,
                             gpointer        item)
{
  GListStore *store;
  Op *op;

  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_OBJECT (item));
  if (!(store = store_of (list)))
    return;
  g_return_if_fail (position <= g_list_model_get_n_items (list));

  op = g_new0 (Op, 1);
  op->kind = OP_INSERT;
  op->object = g_object_ref (item);
  op->store = g_object_ref (store);
  op->position = position;

  g_list_store_insert (store, position, item);
  record (self, op);
}

static void
remove_item_raw (RamingDocument *self,
                 GListModel     *list,
                 guint           position)
{
  GListStore *store;
  Op *op;

  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  if (!(store = store_of (list)))
    return;
  g_return_if_fail (position < g_list_model_get_n_items (list));

  op = g_new0 (Op, 1);
  op->kind = OP_REMOVE;
  op->object = g_list_model_get_item (list, position);
  op->store = g_object_ref (store);
  op->position = position;

  g_list_store_remove (store, position);
  record (self, op);
}

void
raming_document_move_item (RamingDocument *self,
                           GListModel     *from,
                           guint           from_position,
                           GListModel     *to,
                           guint           to_position)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (from_position < g_list_model_get_n_items (from));

  item = g_list_model_get_item (from, from_position);
  raming_document_begin_edit (self, NULL);
  remove_item_raw (self, from, from_position);
  raming_document_insert_item (self, to, MIN (to_position, g_list_model_get_n_items (to)), item);
  raming_document_end_edit (self);
}

static void
collect_measure_ids (RamingMeasure *measure,
                     GHashTable    *ids)
{
  GListModel *children = raming_measure_get_children (measure);

  if (raming_measure_get_id (measure) != NULL)
    g_hash_table_add (ids, (gpointer) raming_measure_get_id (measure));
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(RamingMeasure) child = g_list_model_get_item (children, i);

      collect_measure_ids (child, ids);
    }
}

/* Partners and actions name the measures they serve; when those ids go
 * or change, the links follow, so that a saved file never points at a
 * measure that is not there (the loader would refuse it). */
static void
relink_measures (RamingDocument *self,
                 GHashTable     *ids,
                 const char     *new_id)
{
  GListModel *lists[] = { G_LIST_MODEL (self->partners), G_LIST_MODEL (self->actions) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_auto(GStrv) measures = NULL;
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) updated = NULL;
        gboolean changed = FALSE;

        g_object_get (item, "measures", &measures, NULL);
        for (guint m = 0; measures != NULL && measures[m] != NULL; m++)
          {
            if (!g_hash_table_contains (ids, measures[m]))
              g_strv_builder_add (builder, measures[m]);
            else
              {
                changed = TRUE;
                if (new_id != NULL)
                  g_strv_builder_add (builder, new_id);
              }
          }
        if (!changed)
          continue;
        updated = g_strv_builder_end (builder);
        raming_document_edit (self, item, "measures", updated, NULL);
      }
}

static void
clear_source_in_input (RamingDocument *self,
                       gpointer        object,
                       const char     *property,
                       const char     *source)
{
  g_autoptr(RamingCellInput) input = NULL;
  g_autoptr(RamingCellInput) cleared = NULL;

  g_object_get (object, property, &input, NULL);
  if (input == NULL || g_strcmp0 (raming_cell_input_get_source (input), source) != 0)
    return;
  cleared = raming_cell_input_copy_with_meta (input, NULL, NULL, raming_cell_input_get_note (input));
  raming_document_edit (self, object, property, cleared, NULL);
}

static void
clear_source_in (RamingDocument *self,
                 gpointer        object,
                 const char     *source)
{
  g_autofree char *value = NULL;

  g_object_get (object, "source", &value, NULL);
  if (g_strcmp0 (value, source) == 0)
    raming_document_edit (self, object, "source", NULL, "page", NULL, NULL);
}

static void
clear_source_in_measure (gpointer item,
                         gpointer user_data)
{
  gpointer *data = user_data;
  RamingDocument *self = data[0];
  const char *source = data[1];
  GListModel *estimates = raming_measure_get_estimates (item);
  GListModel *results = raming_measure_get_results (item);

  clear_source_in (self, item, source);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    clear_source_in_input (self, item, raming_column_to_property (c), source);
  for (guint i = 0; i < g_list_model_get_n_items (estimates); i++)
    {
      g_autoptr(GObject) e = g_list_model_get_item (estimates, i);

      clear_source_in (self, e, source);
    }
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(GObject) r = g_list_model_get_item (results, i);

      clear_source_in (self, r, source);
    }
}

/* A source that goes takes its citations with it. */
static void
unlink_source (RamingDocument *self,
               const char     *source)
{
  GListModel *lists[] = {
    G_LIST_MODEL (self->assumptions), G_LIST_MODEL (self->partners), G_LIST_MODEL (self->actions),
  };
  gpointer data[2] = { self, (gpointer) source };

  if (source == NULL)
    return;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);

        clear_source_in (self, item, source);
      }
  raming_document_foreach_measure (self, clear_source_in_measure, data);
}

/* Removing a measure (with the measures of a group) also removes the links
 * of partners and actions to it, in the same undoable step; removing a
 * source removes the citations of it. */
void
raming_document_remove_item (RamingDocument *self,
                             GListModel     *list,
                             guint           position)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (list));
  g_return_if_fail (position < g_list_model_get_n_items (list));

  item = g_list_model_get_item (list, position);
  raming_document_begin_edit (self, NULL);
  remove_item_raw (self, list, position);
  if (RAMING_IS_MEASURE (item))
    {
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

      collect_measure_ids (RAMING_MEASURE (item), ids);
      relink_measures (self, ids, NULL);
    }
  else if (RAMING_IS_SOURCE (item))
    unlink_source (self, raming_source_get_id (RAMING_SOURCE (item)));
  raming_document_end_edit (self);
}

static void
apply_op (Op       *op,
          gboolean  forward)
{
  switch (op->kind)
    {
    case OP_PROPERTY:
      g_object_set_property (op->object, op->pspec->name, forward ? &op->after : &op->before);
      break;

    case OP_INSERT:
    case OP_REMOVE:
      if ((op->kind == OP_INSERT) == forward)
        g_list_store_insert (op->store, op->position, op->object);
      else
        g_list_store_remove (op->store, op->position);
      break;

    default:
      g_assert_not_reached ();
    }
}

gboolean
raming_document_undo (RamingDocument *self)
{
  Step *step;
  gboolean could_undo, could_redo;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->open_step == NULL, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  could_undo = TRUE;
  could_redo = self->redo->len > 0;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);

  self->replaying = TRUE;
  for (guint i = step->ops->len; i-- > 0;)
    apply_op (step->ops->pdata[i], FALSE);
  self->replaying = FALSE;

  g_ptr_array_add (self->redo, step);
  update_history_state (self, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
raming_document_redo (RamingDocument *self)
{
  Step *step;
  gboolean could_undo, could_redo;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->open_step == NULL, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  could_undo = self->undo->len > 0;
  could_redo = TRUE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);

  self->replaying = TRUE;
  for (guint i = 0; i < step->ops->len; i++)
    apply_op (step->ops->pdata[i], TRUE);
  self->replaying = FALSE;

  g_ptr_array_add (self->undo, step);
  update_history_state (self, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
raming_document_get_can_undo (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
raming_document_get_can_redo (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  return self->redo->len > 0;
}

const char *
raming_document_get_undo_label (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((Step *) self->undo->pdata[self->undo->len - 1])->label;
}

const char *
raming_document_get_redo_label (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((Step *) self->redo->pdata[self->redo->len - 1])->label;
}

gboolean
raming_document_get_modified (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/* Marks the current state as saved (FALSE), or as differing from what is
 * on disk whatever the history says (TRUE, e.g. a recovered draft). */
void
raming_document_set_modified (RamingDocument *self,
                              gboolean        modified)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));

  self->saved_depth = modified ? -1 : (gint) self->undo->len;
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/* ------------------------------------------------------------------ */

/* What a formula-holding input becomes, or %NULL to leave it. */
typedef RamingCellInput *(*InputMap) (RamingCellInput *input,
                                      gpointer         data);

typedef struct
{
  RamingDocument *document;
  InputMap        map;
  gpointer        data;
} MapInputs;

static void
map_input (MapInputs  *m,
           gpointer    object,
           const char *property)
{
  g_autoptr(RamingCellInput) input = NULL;
  g_autoptr(RamingCellInput) mapped = NULL;

  g_object_get (object, property, &input, NULL);
  if (input == NULL)
    return;
  mapped = m->map (input, m->data);
  if (mapped != NULL)
    raming_document_edit (m->document, object, property, mapped, NULL);
}

static void
map_measure_inputs (gpointer item,
                    gpointer user_data)
{
  GListModel *results = raming_measure_get_results (item);

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    map_input (user_data, item, raming_column_to_property (c));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(RamingResultEntry) entry = g_list_model_get_item (results, i);

      map_input (user_data, entry, "input");
    }
}

/* Edits every input that can hold a formula — the assumptions' values,
 * the figures of the measures (with their ranges) and their results —
 * into what @map makes of it. */
static void
map_formula_inputs (RamingDocument *self,
                    InputMap        map,
                    gpointer        data)
{
  MapInputs m = { self, map, data };

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->assumptions)); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (G_LIST_MODEL (self->assumptions), i);

      map_input (&m, a, "input");
    }
  raming_document_foreach_measure (self, map_measure_inputs, &m);
}

typedef struct
{
  RamingLanguage from;
  RamingLanguage to;
} Relanguage;

static RamingCellInput *
relanguage_input (RamingCellInput *input,
                  gpointer         data)
{
  Relanguage *r = data;

  return raming_cell_input_relanguage (input, r->from, r->to);
}

typedef struct
{
  const char     *from;
  const char     *to;
  RamingLanguage  language;
} Rename;

static RamingCellInput *
rename_input (RamingCellInput *input,
              gpointer         data)
{
  Rename *r = data;

  return raming_cell_input_rename (input, r->from, r->to, r->language);
}

/* An assumption's new key: every formula that named the old one names the
 * new one, in the same step as the key itself (one undo puts all back). */
static void
rename_in_formulas (RamingDocument *self,
                    const char     *from,
                    const char     *to)
{
  Rename r = { from, to, self->language };

  map_formula_inputs (self, rename_input, &r);
}

/* Rewrites every formula first, so that "0,89%" keeps its meaning. The
 * rewritten inputs are recorded in the same step as the language itself
 * (see raming_document_edit_property()); undo and redo put them back
 * from there exactly as they were, so here they are left alone. */
static void
apply_language (RamingDocument *self,
                RamingLanguage  language)
{
  if (self->language == language)
    return;

  if (!self->replaying)
    {
      Relanguage r = { self->language, language };

      map_formula_inputs (self, relanguage_input, &r);
    }

  self->language = language;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* An edit like any other: it can be undone and marks the document
 * modified, as the file changes. */
void
raming_document_set_language (RamingDocument *self,
                              RamingLanguage  language)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));

  raming_document_edit (self, self, "language", language, NULL);
}

static void
raming_document_dispose (GObject *object)
{
  RamingDocument *self = (RamingDocument *) object;

  g_clear_pointer (&self->engine, _raming_engine_free);
  if (self->undo != NULL)
    g_ptr_array_set_size (self->undo, 0);
  if (self->redo != NULL)
    g_ptr_array_set_size (self->redo, 0);

  G_OBJECT_CLASS (raming_document_parent_class)->dispose (object);
}

static void
raming_document_finalize (GObject *object)
{
  RamingDocument *self = (RamingDocument *) object;

  g_free (self->title);
  g_free (self->municipality);
  g_free (self->note_title);
  g_free (self->date);
  g_clear_object (&self->sources);
  g_clear_object (&self->assumptions);
  g_clear_object (&self->measures);
  g_clear_object (&self->partners);
  g_clear_object (&self->actions);
  g_clear_object (&self->totals);
  g_clear_object (&self->file);
  g_free (self->etag);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open_step, step_free);

  G_OBJECT_CLASS (raming_document_parent_class)->finalize (object);
}

static void
raming_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RamingDocument *self = RAMING_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_MUNICIPALITY: g_value_set_string (value, self->municipality); break;
    case PROP_NOTE_TITLE: g_value_set_string (value, self->note_title); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_LANGUAGE: g_value_set_enum (value, self->language); break;
    case PROP_ROUNDING: g_value_set_double (value, self->rounding); break;
    case PROP_UNCERTAINTY_SEED: g_value_set_uint (value, self->uncertainty_seed); break;
    case PROP_UNCERTAINTY_SAMPLES: g_value_set_uint (value, self->uncertainty_samples); break;
    case PROP_SHOW_NATIONAL_TOTAL: g_value_set_boolean (value, self->show_national_total); break;
    case PROP_SHOW_GROUP_SUBTOTALS: g_value_set_boolean (value, self->show_group_subtotals); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_MODIFIED: g_value_set_boolean (value, self->modified); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, self->undo->len > 0); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, self->redo->len > 0); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string_prop (RamingDocument  *self,
                 char           **field,
                 guint            prop_id,
                 const char      *value)
{
  if (raming_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_value_prop (RamingDocument *self,
                gpointer        field,
                gsize           size,
                guint           prop_id,
                gconstpointer   value)
{
  if (memcmp (field, value, size) == 0)
    return;
  memcpy (field, value, size);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
raming_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RamingDocument *self = RAMING_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_string_prop (self, &self->title, prop_id, g_value_get_string (value));
      break;
    case PROP_MUNICIPALITY:
      set_string_prop (self, &self->municipality, prop_id, g_value_get_string (value));
      break;
    case PROP_NOTE_TITLE:
      set_string_prop (self, &self->note_title, prop_id, g_value_get_string (value));
      break;
    case PROP_DATE:
      set_string_prop (self, &self->date, prop_id, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      apply_language (self, g_value_get_enum (value));
      break;
    case PROP_ROUNDING:
      {
        double v = g_value_get_double (value);

        set_value_prop (self, &self->rounding, sizeof v, prop_id, &v);
      }
      break;
    case PROP_UNCERTAINTY_SEED:
      {
        guint v = g_value_get_uint (value);

        set_value_prop (self, &self->uncertainty_seed, sizeof v, prop_id, &v);
      }
      break;
    case PROP_UNCERTAINTY_SAMPLES:
      {
        guint v = g_value_get_uint (value);

        set_value_prop (self, &self->uncertainty_samples, sizeof v, prop_id, &v);
      }
      break;
    case PROP_SHOW_NATIONAL_TOTAL:
      {
        gboolean v = g_value_get_boolean (value);

        set_value_prop (self, &self->show_national_total, sizeof v, prop_id, &v);
      }
      break;
    case PROP_SHOW_GROUP_SUBTOTALS:
      {
        gboolean v = g_value_get_boolean (value);

        set_value_prop (self, &self->show_group_subtotals, sizeof v, prop_id, &v);
      }
      break;
    case PROP_FILE:
      raming_document_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_document_class_init (RamingDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = raming_document_dispose;
  object_class->finalize = raming_document_finalize;
  object_class->get_property = raming_document_get_property;
  object_class->set_property = raming_document_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_MUNICIPALITY] = g_param_spec_string ("municipality", NULL, NULL, NULL, rw);
  properties[PROP_NOTE_TITLE] = g_param_spec_string ("note-title", NULL, NULL, NULL, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGE] = g_param_spec_enum ("language", NULL, NULL, RAMING_TYPE_LANGUAGE,
                                                 RAMING_LANGUAGE_NL, rw);
  properties[PROP_ROUNDING] = g_param_spec_double ("rounding", NULL, NULL, 0, 1e9, 1000, rw);
  properties[PROP_UNCERTAINTY_SEED] = g_param_spec_uint ("uncertainty-seed", NULL, NULL,
                                                         0, G_MAXUINT32, 1, rw);
  properties[PROP_UNCERTAINTY_SAMPLES] = g_param_spec_uint ("uncertainty-samples", NULL, NULL,
                                                            0, 1000000, 10000, rw);
  properties[PROP_SHOW_NATIONAL_TOTAL] = g_param_spec_boolean ("show-national-total", NULL, NULL,
                                                               FALSE, rw);
  properties[PROP_SHOW_GROUP_SUBTOTALS] = g_param_spec_boolean ("show-group-subtotals", NULL, NULL,
                                                                FALSE, rw);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every edit, undo and redo: what autosave listens to. */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
raming_document_init (RamingDocument *self)
{
  self->language = RAMING_LANGUAGE_NL;
  self->rounding = 1000;
  self->uncertainty_seed = 1;
  self->uncertainty_samples = 10000;
  self->sources = g_list_store_new (RAMING_TYPE_SOURCE);
  self->assumptions = g_list_store_new (RAMING_TYPE_ASSUMPTION);
  self->measures = g_list_store_new (RAMING_TYPE_MEASURE);
  self->partners = g_list_store_new (RAMING_TYPE_PARTNER);
  self->actions = g_list_store_new (RAMING_TYPE_ACTION);
  self->totals = _raming_totals_new ();
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->engine = _raming_engine_new (self);
  if (g_atomic_int_get (&default_band_in_background))
    _raming_engine_set_band_async (self->engine, TRUE);
}

/* Built but not yet live: the loader fills it, then starts the engine. */
RamingDocument *
_raming_document_new_detached (void)
{
  return g_object_new (RAMING_TYPE_DOCUMENT, NULL);
}

void
_raming_document_go_live (RamingDocument *self)
{
  _raming_engine_attach (self->engine);
}

RamingDocument *
raming_document_new (void)
{
  RamingDocument *self = _raming_document_new_detached ();

  _raming_document_go_live (self);
  return self;
}

/* A new, empty analysis with the assumptions every analysis needs. */
RamingDocument *
raming_document_new_standard (RamingLanguage language)
{
  RamingDocument *self = _raming_document_new_detached ();
  g_autoptr(RamingAssumption) macro = NULL;
  g_autoptr(RamingAssumption) target = NULL;
  gboolean dutch = language == RAMING_LANGUAGE_NL;

  self->language = language;

  macro = raming_assumption_new (dutch ? "macro_aandeel" : "macro_share", 0.01);
  raming_assumption_set_label (macro, dutch ? "Aandeel in het landelijke macrobudget jeugd"
                                            : "Share of the national youth budget");
  raming_assumption_set_unit (macro, RAMING_UNIT_PERCENT);
  raming_assumption_set_role (macro, RAMING_ASSUMPTION_ROLE_MACRO_SHARE);
  raming_assumption_set_status (macro, RAMING_ASSUMPTION_PROVISIONAL);
  g_list_store_append (self->assumptions, macro);

  target = raming_assumption_new (dutch ? "besparingsopgave" : "savings_target", 0);
  raming_assumption_set_label (target, dutch ? "Besparingsopgave jeugd" : "Savings target for youth");
  raming_assumption_set_unit (target, RAMING_UNIT_EURO);
  raming_assumption_set_role (target, RAMING_ASSUMPTION_ROLE_SAVINGS_TARGET);
  raming_assumption_set_status (target, RAMING_ASSUMPTION_PROVISIONAL);
  g_list_store_append (self->assumptions, target);

  _raming_document_go_live (self);
  return self;
}

/* ------------------------------------------------------------------ */

#define STRING_GETTER(name)                                             \
  const char *                                                          \
  raming_document_get_##name (RamingDocument *self)                     \
  {                                                                     \
    g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);             \
    return self->name;                                                  \
  }

STRING_GETTER (title)
STRING_GETTER (municipality)
STRING_GETTER (note_title)
STRING_GETTER (date)

RamingLanguage
raming_document_get_language (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), RAMING_LANGUAGE_NL);
  return self->language;
}

double
raming_document_get_rounding (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), 1000);
  return self->rounding;
}

guint
raming_document_get_uncertainty_seed (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), 0);
  return self->uncertainty_seed;
}

guint
raming_document_get_uncertainty_samples (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), 0);
  return self->uncertainty_samples;
}

gboolean
raming_document_get_show_national_total (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  return self->show_national_total;
}

gboolean
raming_document_get_show_group_subtotals (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  return self->show_group_subtotals;
}

GFile *
raming_document_get_file (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
raming_document_set_file (RamingDocument *self,
                          GFile          *file)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * raming_document_get_file_etag:
 *
 * What the document's file was (its GIO entity tag) when the document
 * last read or wrote it. A save with the check for changes on disk is
 * refused when the file no longer has it. A draft keeps it, so that a
 * restored draft still notices what others saved meanwhile.
 *
 * Returns: (nullable): the entity tag, or %NULL when not known
 */
const char *
raming_document_get_file_etag (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return self->etag;
}

void
raming_document_set_file_etag (RamingDocument *self,
                               const char     *etag)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  raming_set_str (&self->etag, etag);
}

const char *
_raming_document_get_etag (RamingDocument *self)
{
  return self->etag;
}

void
_raming_document_set_etag (RamingDocument *self,
                           const char     *etag)
{
  raming_set_str (&self->etag, etag);
}

GListModel *
raming_document_get_sources (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->sources);
}

GListModel *
raming_document_get_assumptions (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->assumptions);
}

GListModel *
raming_document_get_measures (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->measures);
}

GListModel *
raming_document_get_partners (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->partners);
}

GListModel *
raming_document_get_actions (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->actions);
}

RamingTotals *
raming_document_get_totals (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return self->totals;
}

/* In the window the Monte Carlo band is drawn in a worker thread after
 * each burst of edits, so that a large analysis never blocks typing;
 * totals say "band-pending" meanwhile. Without it (tests, the command
 * line) the band is drawn before an edit returns. */
void
raming_document_set_band_in_background (RamingDocument *self,
                                        gboolean        background)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  _raming_engine_set_band_async (self->engine, background);
}

/* Whether documents made or loaded from now on draw their band in the
 * background (see raming_document_set_band_in_background()) from the
 * start. The window sets this once at start-up, so that opening a large
 * analysis does not wait for its first band: that band is then drawn in a
 * worker thread once the main loop is idle. The default, FALSE, keeps
 * tests and the command line synchronous. */
void
raming_document_set_default_band_in_background (gboolean background)
{
  g_atomic_int_set (&default_band_in_background, !!background);
}

gboolean
raming_document_get_default_band_in_background (void)
{
  return g_atomic_int_get (&default_band_in_background);
}

/* Brings the band up to date now, for an export or a print. */
void
raming_document_ensure_band (RamingDocument *self)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  _raming_engine_update_band (self->engine);
}

/* Cells and assumptions that are in error right now, in the order they
 * went wrong; items are RamingCell or RamingAssumption. */
GListModel *
raming_document_get_errors (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return _raming_engine_get_errors (self->engine);
}

static gpointer
find_by_string (GListModel *model,
                const char *property,
                const char *value)
{
  if (value == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *v = NULL;

      g_object_get (item, property, &v, NULL);
      if (g_strcmp0 (v, value) == 0)
        return item;
    }
  return NULL;
}

RamingAssumption *
raming_document_find_assumption (RamingDocument *self,
                                 const char     *key)
{
  RamingAssumption *found;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((found = _raming_engine_lookup_assumption (self->engine, key)))
    return found;
  return find_by_string (G_LIST_MODEL (self->assumptions), "key", key);
}

RamingPartner *
raming_document_find_partner (RamingDocument *self,
                              const char     *id)
{
  RamingPartner *found;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((found = _raming_engine_lookup_partner (self->engine, id)))
    return found;
  return find_by_string (G_LIST_MODEL (self->partners), "id", id);
}

RamingSource *
raming_document_find_source (RamingDocument *self,
                             const char     *id)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return find_by_string (G_LIST_MODEL (self->sources), "id", id);
}

static RamingMeasure *
find_measure_in (GListModel *model,
                 const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RamingMeasure) m = g_list_model_get_item (model, i);
      RamingMeasure *found;

      if (g_strcmp0 (raming_measure_get_id (m), id) == 0)
        return m;
      if (_raming_measure_n_children (m) > 0 &&
          (found = find_measure_in (raming_measure_get_children (m), id)))
        return found;
    }
  return NULL;
}

RamingMeasure *
raming_document_find_measure (RamingDocument *self,
                              const char     *id)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  if (id == NULL)
    return NULL;
  return find_measure_in (G_LIST_MODEL (self->measures), id);
}

RamingAssumption *
raming_document_get_macro_share (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return _raming_engine_get_role (self->engine, RAMING_ASSUMPTION_ROLE_MACRO_SHARE);
}

RamingAssumption *
raming_document_get_savings_target (RamingDocument *self)
{
  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);
  return _raming_engine_get_role (self->engine, RAMING_ASSUMPTION_ROLE_SAVINGS_TARGET);
}

static void
foreach_in (GListModel *model,
            GFunc       func,
            gpointer    user_data)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RamingMeasure) m = g_list_model_get_item (model, i);

      func (m, user_data);
      if (_raming_measure_n_children (m) > 0)
        foreach_in (raming_measure_get_children (m), func, user_data);
    }
}

/* Every measure in table order: a group, then its measures. */
void
raming_document_foreach_measure (RamingDocument *self,
                                 GFunc           func,
                                 gpointer        user_data)
{
  g_return_if_fail (RAMING_IS_DOCUMENT (self));
  g_return_if_fail (func != NULL);

  foreach_in (G_LIST_MODEL (self->measures), func, user_data);
}

char *
raming_document_make_measure_id (RamingDocument *self,
                                 const char     *title)
{
  g_autofree char *base = NULL;
  char *id;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);

  base = raming_make_identifier (title != NULL && *title ? title : "maatregel");
  id = g_strdup (base);
  for (guint n = 2; raming_document_find_measure (self, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s_%u", base, n);
    }
  return id;
}

/* Unknown members of any object, kept for the next save. */
JsonObject *
_raming_get_extra (gpointer object)
{
  return g_object_get_data (G_OBJECT (object), "raming-extra");
}

void
_raming_set_extra (gpointer    object,
                   JsonObject *extra)
{
  g_object_set_data_full (G_OBJECT (object), "raming-extra",
                          extra != NULL ? json_object_ref (extra) : NULL,
                          (GDestroyNotify) json_object_unref);
}
