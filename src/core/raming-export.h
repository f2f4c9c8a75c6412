/* raming-export.h: the note table as a file for other programs
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "raming-document.h"
#include "raming-note-table.h"

G_BEGIN_DECLS

typedef enum
{
  RAMING_EXPORT_CSV,
  RAMING_EXPORT_JSON,
  RAMING_EXPORT_PDF,
  RAMING_EXPORT_ODT,
  RAMING_EXPORT_HTML,
  RAMING_EXPORT_MD,
  RAMING_EXPORT_N_FORMATS,
  RAMING_EXPORT_INVALID = -1,
} RamingExportFormat;

typedef struct
{
  gboolean include_actions;   /* the optional second part of the appendix */
  gboolean landscape;         /* PDF and ODT: A4 landscape instead of portrait */
} RamingExportOptions;

RamingExportFormat  raming_export_format_from_name  (const char          *name);
const char         *raming_export_format_to_name    (RamingExportFormat   format);
const char         *raming_export_format_extension  (RamingExportFormat   format);
char               *raming_export_format_list       (void);
GBytes             *raming_export_to_bytes          (RamingNoteTable     *table,
                                                     RamingExportFormat   format,
                                                     const RamingExportOptions *options,
                                                     GError             **error);
gboolean            raming_export_to_file           (RamingDocument      *document,
                                                     RamingExportFormat   format,
                                                     RamingLanguage       language,
                                                     const RamingExportOptions *options,
                                                     GFile               *output,
                                                     GError             **error);
char               *raming_csv_guard                (const char          *text);

const char         *raming_export_format_mime_type  (RamingExportFormat   format);

GBytes             *raming_export_csv               (RamingNoteTable     *table);
GBytes             *raming_export_json              (RamingNoteTable     *table);
GBytes             *raming_export_pdf               (RamingNoteTable     *table,
                                                     const RamingExportOptions *options,
                                                     GError             **error);
GBytes             *raming_export_odt               (RamingNoteTable     *table,
                                                     const RamingExportOptions *options,
                                                     GError             **error);
GBytes             *raming_export_html              (RamingNoteTable     *table,
                                                     const RamingExportOptions *options);
GBytes             *raming_export_md                (RamingNoteTable     *table,
                                                     const RamingExportOptions *options);

/* The table alone, for "Copy table": text/html and text/plain. */
char               *raming_export_table_html_fragment (RamingNoteTable   *table);
char               *raming_export_table_plain_text  (RamingNoteTable     *table);

/* Helpers shared by the exporters. Every piece of document text goes
 * through one of these before it is written. */
char               *raming_export_clean_text        (const char          *text);
void                raming_export_append_xml        (GString             *out,
                                                     const char          *text);

G_END_DECLS
