/* raming-export-md.c: the appendix in Markdown
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pipe table as GitHub, GitLab, pandoc and most wikis read it, with the
 * amount columns right-aligned. Document text is escaped so that it is
 * shown as written: a "*" or "<b>" in a title is text, not markup.
 */

#include "config.h"

#include <string.h>

#include "raming-export.h"

/* Characters that mean something inline in CommonMark or one of its
 * common extensions (tables, strikethrough, math, HTML, entities). Any
 * ASCII punctuation may be escaped with a backslash. */
#define INLINE_SPECIAL "\\`*_[]<>|~&$^#"
/* … and what means something only at the start of a line. */
#define LINE_START_SPECIAL "#+-=>"

static void
append_md (GString    *out,
           const char *text,
           gboolean    line_start)
{
  g_autofree char *clean = raming_export_clean_text (text);
  const char *p;

  /* One line: a line break would end the table row or the list item;
   * leading spaces would make code of a paragraph. */
  for (char *q = clean; *q; q++)
    if (*q == '\t' || *q == '\n' || *q == '\r')
      *q = ' ';
  p = g_strstrip (clean);

  if (line_start)
    {
      const char *digits = p;

      while (g_ascii_isdigit (*digits))
        digits++;
      if (*p != '\0' && strchr (LINE_START_SPECIAL, *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p++);
        }
      else if (digits > p && (*digits == '.' || *digits == ')'))
        {
          /* "2021. …" would start an ordered list */
          g_string_append_len (out, p, digits - p);
          g_string_append_c (out, '\\');
          p = digits;
          g_string_append_c (out, *p++);
        }
    }

  for (; *p; p++)
    {
      if (strchr (INLINE_SPECIAL, *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_cell (GString    *out,
             const char *text,
             gboolean    bold)
{
  g_string_append (out, " ");
  if (text != NULL && text[0] != '\0')
    {
      if (bold)
        g_string_append (out, "**");
      append_md (out, text, FALSE);
      if (bold)
        g_string_append (out, "**");
    }
  g_string_append (out, " |");
}

static void
append_row (GString             *out,
            const RamingNoteRow *row)
{
  gboolean bold = row->kind == RAMING_NOTE_ROW_TOTAL;

  g_string_append (out, "|");
  append_cell (out, row->title, bold);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    append_cell (out, row->cells[c].text, bold);
  g_string_append (out, "\n");
}

static void
append_paragraph (GString    *out,
                  const char *text)
{
  append_md (out, text, TRUE);
  g_string_append (out, "\n\n");
}

GBytes *
raming_export_md (RamingNoteTable           *table,
                  const RamingExportOptions *options)
{
  const char *subtitle = raming_note_table_get_subtitle (table);
  GPtrArray *footnotes = raming_note_table_get_footnotes (table);
  GPtrArray *sources = raming_note_table_get_sources (table);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  g_string_append (out, "**");
  append_md (out, raming_note_table_get_string (table, "appendix"), FALSE);
  g_string_append (out, "**\n\n# ");
  append_md (out, raming_note_table_get_title (table), FALSE);
  g_string_append (out, "\n\n");
  if (subtitle != NULL && subtitle[0] != '\0')
    append_paragraph (out, subtitle);

  g_string_append (out, "|");
  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    append_cell (out, raming_note_table_get_header (table, c), FALSE);
  g_string_append (out, "\n|");
  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    g_string_append (out, c == 0 ? " :--- |" : " ---: |");
  g_string_append (out, "\n");
  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    append_row (out, raming_note_table_get_row (table, i));
  append_row (out, raming_note_table_get_total (table));
  g_string_append (out, "\n");

  for (guint i = 0; i < footnotes->len; i++)
    append_paragraph (out, footnotes->pdata[i]);
  append_paragraph (out, raming_note_table_get_gap_text (table));
  append_paragraph (out, raming_note_table_get_band_text (table));

  if (sources->len > 0)
    {
      g_string_append (out, "## ");
      append_md (out, raming_note_table_get_string (table, "sources"), FALSE);
      g_string_append (out, "\n\n");
      for (guint i = 0; i < sources->len; i++)
        {
          g_string_append (out, "- ");
          append_md (out, sources->pdata[i], TRUE);
          g_string_append (out, "\n");
        }
    }

  if (options != NULL && options->include_actions)
    {
      static const char *headers[] = { "action", "owner", "due", "status" };
      GPtrArray *actions = raming_note_table_get_actions (table);

      g_string_append (out, "\n## ");
      append_md (out, raming_note_table_get_string (table, "actions"), FALSE);
      g_string_append (out, "\n\n|");
      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        append_cell (out, raming_note_table_get_string (table, headers[c]), FALSE);
      g_string_append (out, "\n|");
      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        g_string_append (out, " :--- |");
      g_string_append (out, "\n");
      for (guint i = 0; i < actions->len; i++)
        {
          const RamingNoteAction *action = actions->pdata[i];

          g_string_append (out, "|");
          append_cell (out, action->title, FALSE);
          append_cell (out, action->owner, FALSE);
          append_cell (out, action->due, FALSE);
          append_cell (out, action->status, FALSE);
          g_string_append (out, "\n");
        }
    }

  return g_string_free_to_bytes (out);
}
