/* raming-cell.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "raming-cell.h"
#include "raming-enums.h"
#include "raming-private.h"
#include "raming-util.h"


G_DEFINE_FINAL_TYPE (RamingCell, raming_cell, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_VALUE,
  PROP_LOW,
  PROP_HIGH,
  PROP_STATUS,
  PROP_LABEL,
  PROP_ERROR,
  PROP_N_EXCLUDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raming_cell_finalize (GObject *object)
{
  RamingCell *self = (RamingCell *) object;

  g_free (self->label);
  g_free (self->error);

  G_OBJECT_CLASS (raming_cell_parent_class)->finalize (object);
}

static void
raming_cell_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RamingCell *self = RAMING_CELL (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_VALUE: g_value_set_double (value, self->value); break;
    case PROP_LOW: g_value_set_double (value, self->low); break;
    case PROP_HIGH: g_value_set_double (value, self->high); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    case PROP_N_EXCLUDED: g_value_set_uint (value, self->n_excluded); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_cell_class_init (RamingCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raming_cell_finalize;
  object_class->get_property = raming_cell_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL,
                                            RAMING_CELL_BLANK, RAMING_CELL_ERROR,
                                            RAMING_CELL_BLANK, ro);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL,
                                                -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_LOW] = g_param_spec_double ("low", NULL, NULL,
                                              -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_HIGH] = g_param_spec_double ("high", NULL, NULL,
                                               -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, RAMING_TYPE_CELL_STATUS,
                                               RAMING_CELL_STATUS_NONE_SET, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);
  properties[PROP_N_EXCLUDED] = g_param_spec_uint ("n-excluded", NULL, NULL,
                                                   0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_cell_init (RamingCell *self)
{
}

RamingCell *
_raming_cell_new (gpointer     measure,
                  RamingColumn column)
{
  RamingCell *self = g_object_new (RAMING_TYPE_CELL, NULL);

  self->measure = measure;
  self->column = column;
  return self;
}

void
_raming_cell_detach (RamingCell *self)
{
  self->measure = NULL;
}

/* Notifies exactly the properties that changed and says whether any did,
 * so that the engine knows whether to go on to the group and totals.
 * Most updates change nothing or one or three numbers: the notify queue
 * (g_object_freeze_notify) is only set up when more than one property
 * changed, as it costs more than the rest of the update. */
gboolean
_raming_cell_update (RamingCell       *self,
                     RamingCellKind    kind,
                     double            value,
                     double            low,
                     double            high,
                     RamingCellStatus  status,
                     const char       *label,
                     const char       *error,
                     guint             n_excluded)
{
  guint changed = 0;   /* bit per property */

  if (self->kind != kind)
    {
      self->kind = kind;
      changed |= 1 << PROP_KIND;
    }
  if (raming_set_double (&self->value, value))
    changed |= 1 << PROP_VALUE;
  if (raming_set_double (&self->low, low))
    changed |= 1 << PROP_LOW;
  if (raming_set_double (&self->high, high))
    changed |= 1 << PROP_HIGH;
  if (self->status != status)
    {
      self->status = status;
      changed |= 1 << PROP_STATUS;
    }
  if (raming_set_str (&self->label, label))
    changed |= 1 << PROP_LABEL;
  if (raming_set_str (&self->error, error))
    changed |= 1 << PROP_ERROR;
  if (self->n_excluded != n_excluded)
    {
      self->n_excluded = n_excluded;
      changed |= 1 << PROP_N_EXCLUDED;
    }

  if (changed == 0)
    return FALSE;

  for (guint prop = PROP_KIND; prop < N_PROPS; prop++)
    if (changed & (1 << prop))
      g_object_notify_by_pspec ((GObject *) self, properties[prop]);   /* no cast check: hot */

  return TRUE;
}

RamingCellKind
raming_cell_get_kind (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), RAMING_CELL_BLANK);
  return self->kind;
}

double
raming_cell_get_value (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), 0);
  return self->value;
}

double
raming_cell_get_low (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), 0);
  return self->low;
}

double
raming_cell_get_high (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), 0);
  return self->high;
}

RamingCellStatus
raming_cell_get_status (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), RAMING_CELL_STATUS_NONE_SET);
  return self->status;
}

const char *
raming_cell_get_label (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), NULL);
  return self->label;
}

const char *
raming_cell_get_error (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), NULL);
  return self->error;
}

/**
 * raming_cell_get_error_code:
 *
 * Returns: the #RamingFormulaError of the cell's error, or -1 when it has
 *   none. With it an export describes the error in the document's
 *   language (raming_cell_get_error() is in the interface's).
 */
int
raming_cell_get_error_code (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), -1);
  return self->error != NULL ? self->error_code : -1;
}

/* Set by the engine just before the error itself (_raming_cell_update),
 * which notifies. */
void
_raming_cell_set_error_code (RamingCell *self,
                             int         code)
{
  self->error_code = code;
}

guint
raming_cell_get_n_excluded (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), 0);
  return self->n_excluded;
}

RamingColumn
raming_cell_get_column (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), 0);
  return self->column;
}

/* Returns the RamingMeasure this cell belongs to (unowned). */
gpointer
raming_cell_get_measure (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), NULL);
  return self->measure;
}

/* What the cell adds to a total: status and blank cells count as zero,
 * and so do cells in error, which totals report separately. */
double
raming_cell_get_contribution (RamingCell *self)
{
  g_return_val_if_fail (RAMING_IS_CELL (self), 0);
  return self->kind == RAMING_CELL_VALUE ? self->value : 0.0;
}
