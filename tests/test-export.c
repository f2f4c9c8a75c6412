/* test-export.c: the appendix in PDF, ODT, HTML, Markdown and on the clipboard
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected table, tests/data/export/zwolle-2021.table.tsv, is typed
 * from the reference table of the note (docs: domain.md), not copied from
 * the program's output. Every format is read back the way its reader
 * would: the PDF with pdftotext, the ODT by unzipping it with libgsf and
 * parsing its XML, the HTML with an XML parser.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <gsf/gsf.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "raming-cli.h"
#include "raming-export.h"
#include "raming-note-renderer.h"

#include "pdf-text.h"

#define ODT_MIME "application/vnd.oasis.opendocument.text"
#define N_HOSTILE_MEASURES 300

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static RamingDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data", "examples",
                                                                    "zwolle-2021.raming", NULL));
  g_autoptr(GError) error = NULL;
  RamingDocument *document = raming_document_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
read_data_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "export", name, NULL),
                       &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The expected table: header, rows, total; one line each, cells
 * separated by tabs. */
static GStrv
expected_table (void)
{
  g_autofree char *text = read_data_file ("zwolle-2021.table.tsv");
  GStrv lines;

  g_assert_true (g_str_has_suffix (text, "\n"));
  text[strlen (text) - 1] = '\0';
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  return lines;
}

static GBytes *
export (RamingNoteTable    *table,
        RamingExportFormat  format,
        gboolean            include_actions,
        gboolean            landscape)
{
  RamingExportOptions options = { include_actions, landscape };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = raming_export_to_bytes (table, format, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  return bytes;
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
write_temp (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  const char *dir = g_get_user_cache_dir ();   /* private to this test (G_TEST_OPTION_ISOLATE_DIRS) */
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static char *
pdf_to_text (GBytes *pdf)
{
  g_autofree char *path = write_temp (pdf, "appendix.pdf");

  return pdf_text_from_file (path);
}

static char *
pdf_info (GBytes     *pdf,
          const char *key)
{
  g_autofree char *path = write_temp (pdf, "info.pdf");

  return pdf_text_info (path, key);
}

static guint
renderer_pages (RamingNoteTable      *table,
                gboolean              include_actions,
                gboolean              landscape,
                RamingNoteRenderer  **out)
{
  RamingExportOptions options = { include_actions, landscape };
  g_autoptr(RamingNoteRenderer) renderer = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint n;

  raming_note_renderer_get_page_size (&options, &width, &height);
  renderer = raming_note_renderer_new (table, &options, width, height, RAMING_NOTE_MARGIN_PT);
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, width, height);
  cr = cairo_create (surface);
  n = raming_note_renderer_paginate (renderer, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (out != NULL)
    *out = g_steal_pointer (&renderer);
  return n;
}

/* XML, as libxml2 reads it: well-formed, and every prefix declared. */
static xmlDocPtr
parse_xml (const char *data,
           gsize       length,
           const char *name)
{
  xmlParserCtxtPtr context = xmlNewParserCtxt ();
  xmlDocPtr doc = xmlCtxtReadMemory (context, data, (int) length, name, "UTF-8", XML_PARSE_NONET);

  if (doc == NULL || !context->wellFormed || !context->nsWellFormed)
    g_error ("%s is not well-formed XML", name);
  xmlFreeParserCtxt (context);
  return doc;
}

static gboolean
is_element (xmlNode    *node,
            const char *ns,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_str_equal ((const char *) node->name, name) &&
         (ns == NULL || (node->ns != NULL && g_str_equal ((const char *) node->ns->href, ns)));
}

static xmlNode *
find_element (xmlNode    *node,
              const char *ns,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (is_element (node, ns, name))
        return node;
      if ((found = find_element (node->children, ns, name)))
        return found;
    }
  return NULL;
}

static void
count_elements (xmlNode    *node,
                const char *name,
                guint      *n)
{
  for (; node != NULL; node = node->next)
    {
      if (is_element (node, NULL, name))
        (*n)++;
      count_elements (node->children, name, n);
    }
}

static char *
get_attribute (xmlNode    *node,
               const char *ns,
               const char *name)
{
  xmlChar *value = ns ? xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns)
                      : xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

#define ODF_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define ODF_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define ODF_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define ODF_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define ODF_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define XHTML "http://www.w3.org/1999/xhtml"

/* The text of an ODF paragraph as a reader sees it. */
static void
odf_text (xmlNode *node,
          GString *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE)
        g_string_append (out, (const char *) node->content);
      else if (is_element (node, ODF_TEXT, "s"))
        {
          g_autofree char *c = get_attribute (node, ODF_TEXT, "c");

          for (int i = 0; i < (c ? atoi (c) : 1); i++)
            g_string_append_c (out, ' ');
        }
      else if (is_element (node, ODF_TEXT, "tab"))
        g_string_append_c (out, '\t');
      else if (is_element (node, ODF_TEXT, "line-break"))
        g_string_append_c (out, '\n');
      else if (node->type == XML_ELEMENT_NODE)
        odf_text (node->children, out);
    }
}

