/* raming-partner.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "raming-enums.h"
#include "raming-partner.h"
#include "raming-util.h"

struct _RamingPartner
{
  GObject parent_instance;

  char              *id;
  char              *name;
  RamingPartnerKind  kind;
  double             fields[RAMING_PARTNER_N_FIELDS];
  char              *note;
  char              *source;
  char              *page;
  char             **measures;
};

G_DEFINE_FINAL_TYPE (RamingPartner, raming_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_COUNT,
  PROP_COVERAGE,
  PROP_TARGET_COVERAGE,
  PROP_REFERRALS,
  PROP_NOTE,
  PROP_SOURCE,
  PROP_PAGE,
  PROP_MEASURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Formulas may use the Dutch or the English name of a field, whatever the
 * document's language: "huisartsen.dekking" and "huisartsen.coverage". */
static const struct {
  const char *property;
  const char *nl;
  const char *en;
  const char *alias;
} field_names[RAMING_PARTNER_N_FIELDS] = {
  { "count", "aantal", "count", NULL },
  { "coverage", "dekking", "coverage", NULL },
  { "target-coverage", "streefdekking", "target_coverage", "doeldekking" },
  { "referrals", "verwijzingen", "referrals", NULL },
};

RamingPartnerField
raming_partner_field_from_name (const char *name)
{
  g_return_val_if_fail (name != NULL, RAMING_PARTNER_FIELD_INVALID);

  for (guint i = 0; i < RAMING_PARTNER_N_FIELDS; i++)
    if (g_ascii_strcasecmp (name, field_names[i].nl) == 0 ||
        g_ascii_strcasecmp (name, field_names[i].en) == 0 ||
        (field_names[i].alias != NULL && g_ascii_strcasecmp (name, field_names[i].alias) == 0))
      return i;
  return RAMING_PARTNER_FIELD_INVALID;
}

const char *
raming_partner_field_to_name (RamingPartnerField field,
                              RamingLanguage     language)
{
  g_return_val_if_fail (field >= 0 && field < RAMING_PARTNER_N_FIELDS, NULL);
  return language == RAMING_LANGUAGE_EN ? field_names[field].en : field_names[field].nl;
}

const char *
raming_partner_field_to_property (RamingPartnerField field)
{
  g_return_val_if_fail (field >= 0 && field < RAMING_PARTNER_N_FIELDS, NULL);
  return field_names[field].property;
}

/**
 * raming_partner_canonical_name:
 * @name: a name from a formula, e.g. `huisartsen.dekking`
 *
 * "huisartsen.coverage" and "huisartsen.dekking" are the same field: the
 * engine and the Monte Carlo band index partner fields under one spelling,
 * `ID.PROPERTY`. Any other name (an assumption's key, an unknown field)
 * comes back as it is.
 *
 * Returns: (transfer full): the name under which to index @name
 */
char *
raming_partner_canonical_name (const char *name)
{
  const char *dot = strchr (name, '.');
  RamingPartnerField field;
  const char *property;
  gsize id_length, property_length;
  char *canonical;

  if (dot == NULL)
    return g_strdup (name);
  field = raming_partner_field_from_name (dot + 1);
  if (field == RAMING_PARTNER_FIELD_INVALID)
    return g_strdup (name);

  /* Without printf: the engine calls this for every name of every
   * formula while a document opens. */
  property = field_names[field].property;
  id_length = dot - name;
  property_length = strlen (property);
  canonical = g_malloc (id_length + 1 + property_length + 1);
  memcpy (canonical, name, id_length);
  canonical[id_length] = '.';
  memcpy (canonical + id_length + 1, property, property_length + 1);
  return canonical;
}

static void
raming_partner_finalize (GObject *object)
{
  RamingPartner *self = (RamingPartner *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->note);
  g_free (self->source);
  g_free (self->page);
  g_strfreev (self->measures);

  G_OBJECT_CLASS (raming_partner_parent_class)->finalize (object);
}

