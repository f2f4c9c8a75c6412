/* raming-measure.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "raming-estimate.h"
#include "raming-measure.h"
#include "raming-private.h"
#include "raming-result-entry.h"
#include "raming-util.h"


G_DEFINE_FINAL_TYPE (RamingMeasure, raming_measure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_IS_GROUP,
  PROP_NOTE,
  PROP_FOOTNOTE,
  PROP_SOURCE,
  PROP_PAGE,
  PROP_NATIONAL,
  PROP_RESULT,
  PROP_ORIGINAL,
  PROP_REALISTIC,
  PROP_CHILDREN,
  PROP_ESTIMATES,
  PROP_RESULTS,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *column_properties[RAMING_N_COLUMNS] = {
  "national", "result", "original", "realistic",
};

const char *
raming_column_to_property (RamingColumn column)
{
  g_return_val_if_fail (column < RAMING_N_COLUMNS, NULL);
  return column_properties[column];
}

static void
on_children_items_changed (GListModel    *model,
                           guint          position,
                           guint          removed,
                           guint          added,
                           RamingMeasure *self)
{
  g_assert (position + removed <= self->child_array->len);

  for (guint i = position; i < position + removed; i++)
    {
      RamingMeasure *child = g_ptr_array_index (self->child_array, i);

      /* A measure moved to another group may have arrived there first. */
      if (child->parent == self)
        child->parent = NULL;
    }
  if (removed > 0)
    g_ptr_array_remove_range (self->child_array, position, removed);

  for (guint i = position; i < position + added; i++)
    {
      RamingMeasure *child = g_list_model_get_item (model, i);

      child->parent = self;
      g_ptr_array_insert (self->child_array, i, child);
    }

  if (self->engine_data != NULL)
    _raming_engine_children_changed (self->engine_data, model, position, removed, added);
}

/* Keeps an array in step with a list of estimates or result entries,
 * telling each item which measure holds it. */
static void
mirror_items (GPtrArray  *array,
              GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              gpointer    owner,
              void      (*set_owner) (gpointer item, gpointer owner))
{
  g_assert (position + removed <= array->len);

  for (guint i = position; i < position + removed; i++)
    set_owner (g_ptr_array_index (array, i), NULL);
  if (removed > 0)
    g_ptr_array_remove_range (array, position, removed);
  for (guint i = position; i < position + added; i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      set_owner (item, owner);
      g_ptr_array_insert (array, i, item);
    }
}

static void
on_estimates_items_changed (GListModel    *model,
                            guint          position,
                            guint          removed,
                            guint          added,
                            RamingMeasure *self)
{
  mirror_items (self->estimate_array, model, position, removed, added, self,
                (void (*) (gpointer, gpointer)) _raming_estimate_set_owner);
  if (self->engine_data != NULL)
    _raming_engine_estimates_changed (self->engine_data);
}

static void
on_results_items_changed (GListModel    *model,
                          guint          position,
                          guint          removed,
                          guint          added,
                          RamingMeasure *self)
{
  mirror_items (self->result_array, model, position, removed, added, self,
                (void (*) (gpointer, gpointer)) _raming_result_entry_set_owner);
  if (self->engine_data != NULL)
    _raming_engine_results_changed (self->engine_data, TRUE);
}

/* The handler is connected first, and without a closure watching the
 * measure (g_signal_connect_object): it is disconnected in dispose. Items
 * the loader put in the array before there was a store go into it. */
static GListStore *
make_store (RamingMeasure  *self,
            GType           item_type,
            GPtrArray     **array,
            GCallback       on_items_changed)
{
  GListStore *store = g_list_store_new (item_type);

  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (g_object_unref);
  else if ((*array)->len > 0)
    g_list_store_splice (store, 0, 0, (*array)->pdata, (*array)->len);
  g_signal_connect (store, "items-changed", on_items_changed, self);
  return store;
}

/* For the loader: an estimate or result entry added at the end, without
 * making the list's store (most are never asked for). */
void
_raming_measure_add_estimate (RamingMeasure  *self,
                              RamingEstimate *estimate)
{
  if (self->estimates != NULL)
    {
      g_list_store_append (self->estimates, estimate);
      return;
    }
  if (self->estimate_array == NULL)
    self->estimate_array = g_ptr_array_new_with_free_func (g_object_unref);
  _raming_estimate_set_owner (estimate, self);
  g_ptr_array_add (self->estimate_array, g_object_ref (estimate));
  if (self->engine_data != NULL)
    _raming_engine_estimates_changed (self->engine_data);
}

void
_raming_measure_add_result (RamingMeasure     *self,
                            RamingResultEntry *entry)
{
  if (self->results != NULL)
    {
      g_list_store_append (self->results, entry);
      return;
    }
  if (self->result_array == NULL)
    self->result_array = g_ptr_array_new_with_free_func (g_object_unref);
  _raming_result_entry_set_owner (entry, self);
  g_ptr_array_add (self->result_array, g_object_ref (entry));
  if (self->engine_data != NULL)
    _raming_engine_results_changed (self->engine_data, TRUE);
}