static char *
odf_row (xmlNode *row)
{
  GString *line = g_string_new (NULL);
  gboolean first = TRUE;

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      gboolean first_paragraph = TRUE;

      if (!is_element (cell, ODF_TABLE, "table-cell"))
        continue;
      if (!first)
        g_string_append_c (line, '\t');
      first = FALSE;
      for (xmlNode *p = cell->children; p != NULL; p = p->next)
        if (is_element (p, ODF_TEXT, "p") || is_element (p, ODF_TEXT, "h"))
          {
            if (!first_paragraph)
              g_string_append_c (line, '\n');
            first_paragraph = FALSE;
            odf_text (p->children, line);
          }
    }
  return g_string_free (line, FALSE);
}

/* The rows of an ODF table, header rows first, one line of tab-separated
 * cells each. */
static GPtrArray *
odf_table_rows (xmlNode *table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *node = table->children; node != NULL; node = node->next)
    {
      if (is_element (node, ODF_TABLE, "table-header-rows"))
        {
          for (xmlNode *row = node->children; row != NULL; row = row->next)
            if (is_element (row, ODF_TABLE, "table-row"))
              g_ptr_array_add (rows, odf_row (row));
        }
      else if (is_element (node, ODF_TABLE, "table-row"))
        g_ptr_array_add (rows, odf_row (node));
    }
  return rows;
}

static GPtrArray *
html_table_rows (xmlNode *table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *section = table->children; section != NULL; section = section->next)
    {
      if (!is_element (section, NULL, "thead") && !is_element (section, NULL, "tbody"))
        continue;
      for (xmlNode *row = section->children; row != NULL; row = row->next)
        {
          GString *line;
          gboolean first = TRUE;

          if (!is_element (row, NULL, "tr"))
            continue;
          line = g_string_new (NULL);
          for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
            {
              xmlChar *text;

              if (!is_element (cell, NULL, "td") && !is_element (cell, NULL, "th"))
                continue;
              if (!first)
                g_string_append_c (line, '\t');
              first = FALSE;
              text = xmlNodeGetContent (cell);
              g_string_append (line, (const char *) text);
              xmlFree (text);
            }
          g_ptr_array_add (rows, g_string_free (line, FALSE));
        }
    }
  return rows;
}

static void
assert_rows_equal (GPtrArray *rows,
                   GStrv      expected,
                   const char *format)
{
  for (guint i = 0; i < rows->len && expected[i] != NULL; i++)
    if (!g_str_equal (rows->pdata[i], expected[i]))
      g_error ("%s, row %u:\n  got      “%s”\n  expected “%s”", format, i,
               (char *) rows->pdata[i], expected[i]);
  g_assert_cmpuint (rows->len, ==, g_strv_length (expected));
}

static char *
read_member (GsfInfile   *zip,
             const char  *name,
             gsize       *length)
{
  g_auto(GStrv) path = g_strsplit (name, "/", -1);
  g_autoptr(GsfInput) member = gsf_infile_child_by_aname (zip, (const char **) path);
  gsize size;
  const guint8 *data;

  if (member == NULL)
    g_error ("the ODT has no %s", name);
  size = gsf_input_size (member);
  data = gsf_input_read (member, size, NULL);
  g_assert_true (size == 0 || data != NULL);
  if (length != NULL)
    *length = size;
  return g_strndup ((const char *) data, size);
}

static void
list_members (GsfInfile  *dir,
              const char *prefix,
              GPtrArray  *names)
{
  for (int i = 0; i < gsf_infile_num_children (dir); i++)
    {
      g_autoptr(GsfInput) child = gsf_infile_child_by_index (dir, i);
      g_autofree char *name = g_strconcat (prefix, gsf_infile_name_by_index (dir, i), NULL);

      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *sub = g_strconcat (name, "/", NULL);

          list_members (GSF_INFILE (child), sub, names);
        }
      else
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
}

typedef struct
{
  GsfInfile *zip;
  GsfInput  *input;
  GBytes    *bytes;
} Odt;

/* Checks the package: the mimetype first, stored, with no extra field
 * (what `file` and other readers look for at byte 30), the manifest
 * listing every member, every XML member well-formed. */
static Odt
open_odt (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *mimetype = NULL;
  g_autofree char *manifest = NULL;
  gsize manifest_length;
  xmlDocPtr doc;
  GPtrArray *listed = g_ptr_array_new_with_free_func (g_free);
  Odt odt;

  g_assert_cmpuint (size, >, 38 + strlen (ODT_MIME));
  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  g_assert_cmpuint (data[8] | data[9] << 8, ==, 0);            /* stored */
  g_assert_cmpuint (data[26] | data[27] << 8, ==, 8);          /* name length */
  g_assert_cmpuint (data[28] | data[29] << 8, ==, 0);          /* no extra field */
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, strlen (ODT_MIME), ODT_MIME, strlen (ODT_MIME));

  odt.bytes = g_bytes_ref (bytes);
  odt.input = gsf_input_memory_new (data, size, FALSE);
  odt.zip = gsf_infile_zip_new (odt.input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (odt.zip);

  g_assert_cmpstr (gsf_infile_name_by_index (odt.zip, 0), ==, "mimetype");
  mimetype = read_member (odt.zip, "mimetype", NULL);
  g_assert_cmpstr (mimetype, ==, ODT_MIME);

  list_members (odt.zip, "", names);
  manifest = read_member (odt.zip, "META-INF/manifest.xml", &manifest_length);
  doc = parse_xml (manifest, manifest_length, "manifest.xml");
  for (xmlNode *entry = xmlDocGetRootElement (doc)->children; entry != NULL; entry = entry->next)
    if (is_element (entry, ODF_MANIFEST, "file-entry"))
      {
        char *path = get_attribute (entry, ODF_MANIFEST, "full-path");

        if (g_str_equal (path, "/"))
          {
            g_autofree char *type = get_attribute (entry, ODF_MANIFEST, "media-type");

            g_assert_cmpstr (type, ==, ODT_MIME);
          }
        else if (!g_ptr_array_find_with_equal_func (names, path, g_str_equal, NULL))
          g_error ("the manifest lists %s, which is not in the package", path);
        g_ptr_array_add (listed, path);
      }
  xmlFreeDoc (doc);
  g_assert_true (g_ptr_array_find_with_equal_func (listed, "/", g_str_equal, NULL));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      if (g_str_equal (name, "mimetype") || g_str_equal (name, "META-INF/manifest.xml"))
        continue;
      if (!g_ptr_array_find_with_equal_func (listed, name, g_str_equal, NULL))
        g_error ("%s is in the package but not in the manifest", name);
      if (g_str_has_suffix (name, ".xml"))
        {
          gsize length;
          g_autofree char *xml = read_member (odt.zip, name, &length);

          xmlFreeDoc (parse_xml (xml, length, name));
        }
    }
  for (const char **required = (const char *[]) { "content.xml", "styles.xml", "meta.xml", NULL };
       *required != NULL; required++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, *required, g_str_equal, NULL));

  g_ptr_array_unref (listed);
  return odt;
}

