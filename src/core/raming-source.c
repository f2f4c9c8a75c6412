/* raming-source.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "raming-source.h"
#include "raming-util.h"

struct _RamingSource
{
  GObject parent_instance;

  char *id;
  char *title;
  char *author;
  char *year;
  char *url;
  char *note;
};

G_DEFINE_FINAL_TYPE (RamingSource, raming_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_YEAR,
  PROP_URL,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for (RamingSource *self,
           guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_TITLE: return &self->title;
    case PROP_AUTHOR: return &self->author;
    case PROP_YEAR: return &self->year;
    case PROP_URL: return &self->url;
    case PROP_NOTE: return &self->note;
    default: g_assert_not_reached ();
    }
}

static void
set_field (RamingSource *self,
           guint         prop_id,
           const char   *value)
{
  if (raming_set_str (field_for (self, prop_id), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
raming_source_finalize (GObject *object)
{
  RamingSource *self = (RamingSource *) object;

  for (guint i = PROP_ID; i < N_PROPS; i++)
    g_free (*field_for (self, i));

  G_OBJECT_CLASS (raming_source_parent_class)->finalize (object);
}

static void
raming_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RamingSource *self = RAMING_SOURCE (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, *field_for (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
raming_source_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RamingSource *self = RAMING_SOURCE (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
raming_source_class_init (RamingSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[] = { NULL, "id", "title", "author", "year", "url", "note" };

  object_class->finalize = raming_source_finalize;
  object_class->get_property = raming_source_get_property;
  object_class->set_property = raming_source_set_property;

  for (guint i = PROP_ID; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         (G_PARAM_READWRITE |
                                          G_PARAM_EXPLICIT_NOTIFY |
                                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_source_init (RamingSource *self)
{
}

RamingSource *
raming_source_new (const char *id)
{
  return g_object_new (RAMING_TYPE_SOURCE, "id", id, NULL);
}

#define SOURCE_ACCESSORS(name, PROP)                                    \
  const char *                                                          \
  raming_source_get_##name (RamingSource *self)                         \
  {                                                                     \
    g_return_val_if_fail (RAMING_IS_SOURCE (self), NULL);               \
    return self->name;                                                  \
  }                                                                     \
  void                                                                  \
  raming_source_set_##name (RamingSource *self,                         \
                            const char   *value)                        \
  {                                                                     \
    g_return_if_fail (RAMING_IS_SOURCE (self));                         \
    set_field (self, PROP, value);                                      \
  }

SOURCE_ACCESSORS (id, PROP_ID)
SOURCE_ACCESSORS (title, PROP_TITLE)
SOURCE_ACCESSORS (author, PROP_AUTHOR)
SOURCE_ACCESSORS (year, PROP_YEAR)
SOURCE_ACCESSORS (url, PROP_URL)
SOURCE_ACCESSORS (note, PROP_NOTE)