static GListStore *
children_store (RamingMeasure *self)
{
  if (self->children == NULL)
    self->children = make_store (self, RAMING_TYPE_MEASURE, &self->child_array,
                                 G_CALLBACK (on_children_items_changed));
  return self->children;
}

static GListStore *
estimates_store (RamingMeasure *self)
{
  if (self->estimates == NULL)
    self->estimates = make_store (self, RAMING_TYPE_ESTIMATE, &self->estimate_array,
                                  G_CALLBACK (on_estimates_items_changed));
  return self->estimates;
}

static GListStore *
results_store (RamingMeasure *self)
{
  if (self->results == NULL)
    self->results = make_store (self, RAMING_TYPE_RESULT_ENTRY, &self->result_array,
                                G_CALLBACK (on_results_items_changed));
  return self->results;
}

void
_raming_measure_estimate_changed (RamingMeasure *self)
{
  if (self->engine_data != NULL)
    _raming_engine_estimates_changed (self->engine_data);
}

void
_raming_measure_result_changed (RamingMeasure *self)
{
  if (self->engine_data != NULL)
    _raming_engine_results_changed (self->engine_data, TRUE);
}

static void
raming_measure_dispose (GObject *object)
{
  RamingMeasure *self = (RamingMeasure *) object;

  if (self->children != NULL)
    {
      g_list_store_remove_all (self->children);
      g_signal_handlers_disconnect_by_data (self->children, self);
    }
  /* The store may outlive the measure (someone holds the list model):
   * its items then no longer belong to a measure. */
  if (self->estimates != NULL)
    g_signal_handlers_disconnect_by_data (self->estimates, self);
  if (self->estimate_array != NULL)
    {
      for (guint i = 0; i < self->estimate_array->len; i++)
        _raming_estimate_set_owner (self->estimate_array->pdata[i], NULL);
      g_ptr_array_set_size (self->estimate_array, 0);
    }
  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (self->results, self);
  if (self->result_array != NULL)
    {
      for (guint i = 0; i < self->result_array->len; i++)
        _raming_result_entry_set_owner (self->result_array->pdata[i], NULL);
      g_ptr_array_set_size (self->result_array, 0);
    }

  G_OBJECT_CLASS (raming_measure_parent_class)->dispose (object);
}

static void
raming_measure_finalize (GObject *object)
{
  RamingMeasure *self = (RamingMeasure *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->note);
  g_free (self->footnote);
  g_free (self->source);
  g_free (self->page);
  for (guint i = 0; i < RAMING_N_COLUMNS; i++)
    {
      g_clear_pointer (&self->inputs[i], raming_cell_input_unref);
      _raming_cell_detach (self->cells[i]);
      g_clear_object (&self->cells[i]);
    }
  g_clear_object (&self->children);
  g_clear_object (&self->estimates);
  g_clear_object (&self->results);
  g_clear_pointer (&self->child_array, g_ptr_array_unref);
  g_clear_pointer (&self->estimate_array, g_ptr_array_unref);
  g_clear_pointer (&self->result_array, g_ptr_array_unref);

  G_OBJECT_CLASS (raming_measure_parent_class)->finalize (object);
}