static void
close_odt (Odt *odt)
{
  g_object_unref (odt->zip);
  g_object_unref (odt->input);
  g_bytes_unref (odt->bytes);
}

static xmlDocPtr
odt_xml (Odt        *odt,
         const char *name)
{
  gsize length;
  g_autofree char *xml = read_member (odt->zip, name, &length);

  return parse_xml (xml, length, name);
}

/* ------------------------------------------------------------------ */
/* The example                                                         */

static void
test_formats (void)
{
  const char *names[] = { "csv", "json", "pdf", "odt", "html", "md" };
  g_autofree char *list = raming_export_format_list ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      RamingExportFormat format = raming_export_format_from_name (names[i]);

      g_assert_cmpint (format, !=, RAMING_EXPORT_INVALID);
      g_assert_cmpstr (raming_export_format_to_name (format), ==, names[i]);
      g_assert_nonnull (raming_export_format_mime_type (format));
      g_assert_nonnull (strstr (list, names[i]));
    }
  g_assert_cmpint (raming_export_format_from_name ("PDF"), ==, RAMING_EXPORT_PDF);
  g_assert_cmpint (raming_export_format_from_name ("docx"), ==, RAMING_EXPORT_INVALID);
  g_assert_cmpstr (raming_export_format_extension (RAMING_EXPORT_MD), ==, "md");
}

static void
test_plain_text (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autofree char *text = raming_export_table_plain_text (table);
  g_autofree char *expected = read_data_file ("zwolle-2021.table.tsv");

  g_assert_cmpstr (text, ==, expected);
}

static const char footnote[] =
  "* Deze maatregelen hebben we in Zwolle de afgelopen jaren vanwege de inhoudelijke samenhang "
  "steeds in samenhang beoordeeld. Daarom doen we dat nu ook hier.";
static const char gap[] =
  "Resterende opgave: 3.250.000 (besparingsopgave 4.700.000 min realistische inschatting 1.450.000).";

static void
check_pdf (gboolean landscape)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) pdf = export (table, RAMING_EXPORT_PDF, FALSE, landscape);
  g_autofree char *text = pdf_to_text (pdf);
  g_autoptr(GArray) tokens = pdf_text_tokenize (text);
  g_auto(GStrv) expected = expected_table ();
  g_autofree char *pages = pdf_info (pdf, "Pages");
  g_autofree char *size = pdf_info (pdf, "Page size");
  g_autofree char *title = pdf_info (pdf, "Title");
  g_autofree char *page_of = NULL;
  guint after, n_pages;

  g_test_message ("pdftotext -layout:\n%s", text);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));

  after = pdf_text_assert_table (tokens, expected, NULL);
  if (pdf_text_find_sequence (tokens, after, footnote, G_MAXUINT) < 0)
    g_error ("the footnote is not under the table");
  if (pdf_text_find_sequence (tokens, after, gap, G_MAXUINT) < 0)
    g_error ("the remaining gap is not under the table");
  if (pdf_text_find_sequence (tokens, after, raming_note_table_get_band_text (table), G_MAXUINT) < 0)
    g_error ("the band is not under the table");
  g_assert_cmpint (pdf_text_find_sequence (tokens, after, "Bronnen", G_MAXUINT), >=, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, after, "AEF (2020), Stelsel in groei:", G_MAXUINT), >=, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Bijlage", G_MAXUINT), ==, 0);

  n_pages = renderer_pages (table, FALSE, landscape, NULL);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpuint (atoi (pages), ==, n_pages);
  page_of = g_strdup_printf ("Pagina 1 van %u", n_pages);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, page_of, G_MAXUINT), >=, 0);
  g_assert_true (g_str_has_prefix (size, landscape ? "841.89 x 595.276" : "595.276 x 841.89"));
  g_assert_cmpstr (title, ==, "Realistische inschatting besparingen Jeugd");
}

static void
test_pdf (void)
{
  check_pdf (FALSE);
}

