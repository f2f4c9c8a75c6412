/* raming-assumption.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "raming-assumption.h"
#include "raming-enums.h"
#include "raming-private.h"
#include "raming-util.h"

struct _RamingAssumption
{
  GObject parent_instance;

  char                   *key;
  char                   *label;
  RamingCellInput        *input;
  double                  low;
  double                  high;
  RamingUnit              unit;
  char                   *source;
  char                   *page;
  RamingAssumptionStatus  status;
  RamingAssumptionRole    role;
  char                   *note;

  double                  value;
  double                  value_low;
  double                  value_high;
  char                   *error;
};

G_DEFINE_FINAL_TYPE (RamingAssumption, raming_assumption, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_INPUT,
  PROP_LOW,
  PROP_HIGH,
  PROP_UNIT,
  PROP_SOURCE,
  PROP_PAGE,
  PROP_STATUS,
  PROP_ROLE,
  PROP_NOTE,
  PROP_VALUE,
  PROP_VALUE_LOW,
  PROP_VALUE_HIGH,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify (RamingAssumption *self,
        guint             prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
raming_assumption_finalize (GObject *object)
{
  RamingAssumption *self = (RamingAssumption *) object;

  g_free (self->key);
  g_free (self->label);
  g_clear_pointer (&self->input, raming_cell_input_unref);
  g_free (self->source);
  g_free (self->page);
  g_free (self->note);
  g_free (self->error);

  G_OBJECT_CLASS (raming_assumption_parent_class)->finalize (object);
}

static void
raming_assumption_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RamingAssumption *self = RAMING_ASSUMPTION (object);

  switch (prop_id)
    {
    case PROP_KEY: g_value_set_string (value, self->key); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_INPUT: g_value_set_boxed (value, self->input); break;
    case PROP_LOW: g_value_set_double (value, self->low); break;
    case PROP_HIGH: g_value_set_double (value, self->high); break;
    case PROP_UNIT: g_value_set_enum (value, self->unit); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_PAGE: g_value_set_string (value, self->page); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_VALUE: g_value_set_double (value, self->value); break;
    case PROP_VALUE_LOW: g_value_set_double (value, self->value_low); break;
    case PROP_VALUE_HIGH: g_value_set_double (value, self->value_high); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_assumption_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RamingAssumption *self = RAMING_ASSUMPTION (object);

  switch (prop_id)
    {
    case PROP_KEY: raming_assumption_set_key (self, g_value_get_string (value)); break;
    case PROP_LABEL: raming_assumption_set_label (self, g_value_get_string (value)); break;
    case PROP_INPUT: raming_assumption_set_input (self, g_value_get_boxed (value)); break;
    case PROP_LOW: raming_assumption_set_low (self, g_value_get_double (value)); break;
    case PROP_HIGH: raming_assumption_set_high (self, g_value_get_double (value)); break;
    case PROP_UNIT: raming_assumption_set_unit (self, g_value_get_enum (value)); break;
    case PROP_SOURCE: raming_assumption_set_source (self, g_value_get_string (value)); break;
    case PROP_PAGE: raming_assumption_set_page (self, g_value_get_string (value)); break;
    case PROP_STATUS: raming_assumption_set_status (self, g_value_get_enum (value)); break;
    case PROP_ROLE: raming_assumption_set_role (self, g_value_get_enum (value)); break;
    case PROP_NOTE: raming_assumption_set_note (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_assumption_class_init (RamingAssumptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raming_assumption_finalize;
  object_class->get_property = raming_assumption_get_property;
  object_class->set_property = raming_assumption_set_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, rw);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_INPUT] = g_param_spec_boxed ("input", NULL, NULL, RAMING_TYPE_CELL_INPUT, rw);
  properties[PROP_LOW] = g_param_spec_double ("low", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw | G_PARAM_LAX_VALIDATION);
  properties[PROP_HIGH] = g_param_spec_double ("high", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw | G_PARAM_LAX_VALIDATION);
  properties[PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, RAMING_TYPE_UNIT,
                                             RAMING_UNIT_EURO, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, RAMING_TYPE_ASSUMPTION_STATUS,
                                               RAMING_ASSUMPTION_FINAL, rw);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, RAMING_TYPE_ASSUMPTION_ROLE,
                                             RAMING_ASSUMPTION_ROLE_NONE, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_VALUE_LOW] = g_param_spec_double ("value-low", NULL, NULL,
                                                    -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_VALUE_HIGH] = g_param_spec_double ("value-high", NULL, NULL,
                                                     -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_assumption_init (RamingAssumption *self)
{
  self->input = raming_cell_input_new_amount (0);
  self->low = NAN;
  self->high = NAN;
}

RamingAssumption *
raming_assumption_new (const char *key,
                       double      value)
{
  g_autoptr(RamingCellInput) input = raming_cell_input_new_amount (value);

  return g_object_new (RAMING_TYPE_ASSUMPTION, "key", key, "input", input, NULL);
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *                                                            \
  raming_assumption_get_##name (RamingAssumption *self)                   \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), NULL);             \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_assumption_set_##name (RamingAssumption *self,                   \
                                const char       *value)                  \
  {                                                                       \
    g_return_if_fail (RAMING_IS_ASSUMPTION (self));                       \
    if (raming_set_str (&self->name, value))                              \
      notify (self, PROP);                                                \
  }

#define VALUE_ACCESSORS(type, name, PROP)                                 \
  type                                                                    \
  raming_assumption_get_##name (RamingAssumption *self)                   \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), 0);                \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_assumption_set_##name (RamingAssumption *self,                   \
                                type              value)                  \
  {                                                                       \
    g_return_if_fail (RAMING_IS_ASSUMPTION (self));                       \
    if (self->name != value)                                              \
      {                                                                   \
        self->name = value;                                               \
        notify (self, PROP);                                              \
      }                                                                   \
  }

STRING_ACCESSORS (key, PROP_KEY)
STRING_ACCESSORS (label, PROP_LABEL)
STRING_ACCESSORS (source, PROP_SOURCE)
STRING_ACCESSORS (page, PROP_PAGE)
STRING_ACCESSORS (note, PROP_NOTE)
VALUE_ACCESSORS (RamingUnit, unit, PROP_UNIT)
VALUE_ACCESSORS (RamingAssumptionStatus, status, PROP_STATUS)
VALUE_ACCESSORS (RamingAssumptionRole, role, PROP_ROLE)

RamingCellInput *
raming_assumption_get_input (RamingAssumption *self)
{
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), NULL);
  return self->input;
}

void
raming_assumption_set_input (RamingAssumption *self,
                             RamingCellInput  *input)
{
  g_return_if_fail (RAMING_IS_ASSUMPTION (self));
  g_return_if_fail (input != NULL);

  if (raming_cell_input_equal (self->input, input))
    return;
  raming_cell_input_ref (input);
  g_clear_pointer (&self->input, raming_cell_input_unref);
  self->input = input;
  notify (self, PROP_INPUT);
}

double
raming_assumption_get_low (RamingAssumption *self)
{
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), NAN);
  return self->low;
}

void
raming_assumption_set_low (RamingAssumption *self,
                           double            low)
{
  g_return_if_fail (RAMING_IS_ASSUMPTION (self));
  if (raming_set_double (&self->low, low))
    notify (self, PROP_LOW);
}

double
raming_assumption_get_high (RamingAssumption *self)
{
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), NAN);
  return self->high;
}

void
raming_assumption_set_high (RamingAssumption *self,
                            double            high)
{
  g_return_if_fail (RAMING_IS_ASSUMPTION (self));
  if (raming_set_double (&self->high, high))
    notify (self, PROP_HIGH);
}

double
raming_assumption_get_value (RamingAssumption *self)
{
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), 0);
  return self->value;
}

double
raming_assumption_get_value_low (RamingAssumption *self)
{
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), 0);
  return self->value_low;
}

double
raming_assumption_get_value_high (RamingAssumption *self)
{
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), 0);
  return self->value_high;
}

const char *
raming_assumption_get_error (RamingAssumption *self)
{
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (self), NULL);
  return self->error;
}

/* Returns whether anything a reader can see changed. */
gboolean
_raming_assumption_set_computed (RamingAssumption *self,
                                 double            value,
                                 double            low,
                                 double            high,
                                 const char       *error)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (raming_set_double (&self->value, value))
    changed = TRUE, notify (self, PROP_VALUE);
  if (raming_set_double (&self->value_low, low))
    changed = TRUE, notify (self, PROP_VALUE_LOW);
  if (raming_set_double (&self->value_high, high))
    changed = TRUE, notify (self, PROP_VALUE_HIGH);
  if (raming_set_str (&self->error, error))
    changed = TRUE, notify (self, PROP_ERROR);
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}
