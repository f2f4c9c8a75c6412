/* raming-estimate.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "raming-estimate.h"
#include "raming-private.h"
#include "raming-util.h"

struct _RamingEstimate
{
  GObject parent_instance;

  char     *label;
  double    low;
  double    high;
  gboolean  maximum;
  char     *source;
  char     *page;
  RamingMeasure *owner;   /* unowned: the measure whose list holds it */
};

G_DEFINE_FINAL_TYPE (RamingEstimate, raming_estimate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_LOW,
  PROP_HIGH,
  PROP_MAXIMUM,
  PROP_SOURCE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raming_estimate_finalize (GObject *object)
{
  RamingEstimate *self = (RamingEstimate *) object;

  g_free (self->label);
  g_free (self->source);
  g_free (self->page);

  G_OBJECT_CLASS (raming_estimate_parent_class)->finalize (object);
}

static void
raming_estimate_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RamingEstimate *self = RAMING_ESTIMATE (object);

  switch (prop_id)
    {
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_LOW: g_value_set_double (value, self->low); break;
    case PROP_HIGH: g_value_set_double (value, self->high); break;
    case PROP_MAXIMUM: g_value_set_boolean (value, self->maximum); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_PAGE: g_value_set_string (value, self->page); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_estimate_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RamingEstimate *self = RAMING_ESTIMATE (object);

  switch (prop_id)
    {
    case PROP_LABEL: raming_estimate_set_label (self, g_value_get_string (value)); break;
    case PROP_LOW: raming_estimate_set_low (self, g_value_get_double (value)); break;
    case PROP_HIGH: raming_estimate_set_high (self, g_value_get_double (value)); break;
    case PROP_MAXIMUM: raming_estimate_set_maximum (self, g_value_get_boolean (value)); break;
    case PROP_SOURCE: raming_estimate_set_source (self, g_value_get_string (value)); break;
    case PROP_PAGE: raming_estimate_set_page (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_estimate_class_init (RamingEstimateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raming_estimate_finalize;
  object_class->get_property = raming_estimate_get_property;
  object_class->set_property = raming_estimate_set_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_LOW] = g_param_spec_double ("low", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_HIGH] = g_param_spec_double ("high", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_MAXIMUM] = g_param_spec_boolean ("maximum", NULL, NULL, FALSE, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_estimate_init (RamingEstimate *self)
{
}

/* The fields are set directly: a new object has nobody to notify, and
 * g_object_new with properties costs more than the rest of loading one. */
RamingEstimate *
raming_estimate_new_range (const char *label,
                           double      low,
                           double      high)
{
  RamingEstimate *self = g_object_new (RAMING_TYPE_ESTIMATE, NULL);

  raming_set_str (&self->label, label);
  self->low = low;
  self->high = high;
  return self;
}

RamingEstimate *
raming_estimate_new_maximum (const char *label,
                             double      maximum)
{
  RamingEstimate *self = g_object_new (RAMING_TYPE_ESTIMATE, NULL);

  raming_set_str (&self->label, label);
  self->low = 0;
  self->high = maximum;
  self->maximum = TRUE;
  return self;
}

/* Set by the measure whose list the estimate is in; its figures changing
 * is then told to that measure's engine. */
void
_raming_estimate_set_owner (RamingEstimate *self,
                            gpointer        owner)
{
  self->owner = owner;
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *                                                            \
  raming_estimate_get_##name (RamingEstimate *self)                       \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_ESTIMATE (self), NULL);               \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_estimate_set_##name (RamingEstimate *self,                       \
                              const char     *value)                      \
  {                                                                       \
    g_return_if_fail (RAMING_IS_ESTIMATE (self));                         \
    if (raming_set_str (&self->name, value))                              \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

#define NUMBER_ACCESSORS(type, name, PROP)                                \
  type                                                                    \
  raming_estimate_get_##name (RamingEstimate *self)                       \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_ESTIMATE (self), 0);                  \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_estimate_set_##name (RamingEstimate *self,                       \
                              type            value)                      \
  {                                                                       \
    g_return_if_fail (RAMING_IS_ESTIMATE (self));                         \
    if (self->name != value)                                              \
      {                                                                   \
        self->name = value;                                               \
        if (self->owner != NULL)                                          \
          _raming_measure_estimate_changed (self->owner);                 \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);     \
      }                                                                   \
  }

STRING_ACCESSORS (label, PROP_LABEL)
STRING_ACCESSORS (source, PROP_SOURCE)
STRING_ACCESSORS (page, PROP_PAGE)
NUMBER_ACCESSORS (double, low, PROP_LOW)
NUMBER_ACCESSORS (double, high, PROP_HIGH)
NUMBER_ACCESSORS (gboolean, maximum, PROP_MAXIMUM)

/* The national figure the note works with: the middle of AEF's range, or
 * the maximum where AEF only gives a maximum. */
double
raming_estimate_get_central (RamingEstimate *self)
{
  g_return_val_if_fail (RAMING_IS_ESTIMATE (self), 0);

  if (self->maximum)
    return self->high;
  return (self->low + self->high) / 2.0;
}
