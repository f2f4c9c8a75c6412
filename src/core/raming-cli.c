/* raming-cli.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "raming-cli.h"
#include "raming-export.h"

/* The one sentence both the window and the command line show when a
 * document cannot be opened. */
char *
raming_describe_open_error (GFile        *file,
                            const GError *error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  name = g_file_get_basename (file);
  return g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
}

int
raming_cli_export (const char *document,
                   const char *format_name,
                   const char *output,
                   const char *language_name,
                   gboolean    include_actions,
                   gboolean    landscape)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(RamingDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  RamingExportOptions options = { 0, };
  RamingExportFormat format;
  RamingLanguage language;

  options.include_actions = include_actions;
  options.landscape = landscape;

  format = raming_export_format_from_name (format_name);
  if (format == RAMING_EXPORT_INVALID)
    {
      g_autofree char *list = raming_export_format_list ();

      g_printerr (_("raming: unknown export format “%s”; choose one of %s\n"), format_name, list);
      return 2;
    }
  if (document == NULL)
    {
      g_printerr (_("raming: name the document to export, e.g. raming --export=csv --output=table.csv analysis.raming\n"));
      return 2;
    }
  if (output == NULL)
    {
      g_printerr (_("raming: name the file to write with --output=FILE\n"));
      return 2;
    }
  if (language_name != NULL && !g_str_equal (language_name, "nl") && !g_str_equal (language_name, "en"))
    {
      g_printerr (_("raming: unknown language “%s”; choose nl or en\n"), language_name);
      return 2;
    }

  file = g_file_new_for_commandline_arg (document);
  if (!(doc = raming_document_load_from_file (file, NULL, &error)))
    {
      g_autofree char *message = raming_describe_open_error (file, error);

      g_printerr ("raming: %s\n", message);
      return 1;
    }

  if (language_name != NULL)
    language = g_str_equal (language_name, "en") ? RAMING_LANGUAGE_EN : RAMING_LANGUAGE_NL;
  else
    language = raming_document_get_language (doc);

  out = g_file_new_for_commandline_arg (output);
  if (!raming_export_to_file (doc, format, language, &options, out, &error))
    {
      g_autofree char *name = g_file_get_basename (out);

      g_printerr (_("raming: could not write “%s”: %s\n"), name, error->message);
      return 1;
    }

  return 0;
}
