/* raming-explain.h: how a figure was derived
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "raming-document.h"

G_BEGIN_DECLS

typedef enum
{
  RAMING_TERM_ASSUMPTION,
  RAMING_TERM_PARTNER_FIELD,
  RAMING_TERM_ESTIMATE,      /* a national (AEF) estimate */
  RAMING_TERM_RESULT,        /* a result entry */
  RAMING_TERM_UNKNOWN,       /* a name that resolves to nothing */
} RamingTermKind;

typedef struct
{
  RamingTermKind  kind;
  char           *name;        /* key, "partner.field", or the estimate's label */
  char           *label;       /* what it is, in words */
  char           *value_text;  /* formatted in the document's language */
  double          value;
  char           *range_text;  /* NULL without a range */
  char           *source;      /* the source's title, or NULL */
  char           *page;
  char           *status;      /* "final" / "provisional" for assumptions */
  gpointer        object;      /* the RamingAssumption, RamingPartner … (unowned) */
} RamingTerm;

typedef struct
{
  char      *summary;      /* one line: what kind of figure this is */
  char      *formula;      /* the formula as written, or NULL */
  char      *value_text;
  char      *range_text;
  char      *error;
  GPtrArray *terms;        /* RamingTerm* */
} RamingExplanation;

RamingExplanation *raming_explain_cell          (RamingDocument    *document,
                                                 RamingCell        *cell);
RamingExplanation *raming_explain_assumption    (RamingDocument    *document,
                                                 RamingAssumption  *assumption);
char              *raming_explanation_to_text   (RamingExplanation *self);
void               raming_explanation_free      (RamingExplanation *self);
GPtrArray         *raming_document_list_users   (RamingDocument    *document,
                                                 const char        *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RamingExplanation, raming_explanation_free)

G_END_DECLS
