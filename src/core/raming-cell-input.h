/* raming-cell-input.h: what an adviser put into one cell of the note
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "raming-formula.h"
#include "raming-types.h"

G_BEGIN_DECLS

typedef enum
{
  RAMING_CELL_INPUT_BLANK,
  RAMING_CELL_INPUT_AMOUNT,
  RAMING_CELL_INPUT_FORMULA,
  RAMING_CELL_INPUT_STATUS,
} RamingCellInputKind;

#define RAMING_TYPE_CELL_INPUT (raming_cell_input_get_type ())

/* Immutable and reference counted: a new value replaces the old one as a
 * whole, which is what makes an edit a single undoable property change. */
typedef struct _RamingCellInput RamingCellInput;

GType                raming_cell_input_get_type        (void) G_GNUC_CONST;
RamingCellInput     *raming_cell_input_new_blank       (void);
RamingCellInput     *raming_cell_input_new_amount      (double                 amount);
RamingCellInput     *raming_cell_input_new_status      (RamingCellStatus       status,
                                                        const char            *label);
RamingCellInput     *raming_cell_input_new_formula     (const char            *text,
                                                        RamingLanguage         language);
RamingCellInput     *raming_cell_input_new_from_text   (const char            *text,
                                                        RamingLanguage         language,
                                                        GError               **error);
RamingCellInput     *raming_cell_input_ref             (RamingCellInput       *self);
void                 raming_cell_input_unref           (RamingCellInput       *self);
RamingCellInput     *raming_cell_input_copy_with_range (RamingCellInput       *self,
                                                        RamingCellInput       *low,
                                                        RamingCellInput       *high);
RamingCellInput     *raming_cell_input_copy_with_meta  (RamingCellInput       *self,
                                                        const char            *source,
                                                        const char            *page,
                                                        const char            *note);
RamingCellInput     *raming_cell_input_relanguage      (RamingCellInput       *self,
                                                        RamingLanguage         from,
                                                        RamingLanguage         to);
RamingCellInput     *raming_cell_input_rename          (RamingCellInput       *self,
                                                        const char            *from,
                                                        const char            *to,
                                                        RamingLanguage         language);
JsonNode            *raming_cell_input_to_json         (RamingCellInput       *self);
char                *raming_cell_input_to_text         (RamingCellInput       *self,
                                                        RamingLanguage         language);
gboolean             raming_cell_input_equal           (RamingCellInput       *a,
                                                        RamingCellInput       *b);
RamingCellInputKind  raming_cell_input_get_kind        (RamingCellInput       *self);
double               raming_cell_input_get_amount      (RamingCellInput       *self);
RamingFormula       *raming_cell_input_get_formula     (RamingCellInput       *self);
const char          *raming_cell_input_get_formula_text(RamingCellInput       *self);
const GError        *raming_cell_input_get_formula_error (RamingCellInput     *self);
RamingCellStatus     raming_cell_input_get_status      (RamingCellInput       *self);
const char          *raming_cell_input_get_label       (RamingCellInput       *self);
RamingCellInput     *raming_cell_input_get_low         (RamingCellInput       *self);
RamingCellInput     *raming_cell_input_get_high        (RamingCellInput       *self);
const char          *raming_cell_input_get_source      (RamingCellInput       *self);
const char          *raming_cell_input_get_page        (RamingCellInput       *self);
const char          *raming_cell_input_get_note        (RamingCellInput       *self);
gboolean             raming_cell_input_is_blank        (RamingCellInput       *self);

const char          *raming_cell_status_to_id          (RamingCellStatus       status);
RamingCellStatus     raming_cell_status_from_id        (const char            *id);
const char          *raming_cell_status_to_word        (RamingCellStatus       status,
                                                        RamingLanguage         language);
RamingCellStatus     raming_cell_status_from_word      (const char            *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RamingCellInput, raming_cell_input_unref)

G_END_DECLS
