/* raming-export-csv.c: the note table for spreadsheets
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dutch spreadsheet programs expect ';' between fields (the comma is the
 * decimal separator) and recognise UTF-8 by its byte-order mark. Amounts
 * are whole euros without separators, so that they arrive as numbers.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "raming-export.h"

/* A text cell a spreadsheet would run as a formula ("=cmd|' /C calc'!A0")
 * gets an apostrophe in front, which spreadsheets show as text. A lone
 * "-" (the note's empty cell) is harmless and stays as it is. */
char *
raming_csv_guard (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0' && !g_str_equal (text, "-"))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static void
append_field (GString    *out,
              const char *text,
              char        separator,
              gboolean    guard)
{
  g_autofree char *safe = guard ? raming_csv_guard (text) : g_strdup (text);

  if (strchr (safe, separator) || strchr (safe, '"') || strchr (safe, '\n') || strchr (safe, '\r'))
    {
      g_string_append_c (out, '"');
      for (const char *p = safe; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, safe);
}

static void
append_cell (GString              *out,
             const RamingNoteCell *cell,
             char                  separator)
{
  if (!cell->shown)
    return;

  switch (cell->kind)
    {
    case RAMING_CELL_VALUE:
      g_string_append_printf (out, "%.0f", round (cell->value) == 0 ? 0.0 : round (cell->value));
      break;
    case RAMING_CELL_STATUS:
      append_field (out, cell->status_text, separator, TRUE);
      break;
    case RAMING_CELL_ERROR:
      append_field (out, cell->text, separator, TRUE);
      break;
    case RAMING_CELL_BLANK:
    default:
      break;
    }
}

static void
append_row (GString             *out,
            RamingNoteTable     *table,
            const RamingNoteRow *row,
            char                 separator)
{
  append_field (out, row->title, separator, TRUE);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      g_string_append_c (out, separator);
      append_cell (out, &row->cells[c], separator);
      if (c == RAMING_COLUMN_RESULT)
        {
          g_string_append_c (out, separator);
          if (row->cells[c].shown && row->cells[c].label != NULL)
            append_field (out, row->cells[c].label, separator, TRUE);
        }
    }
  g_string_append (out, "\r\n");
}

GBytes *
raming_export_csv (RamingNoteTable *table)
{
  GString *out = g_string_new ("\357\273\277");
  RamingLanguage language = raming_note_table_get_language (table);
  char separator = language == RAMING_LANGUAGE_NL ? ';' : ',';

  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      append_field (out, raming_note_table_get_header (table, c), separator, TRUE);
      if (c == RAMING_COLUMN_RESULT + 1)
        {
          g_string_append_c (out, separator);
          append_field (out, language == RAMING_LANGUAGE_NL ? "Periode resultaat" : "Result period",
                        separator, TRUE);
        }
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    append_row (out, table, raming_note_table_get_row (table, i), separator);
  append_row (out, table, raming_note_table_get_total (table), separator);

  return g_string_free_to_bytes (out);
}
