/* raming-export-pdf.c: the appendix as a PDF, A4
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn by the same renderer as the printed page. cairo embeds (subsets
 * of) the fonts and keeps the text as text, so that it can be selected
 * and searched, and read back by pdftotext in the tests.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include "raming-export.h"
#include "raming-note-renderer.h"

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
raming_export_pdf (RamingNoteTable           *table,
                   const RamingExportOptions *options,
                   GError                   **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(RamingNoteRenderer) renderer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (table != NULL, NULL);

  raming_note_renderer_get_page_size (options, &width, &height);
  renderer = raming_note_renderer_new (table, options, width, height, RAMING_NOTE_MARGIN_PT);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, width, height);
  title = raming_export_clean_text (raming_note_table_get_title (table));
  subject = raming_export_clean_text (raming_note_table_get_subtitle (table));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (subject[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Raming " PACKAGE_VERSION);

  cr = cairo_create (surface);
  n_pages = raming_note_renderer_paginate (renderer, cr);
  for (guint page = 0; page < n_pages; page++)
    {
      raming_note_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
