/* raming-export-html.c: the appendix as a web page, and the table for the clipboard
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every style is written on the element itself: a word processor that
 * receives pasted HTML keeps inline styles and drops style sheets. The
 * markup is also well-formed XML (XHTML), so that any XML parser can
 * read it back; that is how the tests check it.
 */

#include "config.h"

#include <string.h>

#include "raming-export.h"

#define FONT        "font-family:Arial,Helvetica,sans-serif;"
#define RULE_STRONG "1pt solid #000"
#define RULE_LIGHT  "0.5pt solid #999"
#define CELL        "padding:3pt 4pt;"
#define TD          CELL "vertical-align:top;"
#define TH          CELL "vertical-align:bottom;font-weight:bold;background-color:#e0e0e0;" \
                    "border-top:" RULE_STRONG ";border-bottom:" RULE_STRONG ";"
#define GROUP       "background-color:#f2f2f2;"
#define NUMERIC     "text-align:right;font-variant-numeric:tabular-nums;"

static void
append_cell (GString    *out,
             const char *element,
             const char *style,
             const char *text)
{
  g_string_append_printf (out, "<%s style=\"%s\">", element, style);
  raming_export_append_xml (out, text);
  g_string_append_printf (out, "</%s>", element);
}

static void
append_row (GString             *out,
            const RamingNoteRow *row)
{
  gboolean total = row->kind == RAMING_NOTE_ROW_TOTAL;
  const char *border = total ? "border-top:" RULE_STRONG ";border-bottom:" RULE_STRONG ";"
                             : "border-bottom:" RULE_LIGHT ";";
  g_autofree char *title_style = NULL;
  g_autofree char *amount_style = NULL;

  /* A group row is shaded, on its cells: word processors ignore the
   * style of a table row. */
  g_string_append (out, "<tr>");
  if (row->kind == RAMING_NOTE_ROW_GROUP)
    border = "border-bottom:" RULE_LIGHT ";" GROUP;

  /* Sub-items stand further in, under their group. */
  title_style = g_strdup_printf ("%s%s%spadding-left:%upt;", TD, border,
                                 total ? "font-weight:bold;" : "", 4 + 10 * row->depth);
  amount_style = g_strdup_printf ("%s%s%s", TD, NUMERIC, border);
  append_cell (out, "td", title_style, row->title);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      if (total)
        {
          g_autofree char *bold = g_strconcat (amount_style, "font-weight:bold;", NULL);

          append_cell (out, "td", bold, row->cells[c].text);
        }
      else
        append_cell (out, "td", amount_style, row->cells[c].text);
    }
  g_string_append (out, "</tr>\n");
}