static void
test_pdf_landscape (void)
{
  check_pdf (TRUE);
}

/* The words come from the export's language, never from the desktop. */
static void
test_pdf_english (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_EN);
  g_autoptr(GBytes) pdf = export (table, RAMING_EXPORT_PDF, FALSE, FALSE);
  g_autofree char *text = pdf_to_text (pdf);
  g_autoptr(GArray) tokens = pdf_text_tokenize (text);

  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Appendix", G_MAXUINT), ==, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Measure", G_MAXUINT), >=, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Total 951,000 4,700,000 1,450,000", G_MAXUINT), >=, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, 0, "Page 1 of 1", G_MAXUINT), >=, 0);
  g_assert_null (strstr (text, "Pagina"));
  g_assert_null (strstr (text, "Totaal"));
}

static void
test_pdf_actions (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) pdf = export (table, RAMING_EXPORT_PDF, TRUE, FALSE);
  g_autofree char *text = pdf_to_text (pdf);
  g_autoptr(GArray) tokens = pdf_text_tokenize (text);
  g_auto(GStrv) expected = expected_table ();
  GPtrArray *actions = raming_note_table_get_actions (table);
  guint cursor = pdf_text_assert_table (tokens, expected, NULL);
  g_autofree char *pages = pdf_info (pdf, "Pages");
  int at;

  g_assert_cmpuint (actions->len, ==, 10);
  at = pdf_text_find_sequence (tokens, cursor, "Acties", G_MAXUINT);
  g_assert_cmpint (at, >, 0);
  g_assert_cmpint (pdf_text_find_sequence (tokens, at, "Actie Eigenaar Gereed Status", G_MAXUINT), >, at);
  cursor = at;
  for (guint i = 0; i < actions->len; i++)
    {
      const RamingNoteAction *action = actions->pdata[i];
      g_auto(GStrv) w = pdf_text_words (action->title);

      for (guint k = 0; w[k] != NULL; k++)
        {
          int next = pdf_text_find_token (tokens, cursor, w[k]);

          if (next < 0)
            g_error ("action %u: “%s” is missing", i, w[k]);
          cursor = next + 1;
        }
    }
  g_assert_cmpuint (atoi (pages), ==, renderer_pages (table, TRUE, FALSE, NULL));
}

static void
check_odt (gboolean landscape)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) bytes = export (table, RAMING_EXPORT_ODT, FALSE, landscape);
  g_auto(GStrv) expected = expected_table ();
  Odt odt = open_odt (bytes);
  xmlDocPtr content = odt_xml (&odt, "content.xml");
  xmlDocPtr styles = odt_xml (&odt, "styles.xml");
  xmlNode *body = find_element (xmlDocGetRootElement (content), NULL, "body");
  xmlNode *table_node = find_element (body, ODF_TABLE, "table");
  xmlNode *header_rows = find_element (table_node->children, ODF_TABLE, "table-header-rows");
  xmlNode *layout = find_element (xmlDocGetRootElement (styles), ODF_STYLE, "page-layout-properties");
  g_autoptr(GPtrArray) rows = odf_table_rows (table_node);
  g_autofree char *width = get_attribute (layout, ODF_FO, "page-width");
  g_autofree char *height = get_attribute (layout, ODF_FO, "page-height");
  g_autofree char *orientation = get_attribute (layout, ODF_STYLE, "print-orientation");
  xmlChar *all = xmlNodeGetContent (body);
  guint n_header_rows = 0;

  /* The header repeats on every page because it is a header row. */
  g_assert_nonnull (header_rows);
  count_elements (header_rows->children, "table-row", &n_header_rows);
  g_assert_cmpuint (n_header_rows, ==, 1);
  assert_rows_equal (rows, expected, "ODT");

  g_assert_nonnull (strstr ((const char *) all, footnote));
  g_assert_nonnull (strstr ((const char *) all, gap));
  g_assert_nonnull (strstr ((const char *) all, raming_note_table_get_band_text (table)));
  g_assert_nonnull (strstr ((const char *) all, "AEF (2020), Stelsel in groei"));
  xmlFree (all);

  g_assert_cmpstr (width, ==, landscape ? "29.7cm" : "21cm");
  g_assert_cmpstr (height, ==, landscape ? "21cm" : "29.7cm");
  g_assert_cmpstr (orientation, ==, landscape ? "landscape" : "portrait");

  xmlFreeDoc (content);
  xmlFreeDoc (styles);
  close_odt (&odt);
}

static void
test_odt (void)
{
  check_odt (FALSE);
}

static void
test_odt_landscape (void)
{
  check_odt (TRUE);
}

static void
test_odt_actions (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) bytes = export (table, RAMING_EXPORT_ODT, TRUE, FALSE);
  GPtrArray *actions = raming_note_table_get_actions (table);
  Odt odt = open_odt (bytes);
  xmlDocPtr content = odt_xml (&odt, "content.xml");
  xmlNode *first = find_element (xmlDocGetRootElement (content), ODF_TABLE, "table");
  xmlNode *second = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  for (xmlNode *n = first->next; n != NULL && second == NULL; n = n->next)
    second = find_element (n, ODF_TABLE, "table");
  g_assert_nonnull (second);
  rows = odf_table_rows (second);
  g_assert_cmpuint (rows->len, ==, actions->len + 1);
  g_assert_cmpstr (rows->pdata[0], ==, "Actie\tEigenaar\tGereed\tStatus");
  for (guint i = 0; i < actions->len; i++)
    {
      const RamingNoteAction *a = actions->pdata[i];
      g_autofree char *line = g_strjoin ("\t", a->title, a->owner, a->due, a->status, NULL);

      g_assert_cmpstr (rows->pdata[i + 1], ==, line);
    }
  xmlFreeDoc (content);
  close_odt (&odt);
}

