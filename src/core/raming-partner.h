/* raming-partner.h: a referrer or partner whose figures feed estimates
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "raming-types.h"

G_BEGIN_DECLS

#define RAMING_TYPE_PARTNER (raming_partner_get_type ())

G_DECLARE_FINAL_TYPE (RamingPartner, raming_partner, RAMING, PARTNER, GObject)

/* The numeric fields that formulas can use as "<partner id>.<field>". */
typedef enum
{
  RAMING_PARTNER_FIELD_COUNT,
  RAMING_PARTNER_FIELD_COVERAGE,
  RAMING_PARTNER_FIELD_TARGET_COVERAGE,
  RAMING_PARTNER_FIELD_REFERRALS,
  RAMING_PARTNER_N_FIELDS,
  RAMING_PARTNER_FIELD_INVALID = -1,
} RamingPartnerField;

RamingPartner      *raming_partner_new              (const char         *id,
                                                     const char         *name);
const char         *raming_partner_get_id           (RamingPartner      *self);
void                raming_partner_set_id           (RamingPartner      *self,
                                                     const char         *id);
const char         *raming_partner_get_name         (RamingPartner      *self);
void                raming_partner_set_name         (RamingPartner      *self,
                                                     const char         *name);
RamingPartnerKind   raming_partner_get_kind         (RamingPartner      *self);
void                raming_partner_set_kind         (RamingPartner      *self,
                                                     RamingPartnerKind   kind);
double              raming_partner_get_field        (RamingPartner      *self,
                                                     RamingPartnerField  field);
void                raming_partner_set_field        (RamingPartner      *self,
                                                     RamingPartnerField  field,
                                                     double              value);
const char         *raming_partner_get_note         (RamingPartner      *self);
void                raming_partner_set_note         (RamingPartner      *self,
                                                     const char         *note);
const char         *raming_partner_get_source       (RamingPartner      *self);
void                raming_partner_set_source       (RamingPartner      *self,
                                                     const char         *source);
const char         *raming_partner_get_page         (RamingPartner      *self);
void                raming_partner_set_page         (RamingPartner      *self,
                                                     const char         *page);
const char * const *raming_partner_get_measures     (RamingPartner      *self);
void                raming_partner_set_measures     (RamingPartner      *self,
                                                     const char * const *measures);

RamingPartnerField  raming_partner_field_from_name  (const char         *name);
const char         *raming_partner_field_to_name    (RamingPartnerField  field,
                                                     RamingLanguage      language);
const char         *raming_partner_field_to_property (RamingPartnerField field);
char               *raming_partner_canonical_name   (const char         *name);

G_END_DECLS
