/* raming-action.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "raming-action.h"
#include "raming-enums.h"
#include "raming-util.h"

struct _RamingAction
{
  GObject parent_instance;

  char                *id;
  char                *title;
  char                *description;
  char                *owner;
  char                *due;
  char                *period;
  RamingActionStatus   status;
  char               **measures;
  char                *source;
  char                *page;
};

G_DEFINE_FINAL_TYPE (RamingAction, raming_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_DUE,
  PROP_PERIOD,
  PROP_STATUS,
  PROP_MEASURES,
  PROP_SOURCE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *status_ids[] = { "open", "in-progress", "done", "dropped" };

const char *
raming_action_status_to_id (RamingActionStatus status)
{
  g_return_val_if_fail (status <= RAMING_ACTION_DROPPED, NULL);
  return status_ids[status];
}

RamingActionStatus
raming_action_status_from_id (const char *id,
                              gboolean   *ok)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (id, status_ids[i]) == 0)
      {
        *ok = TRUE;
        return i;
      }
  *ok = FALSE;
  return RAMING_ACTION_OPEN;
}

static void
raming_action_finalize (GObject *object)
{
  RamingAction *self = (RamingAction *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->owner);
  g_free (self->due);
  g_free (self->period);
  g_strfreev (self->measures);
  g_free (self->source);
  g_free (self->page);

  G_OBJECT_CLASS (raming_action_parent_class)->finalize (object);
}

static void
raming_action_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RamingAction *self = RAMING_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_OWNER: g_value_set_string (value, self->owner); break;
    case PROP_DUE: g_value_set_string (value, self->due); break;
    case PROP_PERIOD: g_value_set_string (value, self->period); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_MEASURES: g_value_set_boxed (value, self->measures); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_PAGE: g_value_set_string (value, self->page); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_action_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RamingAction *self = RAMING_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID: raming_action_set_id (self, g_value_get_string (value)); break;
    case PROP_TITLE: raming_action_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: raming_action_set_description (self, g_value_get_string (value)); break;
    case PROP_OWNER: raming_action_set_owner (self, g_value_get_string (value)); break;
    case PROP_DUE: raming_action_set_due (self, g_value_get_string (value)); break;
    case PROP_PERIOD: raming_action_set_period (self, g_value_get_string (value)); break;
    case PROP_STATUS: raming_action_set_status (self, g_value_get_enum (value)); break;
    case PROP_MEASURES: raming_action_set_measures (self, g_value_get_boxed (value)); break;
    case PROP_SOURCE: raming_action_set_source (self, g_value_get_string (value)); break;
    case PROP_PAGE: raming_action_set_page (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_action_class_init (RamingActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raming_action_finalize;
  object_class->get_property = raming_action_get_property;
  object_class->set_property = raming_action_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, rw);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, rw);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, RAMING_TYPE_ACTION_STATUS,
                                               RAMING_ACTION_OPEN, rw);
  properties[PROP_MEASURES] = g_param_spec_boxed ("measures", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_action_init (RamingAction *self)
{
}

RamingAction *
raming_action_new (const char *id,
                   const char *title)
{
  return g_object_new (RAMING_TYPE_ACTION, "id", id, "title", title, NULL);
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *                                                            \
  raming_action_get_##name (RamingAction *self)                           \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_ACTION (self), NULL);                 \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_action_set_##name (RamingAction *self,                           \
                            const char   *value)                          \
  {                                                                       \
    g_return_if_fail (RAMING_IS_ACTION (self));                           \
    if (raming_set_str (&self->name, value))                              \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (owner, PROP_OWNER)
STRING_ACCESSORS (due, PROP_DUE)
STRING_ACCESSORS (period, PROP_PERIOD)
STRING_ACCESSORS (source, PROP_SOURCE)
STRING_ACCESSORS (page, PROP_PAGE)

RamingActionStatus
raming_action_get_status (RamingAction *self)
{
  g_return_val_if_fail (RAMING_IS_ACTION (self), 0);
  return self->status;
}

void
raming_action_set_status (RamingAction       *self,
                          RamingActionStatus  status)
{
  g_return_if_fail (RAMING_IS_ACTION (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char * const *
raming_action_get_measures (RamingAction *self)
{
  g_return_val_if_fail (RAMING_IS_ACTION (self), NULL);
  return (const char * const *) self->measures;
}

void
raming_action_set_measures (RamingAction       *self,
                            const char * const *measures)
{
  g_return_if_fail (RAMING_IS_ACTION (self));
  if (raming_set_strv (&self->measures, measures))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURES]);
}

/* Strict YYYY-MM-DD, the only form the file stores. */
gboolean
raming_parse_iso_date (const char *text,
                       GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

GDate *
raming_action_dup_due_date (RamingAction *self)
{
  GDate date;

  g_return_val_if_fail (RAMING_IS_ACTION (self), NULL);

  if (!raming_parse_iso_date (self->due, &date))
    return NULL;
  return g_date_copy (&date);
}

gboolean
raming_action_is_overdue (RamingAction *self,
                          const GDate  *today)
{
  g_autoptr(GDate) due = NULL;

  g_return_val_if_fail (RAMING_IS_ACTION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->status == RAMING_ACTION_DONE || self->status == RAMING_ACTION_DROPPED)
    return FALSE;
  if (!(due = raming_action_dup_due_date (self)))
    return FALSE;
  return g_date_compare (due, today) < 0;
}