static void
test_html (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) bytes = export (table, RAMING_EXPORT_HTML, FALSE, FALSE);
  g_auto(GStrv) expected = expected_table ();
  g_autofree char *text = bytes_to_string (bytes);
  xmlDocPtr doc = parse_xml (text, strlen (text), "appendix.html");
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *table_node = find_element (root, XHTML, "table");
  xmlNode *meta = find_element (root, XHTML, "meta");
  xmlNode *body = find_element (root, XHTML, "body");
  g_autoptr(GPtrArray) rows = html_table_rows (table_node);
  g_autofree char *lang = get_attribute (root, NULL, "lang");
  g_autofree char *charset = get_attribute (meta, NULL, "charset");
  xmlChar *all = xmlNodeGetContent (body);
  xmlNode *tbody = find_element (table_node->children, XHTML, "tbody");
  guint n_rows = 0;

  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>\n"));
  g_assert_true (is_element (root, XHTML, "html"));
  g_assert_cmpstr (lang, ==, "nl");
  g_assert_cmpstr (charset, ==, "utf-8");
  g_assert_nonnull (find_element (table_node->children, XHTML, "thead"));
  assert_rows_equal (rows, expected, "HTML");

  /* Amounts to the right, the total in bold, sub-items further in. */
  for (xmlNode *row = tbody->children; row != NULL; row = row->next)
    {
      xmlNode *cells[RAMING_N_COLUMNS + 1];
      guint c = 0;
      g_autofree char *title_style = NULL;

      if (!is_element (row, XHTML, "tr"))
        continue;
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        if (is_element (cell, XHTML, "td"))
          cells[c++] = cell;
      g_assert_cmpuint (c, ==, RAMING_N_COLUMNS + 1);
      for (c = 1; c <= RAMING_N_COLUMNS; c++)
        {
          g_autofree char *style = get_attribute (cells[c], NULL, "style");

          g_assert_nonnull (strstr (style, "text-align:right"));
          if (expected[n_rows + 1] != NULL && g_str_has_prefix (expected[n_rows + 1], "Totaal"))
            g_assert_nonnull (strstr (style, "font-weight:bold"));
        }
      title_style = get_attribute (cells[0], NULL, "style");
      if (g_str_has_prefix (expected[n_rows + 1], "\342\200\223"))
        g_assert_nonnull (strstr (title_style, "padding-left:14pt"));
      else
        g_assert_nonnull (strstr (title_style, "padding-left:4pt"));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 12);

  g_assert_nonnull (strstr ((const char *) all, footnote));
  g_assert_nonnull (strstr ((const char *) all, gap));
  g_assert_nonnull (strstr ((const char *) all, "AEF (2020), Stelsel in groei"));
  xmlFree (all);
  xmlFreeDoc (doc);
}

static void
test_html_fragment (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autofree char *fragment = raming_export_table_html_fragment (table);
  g_auto(GStrv) expected = expected_table ();
  xmlDocPtr doc = parse_xml (fragment, strlen (fragment), "fragment.html");
  g_autoptr(GPtrArray) rows = html_table_rows (xmlDocGetRootElement (doc));

  g_assert_true (g_str_has_prefix (fragment, "<table"));
  g_assert_true (g_str_has_suffix (fragment, "</table>\n"));
  assert_rows_equal (rows, expected, "HTML fragment");
  xmlFreeDoc (doc);
}

static void
test_markdown (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) bytes = export (table, RAMING_EXPORT_MD, FALSE, FALSE);
  g_autofree char *text = bytes_to_string (bytes);
  g_autofree char *expected = read_data_file ("zwolle-2021.md");

  g_assert_cmpstr (text, ==, expected);
}

static void
test_markdown_actions (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) bytes = export (table, RAMING_EXPORT_MD, TRUE, FALSE);
  g_autofree char *text = bytes_to_string (bytes);
  g_autofree char *without = read_data_file ("zwolle-2021.md");

  /* The actions come after all of the appendix without them. */
  g_assert_true (g_str_has_prefix (text, without));
  g_assert_nonnull (strstr (text, "\n## Acties\n\n| Actie | Eigenaar | Gereed | Status |\n| :--- | :--- | :--- | :--- |\n"
                                  "| In gesprek over wanneer hulp kan stoppen | Beleid jeugd |  | Open |\n"));
}

/* The command line writes every format, atomically, with no display. */
static void
test_cli (void)
{
  const char *names[] = { "pdf", "odt", "html", "md" };
  const char *magic[] = { "%PDF-", "PK\003\004", "<!DOCTYPE html>", "**Bijlage**" };
  g_autofree char *document = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                     "zwolle-2021.raming", NULL);
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat ("bijlage.", names[i], NULL);
      g_autofree char *output = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      /* An old file of the same name is replaced whole. */
      g_assert_true (g_file_set_contents (output, "old contents that are longer than nothing", -1, NULL));
      g_assert_cmpint (raming_cli_export (document, names[i], output, NULL, i % 2 == 0, i % 3 == 0), ==, 0);
      g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      g_assert_cmpmem (contents, strlen (magic[i]), magic[i], strlen (magic[i]));
    }
}

