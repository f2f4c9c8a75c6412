/* random-document.h: seeded random documents and edits for property tests
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "raming-document.h"

G_BEGIN_DECLS

/* A valid .raming text: measures in groups, assumptions whose formulas
 * name each other (cycles included), partners, actions, sources, cells of
 * every form, unknown members, and text with quotes, RTL marks, control
 * characters and emoji. size is about the number of measures. */
char *random_document_text (GRand *rand,
                            guint  size);

/* One random edit a user can make, through the undoable API: a cell, a
 * field, an id, an insertion, removal or move of any kind of item, or a
 * group of those, always as one undo step. Only edits after which the
 * document still saves to a file that loads. Appends what it did to log. */
void  random_document_edit (RamingDocument *document,
                            GRand          *rand,
                            GString        *log);

G_END_DECLS