static void
raming_measure_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RamingMeasure *self = RAMING_MEASURE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_IS_GROUP: g_value_set_boolean (value, self->is_group); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_FOOTNOTE: g_value_set_string (value, self->footnote); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_PAGE: g_value_set_string (value, self->page); break;
    case PROP_NATIONAL:
    case PROP_RESULT:
    case PROP_ORIGINAL:
    case PROP_REALISTIC:
      g_value_set_boxed (value, self->inputs[prop_id - PROP_NATIONAL]);
      break;
    case PROP_CHILDREN: g_value_set_object (value, children_store (self)); break;
    case PROP_ESTIMATES: g_value_set_object (value, estimates_store (self)); break;
    case PROP_RESULTS: g_value_set_object (value, results_store (self)); break;
    case PROP_PARENT: g_value_set_object (value, self->parent); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_measure_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RamingMeasure *self = RAMING_MEASURE (object);

  switch (prop_id)
    {
    case PROP_ID: raming_measure_set_id (self, g_value_get_string (value)); break;
    case PROP_TITLE: raming_measure_set_title (self, g_value_get_string (value)); break;
    case PROP_IS_GROUP: self->is_group = g_value_get_boolean (value); break;
    case PROP_NOTE: raming_measure_set_note (self, g_value_get_string (value)); break;
    case PROP_FOOTNOTE: raming_measure_set_footnote (self, g_value_get_string (value)); break;
    case PROP_SOURCE: raming_measure_set_source (self, g_value_get_string (value)); break;
    case PROP_PAGE: raming_measure_set_page (self, g_value_get_string (value)); break;
    case PROP_NATIONAL:
    case PROP_RESULT:
    case PROP_ORIGINAL:
    case PROP_REALISTIC:
      raming_measure_set_input (self, prop_id - PROP_NATIONAL, g_value_get_boxed (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_measure_class_init (RamingMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = raming_measure_dispose;
  object_class->finalize = raming_measure_finalize;
  object_class->get_property = raming_measure_get_property;
  object_class->set_property = raming_measure_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_IS_GROUP] = g_param_spec_boolean ("is-group", NULL, NULL, FALSE,
                                                    (G_PARAM_READWRITE |
                                                     G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_FOOTNOTE] = g_param_spec_string ("footnote", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, rw);
  for (guint i = 0; i < RAMING_N_COLUMNS; i++)
    properties[PROP_NATIONAL + i] = g_param_spec_boxed (column_properties[i], NULL, NULL,
                                                        RAMING_TYPE_CELL_INPUT, rw);
  properties[PROP_CHILDREN] = g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_ESTIMATES] = g_param_spec_object ("estimates", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_RESULTS] = g_param_spec_object ("results", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_PARENT] = g_param_spec_object ("parent", NULL, NULL, RAMING_TYPE_MEASURE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_measure_init (RamingMeasure *self)
{
  for (guint i = 0; i < RAMING_N_COLUMNS; i++)
    {
      self->inputs[i] = raming_cell_input_new_blank ();
      self->cells[i] = _raming_cell_new (self, i);
    }
}

/* The fields are set directly: a new object has nobody to notify, and
 * g_object_new with properties costs more than the rest of making one. */
RamingMeasure *
raming_measure_new (const char *id,
                    const char *title)
{
  RamingMeasure *self = g_object_new (RAMING_TYPE_MEASURE, NULL);

  raming_set_str (&self->id, id);
  raming_set_str (&self->title, title);
  return self;
}

RamingMeasure *
raming_measure_new_group (const char *id,
                          const char *title)
{
  RamingMeasure *self = raming_measure_new (id, title);

  self->is_group = TRUE;
  return self;
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *                                                            \
  raming_measure_get_##name (RamingMeasure *self)                         \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_MEASURE (self), NULL);                \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_measure_set_##name (RamingMeasure *self,                         \
                             const char    *value)                        \
  {                                                                       \
    g_return_if_fail (RAMING_IS_MEASURE (self));                          \
    if (raming_set_str (&self->name, value))                              \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (note, PROP_NOTE)
STRING_ACCESSORS (footnote, PROP_FOOTNOTE)
STRING_ACCESSORS (source, PROP_SOURCE)
STRING_ACCESSORS (page, PROP_PAGE)

gboolean
raming_measure_get_is_group (RamingMeasure *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE (self), FALSE);
  return self->is_group;
}

RamingCellInput *
raming_measure_get_input (RamingMeasure *self,
                          RamingColumn   column)
{
  g_return_val_if_fail (RAMING_IS_MEASURE (self), NULL);
  g_return_val_if_fail (column < RAMING_N_COLUMNS, NULL);
  return self->inputs[column];
}

void
raming_measure_set_input (RamingMeasure   *self,
                          RamingColumn     column,
                          RamingCellInput *input)
{
  g_autoptr(RamingCellInput) blank = NULL;

  g_return_if_fail (RAMING_IS_MEASURE (self));
  g_return_if_fail (column < RAMING_N_COLUMNS);

  if (input == NULL)
    input = blank = raming_cell_input_new_blank ();
  if (raming_cell_input_equal (self->inputs[column], input))
    return;
  raming_cell_input_ref (input);
  g_clear_pointer (&self->inputs[column], raming_cell_input_unref);
  self->inputs[column] = input;
  if (self->engine_data != NULL)
    _raming_engine_input_changed (self->engine_data, column);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONAL + column]);
}

GListModel *
raming_measure_get_children (RamingMeasure *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE (self), NULL);
  return G_LIST_MODEL (children_store (self));
}

GListModel *
raming_measure_get_estimates (RamingMeasure *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE (self), NULL);
  return G_LIST_MODEL (estimates_store (self));
}

GListModel *
raming_measure_get_results (RamingMeasure *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE (self), NULL);
  return G_LIST_MODEL (results_store (self));
}

/* Returns: (transfer none) (nullable) */
RamingMeasure *
raming_measure_get_parent (RamingMeasure *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE (self), NULL);

  /* The parent owns the child through its store, and forgets being its
   * parent when the child leaves the store. */
  return self->parent;
}

void
_raming_measure_clear_parent (RamingMeasure *self)
{
  self->parent = NULL;
}

guint
raming_measure_get_depth (RamingMeasure *self)
{
  guint depth = 0;

  g_return_val_if_fail (RAMING_IS_MEASURE (self), 0);

  for (RamingMeasure *p = self->parent; p; p = p->parent)
    depth++;
  return depth;
}

/* A pointer the document's engine keeps with each measure it follows. */
gpointer
_raming_measure_get_engine_data (RamingMeasure *self)
{
  return self->engine_data;
}

void
_raming_measure_set_engine_data (RamingMeasure *self,
                                 gpointer       data)
{
  self->engine_data = data;
}

RamingCell *
raming_measure_get_cell (RamingMeasure *self,
                         RamingColumn   column)
{
  g_return_val_if_fail (RAMING_IS_MEASURE (self), NULL);
  g_return_val_if_fail (column < RAMING_N_COLUMNS, NULL);
  return self->cells[column];
}
