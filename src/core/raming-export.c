/* raming-export.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "raming-export.h"

static const struct {
  const char *name;
  const char *extension;
} formats[RAMING_EXPORT_N_FORMATS] = {
  [RAMING_EXPORT_CSV] = { "csv", "csv" },
  [RAMING_EXPORT_JSON] = { "json", "json" },
};

RamingExportFormat
raming_export_format_from_name (const char *name)
{
  g_return_val_if_fail (name != NULL, RAMING_EXPORT_INVALID);

  for (guint i = 0; i < RAMING_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      return i;
  return RAMING_EXPORT_INVALID;
}

const char *
raming_export_format_to_name (RamingExportFormat format)
{
  g_return_val_if_fail (format >= 0 && format < RAMING_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

const char *
raming_export_format_extension (RamingExportFormat format)
{
  g_return_val_if_fail (format >= 0 && format < RAMING_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

char *
raming_export_format_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < RAMING_EXPORT_N_FORMATS; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", formats[i].name);
  return g_string_free (list, FALSE);
}

GBytes *
raming_export_to_bytes (RamingNoteTable           *table,
                        RamingExportFormat         format,
                        const RamingExportOptions *options,
                        GError                   **error)
{
  g_return_val_if_fail (table != NULL, NULL);

  switch (format)
    {
    case RAMING_EXPORT_CSV:
      return raming_export_csv (table);
    case RAMING_EXPORT_JSON:
      return raming_export_json (table);
    case RAMING_EXPORT_N_FORMATS:
    case RAMING_EXPORT_INVALID:
    default:
      {
        g_autofree char *list = raming_export_format_list ();

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Unknown export format; choose one of %s"), list);
        return NULL;
      }
    }
}

/* Writes to a temporary file and renames it into place: an export is
 * never left half written, whatever happens while it is written. */
gboolean
raming_export_to_file (RamingDocument            *document,
                       RamingExportFormat         format,
                       RamingLanguage             language,
                       const RamingExportOptions *options,
                       GFile                     *output,
                       GError                   **error)
{
  g_autoptr(RamingNoteTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  table = raming_note_table_new (document, language);
  if (!(bytes = raming_export_to_bytes (table, format, options, error)))
    return FALSE;

  return g_file_replace_contents (output,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