/* ------------------------------------------------------------------ */
/* A hostile document                                                  */

static const char script_title[] = "<script>alert(1)</script> & \"quotes\"";
static const char formula_title[] = "=cmd|' /C calc'!A0";
static const char rtl_title[] = "abc\342\200\256def\001ghi\013jkl";

static char *
long_title (void)
{
  GString *title = g_string_new (NULL);

  /* 2.000 characters in words that can be found back one by one. */
  for (guint i = 1; title->len < 2000; i++)
    g_string_append_printf (title, "%swoord%04u", i > 1 ? " " : "", i);
  g_string_truncate (title, 2000);
  return g_string_free (title, FALSE);
}

static void
add_measure (JsonBuilder *b,
             const char  *id,
             const char  *title,
             double       realistic)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title);
  json_builder_set_member_name (b, "realistic");
  json_builder_add_double_value (b, realistic);
  json_builder_end_object (b);
}

static RamingDocument *
hostile_document (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *long_one = long_title ();
  RamingDocument *document;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "raming");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);

  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Bezuinigingen <b>vet</b> & ]]> \"zo\"");
  json_builder_set_member_name (b, "municipality");
  json_builder_add_string_value (b, "Zwolle<i>&amp;</i>");
  json_builder_set_member_name (b, "note_title");
  json_builder_add_string_value (b, "Nota \342\200\256 omgekeerd | # kop");
  json_builder_end_object (b);

  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "evil");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "<img src=x onerror=alert(1)> [link](javascript:alert(1))");
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "measures");
  json_builder_begin_array (b);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "m_script");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, script_title);
  json_builder_set_member_name (b, "footnote");
  json_builder_add_string_value (b, "<i>niet schuin</i> | pipe * ster");
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, "evil");
  json_builder_set_member_name (b, "realistic");
  json_builder_add_int_value (b, 1000);
  json_builder_set_member_name (b, "original");
  json_builder_add_string_value (b, "=bestaat_niet * 2");
  json_builder_end_object (b);

  add_measure (b, "m_formula", formula_title, 2000);
  add_measure (b, "m_rtl", rtl_title, 3000);
  add_measure (b, "m_long", long_one, 4000);
  for (guint i = 1; i <= N_HOSTILE_MEASURES; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%03u", i);
      g_autofree char *title = g_strdup_printf ("Bezuiniging nr. %03u", i);

      add_measure (b, id, title, 1000.0 * i);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "actions");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "a1");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "<b>Actie</b> =1+1");
  json_builder_set_member_name (b, "owner");
  json_builder_add_string_value (b, "=HYPERLINK(\"http://x\")");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "open");
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_end_object (b);

  root = json_builder_get_root (b);
  data = json_to_string (root, FALSE);
  document = raming_document_load_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_hostile (void)
{
  g_autoptr(RamingDocument) document = hostile_document ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autofree char *long_one = long_title ();
  g_autoptr(GBytes) html_bytes = export (table, RAMING_EXPORT_HTML, TRUE, FALSE);
  g_autoptr(GBytes) md_bytes = export (table, RAMING_EXPORT_MD, TRUE, FALSE);
  g_autoptr(GBytes) csv_bytes = export (table, RAMING_EXPORT_CSV, TRUE, FALSE);
  g_autoptr(GBytes) json_bytes = export (table, RAMING_EXPORT_JSON, TRUE, FALSE);
  g_autoptr(GBytes) odt_bytes = export (table, RAMING_EXPORT_ODT, TRUE, FALSE);
  g_autofree char *html = bytes_to_string (html_bytes);
  g_autofree char *md = bytes_to_string (md_bytes);
  g_autofree char *csv = bytes_to_string (csv_bytes);
  g_autofree char *plain = raming_export_table_plain_text (table);
  g_autofree char *fragment = raming_export_table_html_fragment (table);
  g_autoptr(GPtrArray) html_rows = NULL;
  g_autoptr(GPtrArray) odt_rows = NULL;
  xmlDocPtr doc;
  Odt odt;

  g_assert_cmpuint (raming_note_table_get_n_rows (table), ==, N_HOSTILE_MEASURES + 4);

  /* The JSON of hostile text is still JSON. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;

    json_parser_load_from_data (parser, g_bytes_get_data (json_bytes, NULL), g_bytes_get_size (json_bytes), &error);
    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  }

  /* HTML: markup in the document is text. */
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<i>"));
  g_assert_nonnull (strstr (html, "&lt;i&gt;niet schuin&lt;/i&gt;"));
  doc = parse_xml (html, strlen (html), "hostile.html");
  html_rows = html_table_rows (find_element (xmlDocGetRootElement (doc), XHTML, "table"));
  g_assert_cmpuint (html_rows->len, ==, N_HOSTILE_MEASURES + 4 + 2);
  g_assert_true (g_str_has_prefix (html_rows->pdata[1], script_title));
  /* The control characters, which XML cannot carry, are marked, not dropped. */
  g_assert_true (g_str_has_prefix (html_rows->pdata[3], "abc\342\200\256def\357\277\275ghi\357\277\275jkl\342\200\254\t"));
  xmlFreeDoc (doc);
  doc = parse_xml (fragment, strlen (fragment), "hostile-fragment.html");
  xmlFreeDoc (doc);

  /* ODT: well-formed, the same cells. */
  odt = open_odt (odt_bytes);
  doc = odt_xml (&odt, "content.xml");
  odt_rows = odf_table_rows (find_element (xmlDocGetRootElement (doc), ODF_TABLE, "table"));
  g_assert_cmpuint (odt_rows->len, ==, N_HOSTILE_MEASURES + 4 + 2);
  for (guint i = 0; i < odt_rows->len; i++)
    g_assert_cmpstr (odt_rows->pdata[i], ==, html_rows->pdata[i]);
  g_assert_true (g_str_has_prefix (odt_rows->pdata[4], long_one));
  xmlFreeDoc (doc);
  close_odt (&odt);

  /* CSV and the clipboard: a formula is guarded by an apostrophe. */
  g_assert_nonnull (strstr (csv, "\r\n'=cmd|' /C calc'!A0;"));
  g_assert_nonnull (strstr (plain, "\n'=cmd|' /C calc'!A0\t"));
  /* One line per row: no tab or line break of the document moves a cell. */
  {
    g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, N_HOSTILE_MEASURES + 4 + 2 + 1);
    for (guint i = 0; lines[i + 1] != NULL; i++)
      {
        g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (cells), ==, RAMING_N_COLUMNS + 1);
      }
  }

  /* Markdown: escaped, one row per line, and the override closed within
   * its cell. */
  for (const char *p = strchr (md, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (p == md || p[-1] != '\\')
      g_error ("an unescaped “<” in the Markdown: “%.40s”", p);
  g_assert_nonnull (strstr (md, "| \\<script\\>alert(1)\\</script\\> \\& \"quotes\"\\* |"));
  g_assert_nonnull (strstr (md, "| =cmd\\|' /C calc'!A0 |"));
  g_assert_nonnull (strstr (md, "| abc\342\200\256def\357\277\275ghi\357\277\275jkl\342\200\254 |"));
  g_assert_nonnull (strstr (md, "\\<i\\>niet schuin\\</i\\> \\| pipe \\* ster"));
  g_assert_nonnull (strstr (md, "# Bezuinigingen \\<b\\>vet\\</b\\> \\& \\]\\]\\> \"zo\"\n"));
  g_assert_nonnull (strstr (md, "\\<img src=x onerror=alert(1)\\> \\[link\\](javascript:alert(1))"));
  {
    g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
    guint table_lines = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "| "))
        {
          const char *p = lines[i];
          guint pipes = 0;

          for (; *p; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
            else if (*p == '|')
              pipes++;
          /* the note table has 6 pipes a row, the actions table 5 */
          g_assert_true (pipes == RAMING_N_COLUMNS + 2 || pipes == 5);
          table_lines++;
        }
    g_assert_cmpuint (table_lines, ==, (N_HOSTILE_MEASURES + 4 + 3) + 3);   /* rows, header, rule, total; actions */
  }
}

