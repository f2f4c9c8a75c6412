/* raming-result-entry.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "raming-private.h"
#include "raming-result-entry.h"
#include "raming-util.h"

struct _RamingResultEntry
{
  GObject parent_instance;

  RamingCellInput *input;
  char            *label;
  char            *source;
  char            *page;
  RamingMeasure   *owner;   /* unowned: the measure whose list holds it */
};

G_DEFINE_FINAL_TYPE (RamingResultEntry, raming_result_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INPUT,
  PROP_LABEL,
  PROP_SOURCE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raming_result_entry_finalize (GObject *object)
{
  RamingResultEntry *self = (RamingResultEntry *) object;

  g_clear_pointer (&self->input, raming_cell_input_unref);
  g_free (self->label);
  g_free (self->source);
  g_free (self->page);

  G_OBJECT_CLASS (raming_result_entry_parent_class)->finalize (object);
}

static void
raming_result_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RamingResultEntry *self = RAMING_RESULT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_INPUT: g_value_set_boxed (value, self->input); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_PAGE: g_value_set_string (value, self->page); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_result_entry_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RamingResultEntry *self = RAMING_RESULT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_INPUT: raming_result_entry_set_input (self, g_value_get_boxed (value)); break;
    case PROP_LABEL: raming_result_entry_set_label (self, g_value_get_string (value)); break;
    case PROP_SOURCE: raming_result_entry_set_source (self, g_value_get_string (value)); break;
    case PROP_PAGE: raming_result_entry_set_page (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_result_entry_class_init (RamingResultEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raming_result_entry_finalize;
  object_class->get_property = raming_result_entry_get_property;
  object_class->set_property = raming_result_entry_set_property;

  properties[PROP_INPUT] = g_param_spec_boxed ("input", NULL, NULL, RAMING_TYPE_CELL_INPUT, rw);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_result_entry_init (RamingResultEntry *self)
{
  self->input = raming_cell_input_new_amount (0);
}

/* The fields are set directly: a new object has nobody to notify. */
RamingResultEntry *
raming_result_entry_new (RamingCellInput *input,
                         const char      *label)
{
  RamingResultEntry *self = g_object_new (RAMING_TYPE_RESULT_ENTRY, NULL);

  if (input != NULL)
    {
      g_clear_pointer (&self->input, raming_cell_input_unref);
      self->input = raming_cell_input_ref (input);
    }
  raming_set_str (&self->label, label);
  return self;
}

/* Set by the measure whose list the entry is in; its input changing is
 * then told to that measure's engine. */
void
_raming_result_entry_set_owner (RamingResultEntry *self,
                                gpointer           owner)
{
  self->owner = owner;
}

RamingCellInput *
raming_result_entry_get_input (RamingResultEntry *self)
{
  g_return_val_if_fail (RAMING_IS_RESULT_ENTRY (self), NULL);
  return self->input;
}

void
raming_result_entry_set_input (RamingResultEntry *self,
                               RamingCellInput   *input)
{
  g_return_if_fail (RAMING_IS_RESULT_ENTRY (self));
  g_return_if_fail (input != NULL);

  if (raming_cell_input_equal (self->input, input))
    return;
  raming_cell_input_ref (input);
  g_clear_pointer (&self->input, raming_cell_input_unref);
  self->input = input;
  if (self->owner != NULL)
    _raming_measure_result_changed (self->owner);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INPUT]);
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *                                                            \
  raming_result_entry_get_##name (RamingResultEntry *self)                \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_RESULT_ENTRY (self), NULL);           \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_result_entry_set_##name (RamingResultEntry *self,                \
                                  const char        *value)               \
  {                                                                       \
    g_return_if_fail (RAMING_IS_RESULT_ENTRY (self));                     \
    if (raming_set_str (&self->name, value))                              \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

STRING_ACCESSORS (label, PROP_LABEL)
STRING_ACCESSORS (source, PROP_SOURCE)
STRING_ACCESSORS (page, PROP_PAGE)
