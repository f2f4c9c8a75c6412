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
  RAMING_EXPORT_N_FORMATS,
  RAMING_EXPORT_INVALID = -1,
} RamingExportFormat;

typedef struct
{
  gboolean include_actions;   /* the optional second part of the appendix */
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

GBytes             *raming_export_csv               (RamingNoteTable     *table);
GBytes             *raming_export_json              (RamingNoteTable     *table);

G_END_DECLS