/* Several pages: the header row on every page the table is on, no row
 * lost, the 2.000-character title whole although it is taller than a
 * page. */
static void
set_formula (RamingDocument *document,
             const char     *measure_id,
             RamingColumn    column,
             const char     *text)
{
  RamingMeasure *measure = raming_document_find_measure (document, measure_id);
  g_autoptr(RamingCellInput) input = raming_cell_input_new_formula (text, RAMING_LANGUAGE_NL);

  g_assert_nonnull (measure);
  raming_measure_set_input (measure, column, input);
}

static const char *
footnote_starting (RamingNoteTable *table,
                   const char      *prefix)
{
  GPtrArray *footnotes = raming_note_table_get_footnotes (table);

  for (guint i = 0; i < footnotes->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (footnotes, i), prefix))
      return g_ptr_array_index (footnotes, i);
  return NULL;
}

/* A cell in error is described in the language of the export: in full
 * when the interface speaks it (here English: the tests run in C), else
 * by kind of error and formula, in the document's words. */
static void
test_error_notes_language (void)
{
  g_autoptr(RamingDocument) document = load_example ();
  g_autoptr(RamingNoteTable) nl = NULL;
  g_autoptr(RamingNoteTable) en = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GBytes) html_bytes = NULL;

  set_formula (document, "consultatie_jeugd_ggz", RAMING_COLUMN_REALISTIC, "=onbekend * 2");
  set_formula (document, "medicatiecontrole", RAMING_COLUMN_ORIGINAL, "=1 / 0");
  set_formula (document, "passende_jeugdhulp", RAMING_COLUMN_ORIGINAL, "=wortel(4)");

  nl = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  en = raming_note_table_new (document, RAMING_LANGUAGE_EN);

  g_assert_cmpstr (footnote_starting (nl, "Fout in ‘Consultatiefunctie"), ==,
                   "Fout in ‘Consultatiefunctie jeugd-ggz’, kolom ‘Realistische inschatting Zwolle (totaal)’: "
                   "de formule =onbekend * 2 noemt een naam die niet bestaat");
  g_assert_cmpstr (footnote_starting (nl, "Fout in ‘Medicatiecontrole"), ==,
                   "Fout in ‘Medicatiecontrole jeugd-ggz bij de huisarts’, kolom ‘Oorspronkelijke verwachting Zwolle (totaal)’: "
                   "de formule =1 / 0 deelt door nul");
  g_assert_true (g_str_has_suffix (footnote_starting (nl, "Fout in ‘Passende"),
                                   "kolom ‘Oorspronkelijke verwachting Zwolle (totaal)’: "
                                   "de formule =wortel(4) gebruikt een functie die niet bestaat"));

  g_assert_cmpstr (footnote_starting (en, "Error in ‘Consultatiefunctie"), ==,
                   "Error in ‘Consultatiefunctie jeugd-ggz’, column ‘Realistic estimate Zwolle (total)’: "
                   "Unknown name “onbekend”: there is no assumption with that key");
  g_assert_true (g_str_has_suffix (footnote_starting (en, "Error in ‘Medicatiecontrole"), ": Division by zero"));
  g_assert_true (g_str_has_suffix (footnote_starting (en, "Error in ‘Passende"), ": Unknown function “wortel”"));

  /* And so in the files. */
  html_bytes = export (nl, RAMING_EXPORT_HTML, TRUE, FALSE);
  html = bytes_to_string (html_bytes);
  g_assert_nonnull (strstr (html, "de formule =onbekend * 2 noemt een naam die niet bestaat"));
  g_assert_null (strstr (html, "Unknown name"));
}

