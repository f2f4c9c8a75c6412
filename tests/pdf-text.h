/* pdf-text.h: reading a PDF back as words, for the export and print tests
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pdftotext and pdfinfo (poppler-utils) read the PDF as an adviser's PDF
 * reader would; the tests then look for the note table's cells among the
 * words, each with the line it stands on.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *text;
  guint  line;
} PdfToken;

/* Standard output of a program that must exist and succeed. */
char   *pdf_text_run           (const char * const *argv);
/* pdftotext -layout of the PDF at @path. */
char   *pdf_text_from_file     (const char *path);
/* The value pdfinfo gives for @key ("Pages", "Page size", …). */
char   *pdf_text_info          (const char *path,
                                const char *key);

/* The words of pdftotext's output, PdfToken each, with the line each
 * stands on (form feeds count as line ends). */
GArray *pdf_text_tokenize      (const char *text);
/* The words of @text (split at spaces, tabs and line ends). */
GStrv   pdf_text_words         (const char *text);
/* Position of @word at or after @from, or -1. */
int     pdf_text_find_token    (GArray     *tokens,
                                guint       from,
                                const char *word);
/* Position of the words of @text one after the other, with nothing
 * between them, at or after @from; all on line @line unless that is
 * G_MAXUINT. -1 when they are not there. */
int     pdf_text_find_sequence (GArray     *tokens,
                                guint       from,
                                const char *text,
                                guint       line);

/* Every row of @expected (the note's table as tab-separated lines, the
 * header first) stands in @tokens, in order: its title's words (a title
 * may wrap onto more lines), then its amounts and words whole, in column
 * order, on the line where the row starts; the header's words above the
 * first row. Fails the test otherwise. Returns the position after the
 * last row; @n_rows (optional) gets the number of rows found. */
guint   pdf_text_assert_table  (GArray     *tokens,
                                GStrv       expected,
                                guint      *n_rows);

G_END_DECLS
