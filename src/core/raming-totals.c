/* raming-totals.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "raming-private.h"
#include "raming-totals.h"
#include "raming-util.h"

struct _RamingTotals
{
  GObject parent_instance;

  double    values[RAMING_N_TOTALS];
  guint     n_excluded[RAMING_N_COLUMNS];
  gboolean  has_target;
  gboolean  has_band;
  gboolean  band_pending;
  guint     n_errors;
};

G_DEFINE_FINAL_TYPE (RamingTotals, raming_totals, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_VALUE,
  PROP_LAST_VALUE = PROP_FIRST_VALUE + RAMING_N_TOTALS - 1,
  PROP_FIRST_EXCLUDED,
  PROP_LAST_EXCLUDED = PROP_FIRST_EXCLUDED + RAMING_N_COLUMNS - 1,
  PROP_HAS_TARGET,
  PROP_HAS_BAND,
  PROP_BAND_PENDING,
  PROP_N_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *total_names[RAMING_N_TOTALS] = {
  "national", "result", "original", "realistic", "realistic-low", "realistic-high",
  "target", "gap", "p10", "p50", "p90",
};

static const char *excluded_names[RAMING_N_COLUMNS] = {
  "n-excluded-national", "n-excluded-result", "n-excluded-original", "n-excluded-realistic",
};

const char *
raming_total_to_property (RamingTotal total)
{
  g_return_val_if_fail (total < RAMING_N_TOTALS, NULL);
  return total_names[total];
}

static void
raming_totals_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RamingTotals *self = RAMING_TOTALS (object);

  if (prop_id >= PROP_FIRST_VALUE && prop_id <= PROP_LAST_VALUE)
    g_value_set_double (value, self->values[prop_id - PROP_FIRST_VALUE]);
  else if (prop_id >= PROP_FIRST_EXCLUDED && prop_id <= PROP_LAST_EXCLUDED)
    g_value_set_uint (value, self->n_excluded[prop_id - PROP_FIRST_EXCLUDED]);
  else if (prop_id == PROP_HAS_TARGET)
    g_value_set_boolean (value, self->has_target);
  else if (prop_id == PROP_HAS_BAND)
    g_value_set_boolean (value, self->has_band);
  else if (prop_id == PROP_BAND_PENDING)
    g_value_set_boolean (value, self->band_pending);
  else if (prop_id == PROP_N_ERRORS)
    g_value_set_uint (value, self->n_errors);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
raming_totals_class_init (RamingTotalsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = raming_totals_get_property;

  for (guint i = 0; i < RAMING_N_TOTALS; i++)
    properties[PROP_FIRST_VALUE + i] = g_param_spec_double (total_names[i], NULL, NULL,
                                                            -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  for (guint i = 0; i < RAMING_N_COLUMNS; i++)
    properties[PROP_FIRST_EXCLUDED + i] = g_param_spec_uint (excluded_names[i], NULL, NULL,
                                                             0, G_MAXUINT, 0, ro);
  properties[PROP_HAS_TARGET] = g_param_spec_boolean ("has-target", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_BAND] = g_param_spec_boolean ("has-band", NULL, NULL, FALSE, ro);
  properties[PROP_BAND_PENDING] = g_param_spec_boolean ("band-pending", NULL, NULL, FALSE, ro);
  properties[PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_totals_init (RamingTotals *self)
{
}

RamingTotals *
_raming_totals_new (void)
{
  return g_object_new (RAMING_TYPE_TOTALS, NULL);
}

gboolean
_raming_totals_set (RamingTotals *self,
                    RamingTotal   total,
                    double        value)
{
  if (!raming_set_double (&self->values[total], value))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_VALUE + total]);
  return TRUE;
}

gboolean
_raming_totals_set_n_excluded (RamingTotals *self,
                               RamingColumn  column,
                               guint         n_excluded)
{
  if (self->n_excluded[column] == n_excluded)
    return FALSE;
  self->n_excluded[column] = n_excluded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_EXCLUDED + column]);
  return TRUE;
}

/* TRUE while the band is being drawn in the background: P10–P90 shown
 * then are those of a moment ago. */
gboolean
_raming_totals_set_band_pending (RamingTotals *self,
                                 gboolean      pending)
{
  if (self->band_pending == pending)
    return FALSE;
  self->band_pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAND_PENDING]);
  return TRUE;
}

gboolean
_raming_totals_set_flags (RamingTotals *self,
                          gboolean      has_target,
                          gboolean      has_band,
                          guint         n_errors)
{
  gboolean changed = FALSE;

  if (self->has_target != has_target)
    {
      self->has_target = has_target;
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TARGET]);
    }
  if (self->has_band != has_band)
    {
      self->has_band = has_band;
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_BAND]);
    }
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  return changed;
}

double
raming_totals_get (RamingTotals *self,
                   RamingTotal   total)
{
  g_return_val_if_fail (RAMING_IS_TOTALS (self), 0);
  g_return_val_if_fail (total < RAMING_N_TOTALS, 0);
  return self->values[total];
}

double
raming_totals_get_column (RamingTotals *self,
                          RamingColumn  column)
{
  g_return_val_if_fail (RAMING_IS_TOTALS (self), 0);
  g_return_val_if_fail (column < RAMING_N_COLUMNS, 0);
  /* The first totals are the columns, in the same order. */
  return self->values[(RamingTotal) column];
}

guint
raming_totals_get_n_excluded (RamingTotals *self,
                              RamingColumn  column)
{
  g_return_val_if_fail (RAMING_IS_TOTALS (self), 0);
  g_return_val_if_fail (column < RAMING_N_COLUMNS, 0);
  return self->n_excluded[column];
}

gboolean
raming_totals_get_has_target (RamingTotals *self)
{
  g_return_val_if_fail (RAMING_IS_TOTALS (self), FALSE);
  return self->has_target;
}

gboolean
raming_totals_get_has_band (RamingTotals *self)
{
  g_return_val_if_fail (RAMING_IS_TOTALS (self), FALSE);
  return self->has_band;
}

gboolean
raming_totals_get_band_pending (RamingTotals *self)
{
  g_return_val_if_fail (RAMING_IS_TOTALS (self), FALSE);
  return self->band_pending;
}

guint
raming_totals_get_n_errors (RamingTotals *self)
{
  g_return_val_if_fail (RAMING_IS_TOTALS (self), 0);
  return self->n_errors;
}
