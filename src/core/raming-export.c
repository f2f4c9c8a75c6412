/* raming-export.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "raming-export.h"

static const struct {
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[RAMING_EXPORT_N_FORMATS] = {
  [RAMING_EXPORT_CSV] = { "csv", "csv", "text/csv" },
  [RAMING_EXPORT_JSON] = { "json", "json", "application/json" },
  [RAMING_EXPORT_PDF] = { "pdf", "pdf", "application/pdf" },
  [RAMING_EXPORT_ODT] = { "odt", "odt", "application/vnd.oasis.opendocument.text" },
  [RAMING_EXPORT_HTML] = { "html", "html", "text/html" },
  [RAMING_EXPORT_MD] = { "md", "md", "text/markdown" },
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

const char *
raming_export_format_mime_type (RamingExportFormat format)
{
  g_return_val_if_fail (format >= 0 && format < RAMING_EXPORT_N_FORMATS, NULL);
  return formats[format].mime_type;
}

char *
raming_export_format_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < RAMING_EXPORT_N_FORMATS; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", formats[i].name);
  return g_string_free (list, FALSE);
}

static gboolean
is_bidi_embedding (gunichar c)
{
  /* LRE, RLE, LRO, RLO: closed by PDF */
  return c >= 0x202A && c <= 0x202E && c != 0x202C;
}

static gboolean
is_bidi_isolate (gunichar c)
{
  /* LRI, RLI, FSI: closed by PDI */
  return c >= 0x2066 && c <= 0x2068;
}

static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Makes a piece of document text safe to put in any export:
 *
 * - invalid UTF-8 and characters XML 1.0 does not allow (control
 *   characters such as U+0001, which even &#1; cannot carry) become
 *   U+FFFD, so that the reader sees that something was there;
 * - bidirectional embeddings and isolates opened in the text are closed
 *   at its end and stray closers are dropped, so that a right-to-left
 *   override in a measure's title cannot reverse the cells after it
 *   (a Markdown row or a tab-separated line is one bidi paragraph).
 */
char *
raming_export_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GArray) stack = NULL;   /* gunichar openers */
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  stack = g_array_new (FALSE, FALSE, sizeof (gunichar));
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_xml_char (c))
        c = 0xFFFD;
      else if (is_bidi_embedding (c) || is_bidi_isolate (c))
        g_array_append_val (stack, c);
      else if (c == 0x202C)   /* PDF closes the innermost embedding, not an isolate */
        {
          if (stack->len == 0 || is_bidi_isolate (g_array_index (stack, gunichar, stack->len - 1)))
            continue;
          g_array_set_size (stack, stack->len - 1);
        }
      else if (c == 0x2069)   /* PDI closes the innermost isolate and all within it */
        {
          guint i = stack->len;

          while (i > 0 && !is_bidi_isolate (g_array_index (stack, gunichar, i - 1)))
            i--;
          if (i == 0)
            continue;
          g_array_set_size (stack, i - 1);
        }
      g_string_append_unichar (out, c);
    }

  while (stack->len > 0)
    {
      gunichar opener = g_array_index (stack, gunichar, stack->len - 1);

      g_string_append_unichar (out, is_bidi_isolate (opener) ? 0x2069 : 0x202C);
      g_array_set_size (stack, stack->len - 1);
    }

  return g_string_free (out, FALSE);
}

/* Appends text for XML and XHTML element content or attribute values. */
void
raming_export_append_xml (GString    *out,
                          const char *text)
{
  g_autofree char *clean = raming_export_clean_text (text);

  g_return_if_fail (out != NULL);

  for (const char *p = clean; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

GBytes *
raming_export_to_bytes (RamingNoteTable           *table,
                        RamingExportFormat         format,
                        const RamingExportOptions *options,
                        GError                   **error)
{
  static const RamingExportOptions defaults = { FALSE, FALSE };

  g_return_val_if_fail (table != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  switch (format)
    {
    case RAMING_EXPORT_CSV:
      return raming_export_csv (table);
    case RAMING_EXPORT_JSON:
      return raming_export_json (table);
    case RAMING_EXPORT_PDF:
      return raming_export_pdf (table, options, error);
    case RAMING_EXPORT_ODT:
      return raming_export_odt (table, options, error);
    case RAMING_EXPORT_HTML:
      return raming_export_html (table, options);
    case RAMING_EXPORT_MD:
      return raming_export_md (table, options);
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