static void
raming_partner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RamingPartner *self = RAMING_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_COUNT:
    case PROP_COVERAGE:
    case PROP_TARGET_COVERAGE:
    case PROP_REFERRALS:
      g_value_set_double (value, self->fields[prop_id - PROP_COUNT]);
      break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_PAGE: g_value_set_string (value, self->page); break;
    case PROP_MEASURES: g_value_set_boxed (value, self->measures); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_partner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RamingPartner *self = RAMING_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID: raming_partner_set_id (self, g_value_get_string (value)); break;
    case PROP_NAME: raming_partner_set_name (self, g_value_get_string (value)); break;
    case PROP_KIND: raming_partner_set_kind (self, g_value_get_enum (value)); break;
    case PROP_COUNT:
    case PROP_COVERAGE:
    case PROP_TARGET_COVERAGE:
    case PROP_REFERRALS:
      raming_partner_set_field (self, prop_id - PROP_COUNT, g_value_get_double (value));
      break;
    case PROP_NOTE: raming_partner_set_note (self, g_value_get_string (value)); break;
    case PROP_SOURCE: raming_partner_set_source (self, g_value_get_string (value)); break;
    case PROP_PAGE: raming_partner_set_page (self, g_value_get_string (value)); break;
    case PROP_MEASURES: raming_partner_set_measures (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_partner_class_init (RamingPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raming_partner_finalize;
  object_class->get_property = raming_partner_get_property;
  object_class->set_property = raming_partner_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, RAMING_TYPE_PARTNER_KIND,
                                             RAMING_PARTNER_REFERRER, rw);
  for (guint i = 0; i < RAMING_PARTNER_N_FIELDS; i++)
    properties[PROP_COUNT + i] = g_param_spec_double (field_names[i].property, NULL, NULL,
                                                      -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw | G_PARAM_LAX_VALIDATION);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, rw);
  properties[PROP_MEASURES] = g_param_spec_boxed ("measures", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raming_partner_init (RamingPartner *self)
{
  for (guint i = 0; i < RAMING_PARTNER_N_FIELDS; i++)
    self->fields[i] = NAN;
}

RamingPartner *
raming_partner_new (const char *id,
                    const char *name)
{
  return g_object_new (RAMING_TYPE_PARTNER, "id", id, "name", name, NULL);
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *                                                            \
  raming_partner_get_##name (RamingPartner *self)                         \
  {                                                                       \
    g_return_val_if_fail (RAMING_IS_PARTNER (self), NULL);                \
    return self->name;                                                    \
  }                                                                       \
  void                                                                    \
  raming_partner_set_##name (RamingPartner *self,                         \
                             const char    *value)                        \
  {                                                                       \
    g_return_if_fail (RAMING_IS_PARTNER (self));                          \
    if (raming_set_str (&self->name, value))                              \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  }

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (note, PROP_NOTE)
STRING_ACCESSORS (source, PROP_SOURCE)
STRING_ACCESSORS (page, PROP_PAGE)

RamingPartnerKind
raming_partner_get_kind (RamingPartner *self)
{
  g_return_val_if_fail (RAMING_IS_PARTNER (self), 0);
  return self->kind;
}

void
raming_partner_set_kind (RamingPartner     *self,
                         RamingPartnerKind  kind)
{
  g_return_if_fail (RAMING_IS_PARTNER (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

double
raming_partner_get_field (RamingPartner      *self,
                          RamingPartnerField  field)
{
  g_return_val_if_fail (RAMING_IS_PARTNER (self), NAN);
  g_return_val_if_fail (field >= 0 && field < RAMING_PARTNER_N_FIELDS, NAN);
  return self->fields[field];
}

void
raming_partner_set_field (RamingPartner      *self,
                          RamingPartnerField  field,
                          double              value)
{
  g_return_if_fail (RAMING_IS_PARTNER (self));
  g_return_if_fail (field >= 0 && field < RAMING_PARTNER_N_FIELDS);
  if (raming_set_double (&self->fields[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT + field]);
}

const char * const *
raming_partner_get_measures (RamingPartner *self)
{
  g_return_val_if_fail (RAMING_IS_PARTNER (self), NULL);
  return (const char * const *) self->measures;
}

void
raming_partner_set_measures (RamingPartner      *self,
                             const char * const *measures)
{
  g_return_if_fail (RAMING_IS_PARTNER (self));
  if (raming_set_strv (&self->measures, measures))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURES]);
}
