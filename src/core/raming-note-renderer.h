/* raming-note-renderer.h: the appendix laid out on pages, with cairo and Pango
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "raming-export.h"
#include "raming-note-table.h"

G_BEGIN_DECLS

/* Sizes are in points (1/72 inch). */
#define RAMING_A4_WIDTH_PT       595.2756
#define RAMING_A4_HEIGHT_PT      841.8898
#define RAMING_NOTE_MARGIN_PT    56.6929   /* 2 cm */

#define RAMING_TYPE_NOTE_RENDERER (raming_note_renderer_get_type ())

G_DECLARE_FINAL_TYPE (RamingNoteRenderer, raming_note_renderer, RAMING, NOTE_RENDERER, GObject)

/* The renderer copies what it needs from the table: the table may be
 * freed as soon as this returns.
 *
 * For GtkPrintOperation: set the unit to GTK_UNIT_POINTS and use the full
 * page (gtk_print_operation_set_use_full_page), create the renderer with
 * the page setup's paper size, call raming_note_renderer_paginate() with
 * the print context's cairo_t in "begin-print" or "paginate" and
 * raming_note_renderer_draw_page() in "draw-page". The renderer lays out
 * text at 72 dpi, which is what the print context's cairo_t expects. */
RamingNoteRenderer *raming_note_renderer_new            (RamingNoteTable           *table,
                                                         const RamingExportOptions *options,
                                                         double                     page_width_pt,
                                                         double                     page_height_pt,
                                                         double                     margin_pt);
void                raming_note_renderer_get_page_size  (const RamingExportOptions *options,
                                                         double                    *width_pt,
                                                         double                    *height_pt);
guint               raming_note_renderer_paginate       (RamingNoteRenderer        *self,
                                                         cairo_t                   *cr);
guint               raming_note_renderer_get_n_pages    (RamingNoteRenderer        *self);
void                raming_note_renderer_draw_page      (RamingNoteRenderer        *self,
                                                         cairo_t                   *cr,
                                                         guint                      page);
guint               raming_note_renderer_get_header_count (RamingNoteRenderer      *self,
                                                         guint                      page);

G_END_DECLS
