/* raming-choice-cell.h: a table cell choosing an enum value of an item
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_CHOICE_CELL (raming_choice_cell_get_type ())

G_DECLARE_FINAL_TYPE (RamingChoiceCell, raming_choice_cell, RAMING, CHOICE_CELL, GtkWidget)

/* @labels: the names of the enum values 0, 1, … in order */
GtkWidget   *raming_choice_cell_new          (const char         *property,
                                              const char * const *labels,
                                              const char         *accessible_name);
void         raming_choice_cell_bind         (RamingChoiceCell   *self,
                                              RamingDocument     *document,
                                              GObject            *item);
void         raming_choice_cell_unbind       (RamingChoiceCell   *self);
GtkDropDown *raming_choice_cell_get_drop_down (RamingChoiceCell  *self);
GObject     *raming_choice_cell_get_item     (RamingChoiceCell   *self);

#define RAMING_TYPE_LINKS_CELL (raming_links_cell_get_type ())

G_DECLARE_FINAL_TYPE (RamingLinksCell, raming_links_cell, RAMING, LINKS_CELL, GtkWidget)

/* The measures an item (partner or action) is linked to, a GStrv of ids
 * in the property "measures"; a popover with a check box per measure. */
GtkWidget   *raming_links_cell_new           (void);
void         raming_links_cell_bind          (RamingLinksCell    *self,
                                              RamingDocument     *document,
                                              GObject            *item);
void         raming_links_cell_unbind        (RamingLinksCell    *self);
const char  *raming_links_cell_get_text      (RamingLinksCell    *self);
GObject     *raming_links_cell_get_item      (RamingLinksCell    *self);

G_END_DECLS