static void
test_hostile_pdf (void)
{
  g_autoptr(RamingDocument) document = hostile_document ();
  g_autoptr(RamingNoteTable) table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
  g_autoptr(GBytes) pdf = export (table, RAMING_EXPORT_PDF, TRUE, FALSE);
  g_autoptr(RamingNoteRenderer) renderer = NULL;
  g_autofree char *text = pdf_to_text (pdf);
  g_autofree char *pages_info = pdf_info (pdf, "Pages");
  g_autofree char *long_one = long_title ();
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GArray) all = pdf_text_tokenize (text);
  g_auto(GStrv) long_words = pdf_text_words (long_one);
  guint n_pages = renderer_pages (table, TRUE, FALSE, &renderer);
  guint pages_with_rows = 0;
  guint cursor = 0;

  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (atoi (pages_info), ==, n_pages);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(GArray) tokens = pdf_text_tokenize (pages[p]);
      g_autofree char *page_of = g_strdup_printf ("Pagina %u van %u", p + 1, n_pages);
      int row = pdf_text_find_token (tokens, 0, "Bezuiniging");
      int header = pdf_text_find_sequence (tokens, 0, "Maatregel", G_MAXUINT);

      g_assert_cmpint (pdf_text_find_sequence (tokens, 0, page_of, G_MAXUINT), >=, 0);
      if (row < 0)
        continue;
      pages_with_rows++;
      if (header < 0 || header > row)
        g_error ("page %u: rows without the header above them", p + 1);
      g_assert_cmpint (pdf_text_find_token (tokens, 0, "Realistische"), <, row);
      g_assert_cmpuint (raming_note_renderer_get_header_count (renderer, p), >=, 1);
      if (p > 0)
        g_assert_cmpint (pdf_text_find_token (tokens, 0, "(vervolg)"), >=, 0);
    }
  g_assert_cmpuint (pages_with_rows, >=, 4);

  /* Every row, in order. */
  for (guint i = 1; i <= N_HOSTILE_MEASURES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bezuiniging nr. %03u", i);
      int at = pdf_text_find_sequence (all, cursor, title, G_MAXUINT);

      if (at < 0)
        g_error ("“%s” is missing from the PDF", title);
      cursor = at + 3;
    }

  /* The long title: every word once, in order, although it is cut at a
   * page; nothing of it hidden under the foot of a page. */
  cursor = 0;
  for (guint k = 0; long_words[k + 1] != NULL; k++)   /* the last word may be cut short */
    {
      int at = pdf_text_find_token (all, cursor, long_words[k]);

      if (at < 0)
        g_error ("“%s” of the long title is missing from the PDF", long_words[k]);
      if (pdf_text_find_token (all, at + 1, long_words[k]) >= 0)
        g_error ("“%s” of the long title is in the PDF twice", long_words[k]);
      cursor = at + 1;
    }

  /* The document's markup is shown as text. */
  g_assert_nonnull (strstr (text, "<script>alert(1)</script>"));
  g_assert_nonnull (strstr (text, "=cmd|' /C calc'!A0"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gsf_init ();

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/plain-text", test_plain_text);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/pdf/landscape", test_pdf_landscape);
  g_test_add_func ("/export/pdf/english", test_pdf_english);
  g_test_add_func ("/export/pdf/actions", test_pdf_actions);
  g_test_add_func ("/export/odt", test_odt);
  g_test_add_func ("/export/odt/landscape", test_odt_landscape);
  g_test_add_func ("/export/odt/actions", test_odt_actions);
  g_test_add_func ("/export/html", test_html);
  g_test_add_func ("/export/html/fragment", test_html_fragment);
  g_test_add_func ("/export/markdown", test_markdown);
  g_test_add_func ("/export/markdown/actions", test_markdown_actions);
  g_test_add_func ("/export/cli", test_cli);
  g_test_add_func ("/export/hostile", test_hostile);
  g_test_add_func ("/export/error-notes-language", test_error_notes_language);
  g_test_add_func ("/export/hostile/pdf", test_hostile_pdf);

  status = g_test_run ();

  /* Let valgrind tell leaks from the caches of fonts that live as long
   * as the process. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return status;
}
