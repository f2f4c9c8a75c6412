/* raming-types.h: enumerations shared by the core
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The language of a document: it decides how formulas are written
 * (decimal comma and ';' between arguments in Dutch) and how every
 * exported number and word looks, whatever the desktop's locale is. */
typedef enum
{
  RAMING_LANGUAGE_NL,
  RAMING_LANGUAGE_EN,
} RamingLanguage;

/* The columns of the note table, in the order of the note. */
typedef enum
{
  RAMING_COLUMN_NATIONAL,
  RAMING_COLUMN_RESULT,
  RAMING_COLUMN_ORIGINAL,
  RAMING_COLUMN_REALISTIC,
} RamingColumn;

#define RAMING_N_COLUMNS 4

/* What a cell holds when it does not hold a number. */
typedef enum
{
  RAMING_CELL_STATUS_NONE_SET,      /* not a status cell */
  RAMING_CELL_STATUS_UNKNOWN,       /* "Niet bekend" */
  RAMING_CELL_STATUS_NONE,          /* "Geen" */
  RAMING_CELL_STATUS_TO_EXPLORE,    /* "Verkennen we" */
  RAMING_CELL_STATUS_NOT_APPLICABLE,/* "Nvt" */
  RAMING_CELL_STATUS_EMPTY,         /* "-" */
} RamingCellStatus;

typedef enum
{
  RAMING_UNIT_EURO,
  RAMING_UNIT_PERCENT,
  RAMING_UNIT_COUNT,
  RAMING_UNIT_FACTOR,
} RamingUnit;

typedef enum
{
  RAMING_ASSUMPTION_FINAL,
  RAMING_ASSUMPTION_PROVISIONAL,
} RamingAssumptionStatus;

typedef enum
{
  RAMING_ASSUMPTION_ROLE_NONE,
  RAMING_ASSUMPTION_ROLE_MACRO_SHARE,
  RAMING_ASSUMPTION_ROLE_SAVINGS_TARGET,
} RamingAssumptionRole;

typedef enum
{
  RAMING_PARTNER_REFERRER,   /* legal referrer under the Jeugdwet */
  RAMING_PARTNER_PARTNER,    /* partner in the sociale basis */
} RamingPartnerKind;

typedef enum
{
  RAMING_ACTION_OPEN,
  RAMING_ACTION_IN_PROGRESS,
  RAMING_ACTION_DONE,
  RAMING_ACTION_DROPPED,
} RamingActionStatus;

G_END_DECLS