static void
append_table (GString         *out,
              RamingNoteTable *table)
{
  g_string_append (out, "<table style=\"" FONT "font-size:9pt;border-collapse:collapse;"
                        "border-spacing:0;width:100%;\">\n<thead>\n<tr>");
  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    append_cell (out, "th", c == 0 ? TH "text-align:left;" : TH "text-align:right;",
                 raming_note_table_get_header (table, c));
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    append_row (out, raming_note_table_get_row (table, i));
  append_row (out, raming_note_table_get_total (table));
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_actions (GString         *out,
                RamingNoteTable *table)
{
  static const char *headers[] = { "action", "owner", "due", "status" };
  GPtrArray *actions = raming_note_table_get_actions (table);

  g_string_append (out, "<h2 style=\"" FONT "font-size:11pt;margin:16pt 0 4pt 0;\">");
  raming_export_append_xml (out, raming_note_table_get_string (table, "actions"));
  g_string_append (out, "</h2>\n<table style=\"" FONT "font-size:9pt;border-collapse:collapse;"
                        "border-spacing:0;width:100%;\">\n<thead>\n<tr>");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    append_cell (out, "th", TH "text-align:left;", raming_note_table_get_string (table, headers[c]));
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
  for (guint i = 0; i < actions->len; i++)
    {
      const RamingNoteAction *action = actions->pdata[i];

      g_string_append (out, "<tr>");
      append_cell (out, "td", TD "border-bottom:" RULE_LIGHT ";", action->title);
      append_cell (out, "td", TD "border-bottom:" RULE_LIGHT ";", action->owner);
      append_cell (out, "td", TD "border-bottom:" RULE_LIGHT ";", action->due);
      append_cell (out, "td", TD "border-bottom:" RULE_LIGHT ";", action->status);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

GBytes *
raming_export_html (RamingNoteTable           *table,
                    const RamingExportOptions *options)
{
  const char *lang = raming_note_table_get_language (table) == RAMING_LANGUAGE_EN ? "en" : "nl";
  const char *subtitle = raming_note_table_get_subtitle (table);
  GPtrArray *footnotes = raming_note_table_get_footnotes (table);
  GPtrArray *sources = raming_note_table_get_sources (table);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  g_string_append_printf (out,
                          "<!DOCTYPE html>\n"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\" xml:lang=\"%s\">\n"
                          "<head>\n"
                          "<meta charset=\"utf-8\"/>\n"
                          "<meta name=\"generator\" content=\"Raming " PACKAGE_VERSION "\"/>\n"
                          "<title>", lang, lang);
  raming_export_append_xml (out, raming_note_table_get_title (table));
  g_string_append (out, "</title>\n</head>\n<body style=\"" FONT "font-size:10pt;color:#000;\">\n");

  g_string_append (out, "<p style=\"" FONT "font-size:9pt;font-weight:bold;margin:0;\">");
  raming_export_append_xml (out, raming_note_table_get_string (table, "appendix"));
  g_string_append (out, "</p>\n<h1 style=\"" FONT "font-size:14pt;margin:2pt 0 3pt 0;\">");
  raming_export_append_xml (out, raming_note_table_get_title (table));
  g_string_append (out, "</h1>\n");
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_string_append (out, "<p style=\"" FONT "font-size:9.5pt;margin:0 0 12pt 0;\">");
      raming_export_append_xml (out, subtitle);
      g_string_append (out, "</p>\n");
    }

  append_table (out, table);

  for (guint i = 0; i < footnotes->len; i++)
    {
      g_string_append_printf (out, "<p class=\"footnote\" style=\"" FONT "font-size:8pt;margin:%upt 0 0 0;\">",
                              i == 0 ? 6 : 2);
      raming_export_append_xml (out, footnotes->pdata[i]);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p class=\"gap\" style=\"" FONT "font-size:9pt;margin:8pt 0 0 0;\">");
  raming_export_append_xml (out, raming_note_table_get_gap_text (table));
  g_string_append (out, "</p>\n<p class=\"band\" style=\"" FONT "font-size:9pt;margin:3pt 0 0 0;\">");
  raming_export_append_xml (out, raming_note_table_get_band_text (table));
  g_string_append (out, "</p>\n");

  if (sources->len > 0)
    {
      g_string_append (out, "<h2 style=\"" FONT "font-size:11pt;margin:16pt 0 4pt 0;\">");
      raming_export_append_xml (out, raming_note_table_get_string (table, "sources"));
      g_string_append (out, "</h2>\n<ul style=\"" FONT "font-size:8pt;margin:0;\">\n");
      for (guint i = 0; i < sources->len; i++)
        {
          g_string_append (out, "<li>");
          raming_export_append_xml (out, sources->pdata[i]);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }

  if (options != NULL && options->include_actions)
    append_actions (out, table);

  g_string_append (out, "</body>\n</html>\n");
  return g_string_free_to_bytes (out);
}

/* The note table alone, as text/html for the clipboard. */
char *
raming_export_table_html_fragment (RamingNoteTable *table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  append_table (out, table);
  return g_string_free (out, FALSE);
}

static void
append_plain_field (GString    *out,
                    const char *text)
{
  g_autofree char *clean = raming_export_clean_text (text);
  g_autofree char *guarded = NULL;

  /* A tab or a line break would move the cells after it. */
  for (char *p = clean; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  /* Pasted into a spreadsheet, "=…" would run as a formula. */
  guarded = raming_csv_guard (clean);
  g_string_append (out, guarded);
}

static void
append_plain_row (GString             *out,
                  const RamingNoteRow *row)
{
  append_plain_field (out, row->title);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      g_string_append_c (out, '\t');
      append_plain_field (out, row->cells[c].text);
    }
  g_string_append_c (out, '\n');
}

/* The note table alone, as tab-separated text/plain for the clipboard:
 * a spreadsheet puts every cell in its own cell, a word processor can
 * turn it into a table. Amounts are written as in the note. */
char *
raming_export_table_plain_text (RamingNoteTable *table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, '\t');
      append_plain_field (out, raming_note_table_get_header (table, c));
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    append_plain_row (out, raming_note_table_get_row (table, i));
  append_plain_row (out, raming_note_table_get_total (table));
  return g_string_free (out, FALSE);
}
