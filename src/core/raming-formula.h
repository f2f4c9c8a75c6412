/* raming-formula.h: parsed and compiled estimate formulas
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "raming-types.h"

G_BEGIN_DECLS

#define RAMING_FORMULA_ERROR (raming_formula_error_quark ())

typedef enum
{
  RAMING_FORMULA_ERROR_SYNTAX,
  RAMING_FORMULA_ERROR_UNKNOWN_NAME,
  RAMING_FORMULA_ERROR_UNKNOWN_FUNCTION,
  RAMING_FORMULA_ERROR_ARGUMENTS,
  RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
  RAMING_FORMULA_ERROR_NOT_FINITE,
  RAMING_FORMULA_ERROR_CYCLE,
  RAMING_FORMULA_ERROR_REFERENCE,
} RamingFormulaError;

#define RAMING_TYPE_FORMULA (raming_formula_get_type ())

typedef struct _RamingFormula RamingFormula;

GQuark          raming_formula_error_quark        (void);
GType           raming_formula_get_type           (void) G_GNUC_CONST;
RamingFormula  *raming_formula_parse              (const char           *text,
                                                   RamingLanguage        language,
                                                   GError              **error);
RamingFormula  *raming_formula_ref                (RamingFormula        *self);
void            raming_formula_unref              (RamingFormula        *self);
const char     *raming_formula_get_text           (RamingFormula        *self);
char           *raming_formula_to_string          (RamingFormula        *self,
                                                   RamingLanguage        language);
char           *raming_formula_rename             (RamingFormula        *self,
                                                   const char           *from,
                                                   const char           *to,
                                                   RamingLanguage        language);
guint           raming_formula_get_n_names        (RamingFormula        *self);
const char     *raming_formula_get_name           (RamingFormula        *self,
                                                   guint                 position);
gboolean        raming_formula_evaluate           (RamingFormula        *self,
                                                   const double         *values,
                                                   double               *result,
                                                   GError              **error);
gboolean        raming_formula_evaluate_interval  (RamingFormula        *self,
                                                   const double         *lows,
                                                   const double         *highs,
                                                   double               *low,
                                                   double               *high,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RamingFormula, raming_formula_unref)

G_END_DECLS
