/* pdf-text.c: reading a PDF back as words, for the export and print tests
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pdf-text.h"

char *
pdf_text_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    g_error ("%s is needed to read the PDF back: install poppler-utils", argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

char *
pdf_text_from_file (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return pdf_text_run (argv);
}

char *
pdf_text_info (const char *path,
               const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = pdf_text_run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_error ("pdfinfo says nothing of %s", key);
  return NULL;
}

static void
token_clear (PdfToken *token)
{
  g_free (token->text);
}

GArray *
pdf_text_tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (PdfToken));
  guint line = 0;
  const char *p = text;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  while (*p)
    {
      const char *start;
      PdfToken token;

      if (*p == '\n' || *p == '\f')
        {
          line++;
          p++;
          continue;
        }
      if (*p == ' ' || *p == '\t' || *p == '\r')
        {
          p++;
          continue;
        }
      start = p;
      while (*p && !strchr (" \t\r\n\f", *p))
        p++;
      token.text = g_strndup (start, p - start);
      token.line = line;
      g_array_append_val (tokens, token);
    }
  return tokens;
}

GStrv
pdf_text_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (text, " \t\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

int
pdf_text_find_token (GArray     *tokens,
                     guint       from,
                     const char *word)
{
  for (guint i = from; i < tokens->len; i++)
    if (g_str_equal (g_array_index (tokens, PdfToken, i).text, word))
      return i;
  return -1;
}

int
pdf_text_find_sequence (GArray     *tokens,
                        guint       from,
                        const char *text,
                        guint       line)
{
  g_auto(GStrv) w = pdf_text_words (text);
  guint n = g_strv_length (w);

  for (guint i = from; i + n <= tokens->len; i++)
    {
      gboolean match = TRUE;

      for (guint k = 0; k < n && match; k++)
        {
          PdfToken *t = &g_array_index (tokens, PdfToken, i + k);

          match = g_str_equal (t->text, w[k]) && (line == G_MAXUINT || t->line == line);
        }
      if (match)
        return i;
    }
  return -1;
}

guint
pdf_text_assert_table (GArray *tokens,
                       GStrv   expected,
                       guint  *n_rows)
{
  g_auto(GStrv) header = g_strsplit (expected[0], "\t", -1);
  guint cursor = 0;
  int first_row = -1;
  guint rows = 0;

  for (guint r = 1; expected[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (expected[r], "\t", -1);
      g_auto(GStrv) title = pdf_text_words (cells[0]);
      int start = pdf_text_find_token (tokens, cursor, title[0]);
      guint end, pos, line;

      if (start < 0)
        g_error ("row %u (“%s”) is not in the PDF's text after word %u", r, cells[0], cursor);
      if (first_row < 0)
        first_row = start;
      line = g_array_index (tokens, PdfToken, start).line;
      end = start;
      for (guint k = 1; title[k] != NULL; k++)
        {
          int next = pdf_text_find_token (tokens, end + 1, title[k]);

          if (next < 0)
            g_error ("row %u: the word “%s” of its title is missing", r, title[k]);
          end = next;
        }
      pos = start + 1;
      for (guint c = 1; cells[c] != NULL; c++)
        {
          g_auto(GStrv) cell_words = pdf_text_words (cells[c]);
          int at;

          if (cells[c][0] == '\0')
            continue;
          at = pdf_text_find_sequence (tokens, pos, cells[c], line);
          if (at < 0)
            g_error ("row %u (“%s”): “%s” is not in column %u on the row's first line",
                     r, cells[0], cells[c], c);
          pos = at + g_strv_length (cell_words);
        }
      cursor = MAX (end + 1, pos);
      rows++;
    }

  for (guint c = 0; header[c] != NULL; c++)
    {
      g_auto(GStrv) w = pdf_text_words (header[c]);

      for (guint k = 0; w[k] != NULL; k++)
        {
          int at = pdf_text_find_token (tokens, 0, w[k]);

          if (at < 0 || at >= first_row)
            g_error ("the header word “%s” is not above the table", w[k]);
        }
    }
  if (n_rows != NULL)
    *n_rows = rows;
  return cursor;
}
