/* fuzz-document.c: any bytes as a .raming file
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, loading either refuses them with a message or gives
 * a document; a document saves, loads again and saves to the very same
 * text, and its note table exports in both languages and both formats.
 * Switching the document's language rewrites its formulas: the figures
 * stay exactly the same and the rewritten document still loads.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raming-document.h"
#include "raming-export.h"
#include "raming-fuzz.h"
#include "raming-note-table.h"

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* PDF and ODT are binary, and carry the time they were made (PDF
 * CreationDate, zip timestamps): they are produced without a crash, but
 * not compared byte for byte. */
static gboolean
is_binary (RamingExportFormat format)
{
  return format == RAMING_EXPORT_PDF || format == RAMING_EXPORT_ODT;
}

static GBytes *
export (RamingDocument     *document,
        RamingLanguage      language,
        RamingExportFormat  format)
{
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, language);
  g_autoptr(GError) error = NULL;
  RamingExportOptions options = { TRUE };
  GBytes *bytes;
  gsize size;
  const char *data;

  bytes = raming_export_to_bytes (table, format, &options, &error);
  RAMING_FUZZ_CHECK (bytes != NULL, "the %s export failed: %s",
                     raming_export_format_to_name (format), error->message);

  data = g_bytes_get_data (bytes, &size);
  if (is_binary (format))
    {
      RAMING_FUZZ_CHECK (size > 0, "the %s export is empty", raming_export_format_to_name (format));
      return bytes;
    }
  RAMING_FUZZ_CHECK (g_utf8_validate (data, size, NULL), "the %s export is not UTF-8",
                     raming_export_format_to_name (format));
  if (format == RAMING_EXPORT_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      RAMING_FUZZ_CHECK (json_parser_load_from_data (parser, data, size, &error),
                         "the JSON export is not JSON: %s", error->message);
    }
  return bytes;
}

/* The exports of two documents that should be the same are byte for
 * byte the same. */
static void
check_same_exports (RamingDocument *a,
                    RamingDocument *b,
                    const char     *why)
{
  for (RamingLanguage language = RAMING_LANGUAGE_NL; language <= RAMING_LANGUAGE_EN; language++)
    for (RamingExportFormat format = 0; format < RAMING_EXPORT_N_FORMATS; format++)
      {
        g_autoptr(GBytes) x = export (a, language, format);
        g_autoptr(GBytes) y = b != NULL && !is_binary (format) ? export (b, language, format) : NULL;

        if (y != NULL)
          RAMING_FUZZ_CHECK (g_bytes_equal (x, y), "%s: the %s export differs (%s)", why,
                             raming_export_format_to_name (format),
                             language == RAMING_LANGUAGE_EN ? "en" : "nl");
      }
}

static RamingDocument *
reload (const char *text,
        gsize       length,
        const char *why)
{
  g_autoptr(GError) error = NULL;
  RamingDocument *document = raming_document_load_from_data (text, length, &error);

  RAMING_FUZZ_CHECK (document != NULL, "%s does not load: %s\n%s", why, error->message, text);
  return document;
}

static void
check_language_switch (RamingDocument *document)
{
  RamingTotals *totals = raming_document_get_totals (document);
  RamingLanguage other = raming_document_get_language (document) == RAMING_LANGUAGE_NL
                         ? RAMING_LANGUAGE_EN : RAMING_LANGUAGE_NL;
  double before[RAMING_N_TOTALS];
  guint n_errors = g_list_model_get_n_items (raming_document_get_errors (document));
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autoptr(RamingDocument) reloaded = NULL;
  gsize length;

  for (RamingTotal t = 0; t < RAMING_N_TOTALS; t++)
    before[t] = raming_totals_get (totals, t);

  raming_document_set_language (document, other);

  for (RamingTotal t = 0; t < RAMING_N_TOTALS; t++)
    RAMING_FUZZ_CHECK (same_number (before[t], raming_totals_get (totals, t)),
                       "total %s is %.17g before and %.17g after switching language",
                       raming_total_to_property (t), before[t], raming_totals_get (totals, t));
  RAMING_FUZZ_CHECK (n_errors == g_list_model_get_n_items (raming_document_get_errors (document)),
                     "%u errors before and %u after switching language", n_errors,
                     g_list_model_get_n_items (raming_document_get_errors (document)));

  saved = raming_document_save_to_data (document, &length);
  reloaded = reload (saved, length, "the document in the other language");
  saved_again = raming_document_save_to_data (reloaded, NULL);
  RAMING_FUZZ_CHECK (g_str_equal (saved, saved_again),
                     "after switching language, save → load → save differs:\n%s\n---\n%s",
                     saved, saved_again);
  check_same_exports (document, reloaded, "after switching language and reloading");
}

void
raming_fuzz_document (const guint8 *data,
                      gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = NULL;
  g_autoptr(RamingDocument) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length, length_again;

  document = raming_document_load_from_data ((const char *) data, size, &error);
  if (document == NULL)
    {
      /* Refused: with a message the window can show as it is. */
      RAMING_FUZZ_CHECK (error != NULL, "refused without an error");
      RAMING_FUZZ_CHECK (error->domain == RAMING_DOCUMENT_ERROR, "refused with an error of domain %s",
                         g_quark_to_string (error->domain));
      RAMING_FUZZ_CHECK (error->message[0] != '\0', "refused with an empty message");
      RAMING_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "the message is not UTF-8");
      return;
    }
  RAMING_FUZZ_CHECK (error == NULL, "a document and an error");

  saved = raming_document_save_to_data (document, &length);
  RAMING_FUZZ_CHECK (strlen (saved) == length, "the saved text holds a NUL");
  RAMING_FUZZ_CHECK (g_utf8_validate (saved, length, NULL), "the saved text is not UTF-8");

  reloaded = reload (saved, length, "the saved document");
  saved_again = raming_document_save_to_data (reloaded, &length_again);
  RAMING_FUZZ_CHECK (length == length_again && memcmp (saved, saved_again, length) == 0,
                     "save → load → save differs:\n%s\n---\n%s", saved, saved_again);

  /* The note table and its exports, in both languages; the reloaded
   * document computes exactly the same figures. */
  check_same_exports (document, reloaded, "after save and load");

  check_language_switch (document);
}

#ifdef RAMING_LIBFUZZER
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  raming_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  raming_fuzz_document (data, size);
  return 0;
}
#endif
