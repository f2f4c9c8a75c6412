/* raming-export-odt.c: the appendix as an OpenDocument text (LibreOffice Writer, Word)
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An ODF 1.2 package: a zip whose first member is "mimetype", stored
 * without compression or extra fields (so that the file type can be read
 * at a fixed offset), then content.xml with a real table, styles.xml
 * with the A4 page, meta.xml and META-INF/manifest.xml listing them.
 * The table's header row is a table:table-header-rows, which Writer
 * repeats on every page the table continues on.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <gsf/gsf.h>

#include "raming-export.h"

/* libgsf 1.14 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

#define ODF_VERSION "1.2"
#define ODT_MIME    "application/vnd.oasis.opendocument.text"

#define NAMESPACES \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
  "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " \
  "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" " \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

#define BOLD "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\""

/* Text in ODF collapses runs of spaces and ignores tabs and line breaks
 * as XML whitespace; they have elements of their own. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *clean = raming_export_clean_text (text);
  guint spaces = 0;
  gboolean start = TRUE;

  for (const char *p = clean;; p++)
    {
      if (*p == ' ')
        {
          spaces++;
          continue;
        }
      if (spaces > 0)
        {
          guint extra = start ? spaces : spaces - 1;

          if (!start)
            g_string_append_c (out, ' ');
          if (extra == 1)
            g_string_append (out, "<text:s/>");
          else if (extra > 1)
            g_string_append_printf (out, "<text:s text:c=\"%u\"/>", extra);
          spaces = 0;
        }
      if (*p == '\0')
        break;
      start = FALSE;
      if (*p == '\t')
        g_string_append (out, "<text:tab/>");
      else if (*p == '\n')
        {
          g_string_append (out, "<text:line-break/>");
          start = TRUE;
        }
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else if (*p == '"')
        g_string_append (out, "&quot;");
      else if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append (out, "<text:line-break/>");
        }
      else
        g_string_append_c (out, *p);   /* the text is already clean UTF-8 */
    }
}

static void
append_paragraph (GString    *out,
                  const char *style,
                  const char *text)
{
  g_string_append_printf (out, "<text:p text:style-name=\"%s\">", style);
  append_text (out, text);
  g_string_append (out, "</text:p>\n");
}

static void
append_cell (GString    *out,
             const char *cell_style,
             const char *paragraph_style,
             const char *text)
{
  g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">"
                               "<text:p text:style-name=\"%s\">", cell_style, paragraph_style);
  append_text (out, text);
  g_string_append (out, "</text:p></table:table-cell>");
}

static guint
max_depth (RamingNoteTable *table)
{
  guint depth = 0;

  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    depth = MAX (depth, raming_note_table_get_row (table, i)->depth);
  return depth;
}

static void
append_row (GString             *out,
            const RamingNoteRow *row)
{
  gboolean total = row->kind == RAMING_NOTE_ROW_TOTAL;
  const char *cell_style = total ? "Cell.Total" : row->kind == RAMING_NOTE_ROW_GROUP ? "Cell.Group" : "Cell.Body";
  g_autofree char *title_style = NULL;

  if (total)
    title_style = g_strdup ("P.TotalTitle");
  else if (row->depth > 0)
    title_style = g_strdup_printf ("P.Depth%u", row->depth);
  else
    title_style = g_strdup ("Raming_20_Table_20_Contents");

  g_string_append (out, "<table:table-row>");
  append_cell (out, cell_style, title_style, row->title);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    append_cell (out, cell_style, total ? "P.TotalAmount" : "P.Amount", row->cells[c].text);
  g_string_append (out, "</table:table-row>\n");
}

static char *
content_xml (RamingNoteTable           *table,
             const RamingExportOptions *options)
{
  GString *out = g_string_new (NULL);
  const char *subtitle = raming_note_table_get_subtitle (table);
  GPtrArray *footnotes = raming_note_table_get_footnotes (table);
  GPtrArray *sources = raming_note_table_get_sources (table);
  gboolean landscape = options->landscape;
  /* Text width: A4 less 2 cm on either side. */
  const char *title_width = landscape ? "11.3cm" : "5.4cm";
  const char *amount_width = landscape ? "3.6cm" : "2.9cm";

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-content " NAMESPACES " office:version=\"" ODF_VERSION "\">\n"
                   "<office:font-face-decls>"
                   "<style:font-face style:name=\"Arial\" svg:font-family=\"Arial\" "
                   "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>"
                   "</office:font-face-decls>\n"
                   "<office:automatic-styles>\n");
  g_string_append_printf (out,
                          "<style:style style:name=\"Table\" style:family=\"table\">"
                          "<style:table-properties style:width=\"%s\" table:align=\"margins\" "
                          "fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.2cm\"/></style:style>\n"
                          "<style:style style:name=\"Table.Title\" style:family=\"table-column\">"
                          "<style:table-column-properties style:column-width=\"%s\"/></style:style>\n"
                          "<style:style style:name=\"Table.Amount\" style:family=\"table-column\">"
                          "<style:table-column-properties style:column-width=\"%s\"/></style:style>\n",
                          landscape ? "25.7cm" : "17cm", title_width, amount_width);
  g_string_append_printf (out,
                          "<style:style style:name=\"Actions\" style:family=\"table\">"
                          "<style:table-properties style:width=\"%s\" table:align=\"margins\" "
                          "fo:margin-top=\"0.2cm\"/></style:style>\n"
                          "<style:style style:name=\"Actions.Title\" style:family=\"table-column\">"
                          "<style:table-column-properties style:column-width=\"%s\"/></style:style>\n"
                          "<style:style style:name=\"Actions.Other\" style:family=\"table-column\">"
                          "<style:table-column-properties style:column-width=\"%s\"/></style:style>\n",
                          landscape ? "25.7cm" : "17cm", landscape ? "13.7cm" : "8cm",
                          landscape ? "4cm" : "3cm");
  g_string_append (out,
                   "<style:style style:name=\"Cell.Head\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#e0e0e0\" fo:padding=\"0.08cm\" "
                   "style:vertical-align=\"bottom\" fo:border-left=\"none\" fo:border-right=\"none\" "
                   "fo:border-top=\"1pt solid #000000\" fo:border-bottom=\"1pt solid #000000\"/></style:style>\n"
                   "<style:style style:name=\"Cell.Body\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:padding=\"0.08cm\" fo:border-left=\"none\" "
                   "fo:border-right=\"none\" fo:border-top=\"none\" "
                   "fo:border-bottom=\"0.5pt solid #999999\"/></style:style>\n"
                   "<style:style style:name=\"Cell.Group\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#f2f2f2\" fo:padding=\"0.08cm\" "
                   "fo:border-left=\"none\" fo:border-right=\"none\" fo:border-top=\"none\" "
                   "fo:border-bottom=\"0.5pt solid #999999\"/></style:style>\n"
                   "<style:style style:name=\"Cell.Total\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:padding=\"0.08cm\" fo:border-left=\"none\" "
                   "fo:border-right=\"none\" fo:border-top=\"1pt solid #000000\" "
                   "fo:border-bottom=\"1pt solid #000000\"/></style:style>\n"
                   "<style:style style:name=\"P.Amount\" style:family=\"paragraph\" "
                   "style:parent-style-name=\"Raming_20_Table_20_Contents\">"
                   "<style:paragraph-properties fo:text-align=\"end\"/></style:style>\n"
                   "<style:style style:name=\"P.HeadAmount\" style:family=\"paragraph\" "
                   "style:parent-style-name=\"Raming_20_Table_20_Heading\">"
                   "<style:paragraph-properties fo:text-align=\"end\"/></style:style>\n"
                   "<style:style style:name=\"P.TotalAmount\" style:family=\"paragraph\" "
                   "style:parent-style-name=\"Raming_20_Table_20_Contents\">"
                   "<style:paragraph-properties fo:text-align=\"end\"/>"
                   "<style:text-properties " BOLD "/></style:style>\n"
                   "<style:style style:name=\"P.TotalTitle\" style:family=\"paragraph\" "
                   "style:parent-style-name=\"Raming_20_Table_20_Contents\">"
                   "<style:text-properties " BOLD "/></style:style>\n");
  for (guint depth = 1; depth <= max_depth (table); depth++)
    g_string_append_printf (out,
                            "<style:style style:name=\"P.Depth%u\" style:family=\"paragraph\" "
                            "style:parent-style-name=\"Raming_20_Table_20_Contents\">"
                            "<style:paragraph-properties fo:margin-left=\"%.2fcm\"/></style:style>\n",
                            depth, depth * 0.35);
  g_string_append (out, "</office:automatic-styles>\n<office:body>\n<office:text>\n");

  append_paragraph (out, "Raming_20_Appendix", raming_note_table_get_string (table, "appendix"));
  g_string_append (out, "<text:h text:style-name=\"Raming_20_Title\" text:outline-level=\"1\">");
  append_text (out, raming_note_table_get_title (table));
  g_string_append (out, "</text:h>\n");
  if (subtitle != NULL && subtitle[0] != '\0')
    append_paragraph (out, "Raming_20_Subtitle", subtitle);

  g_string_append_printf (out,
                          "<table:table table:name=\"Raming\" table:style-name=\"Table\">\n"
                          "<table:table-column table:style-name=\"Table.Title\"/>\n"
                          "<table:table-column table:style-name=\"Table.Amount\" "
                          "table:number-columns-repeated=\"%d\"/>\n"
                          "<table:table-header-rows>\n<table:table-row>",
                          RAMING_N_COLUMNS);
  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    append_cell (out, "Cell.Head", c == 0 ? "Raming_20_Table_20_Heading" : "P.HeadAmount",
                 raming_note_table_get_header (table, c));
  g_string_append (out, "</table:table-row>\n</table:table-header-rows>\n");
  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    append_row (out, raming_note_table_get_row (table, i));
  append_row (out, raming_note_table_get_total (table));
  g_string_append (out, "</table:table>\n");

  for (guint i = 0; i < footnotes->len; i++)
    append_paragraph (out, "Raming_20_Note", footnotes->pdata[i]);
  append_paragraph (out, "Raming_20_Gap", raming_note_table_get_gap_text (table));
  append_paragraph (out, "Raming_20_Body", raming_note_table_get_band_text (table));

  if (sources->len > 0)
    {
      g_string_append (out, "<text:h text:style-name=\"Raming_20_Heading\" text:outline-level=\"2\">");
      append_text (out, raming_note_table_get_string (table, "sources"));
      g_string_append (out, "</text:h>\n<text:list text:style-name=\"Raming_20_Bullets\">\n");
      for (guint i = 0; i < sources->len; i++)
        {
          g_string_append (out, "<text:list-item>");
          append_paragraph (out, "Raming_20_Note", sources->pdata[i]);
          g_string_append (out, "</text:list-item>\n");
        }
      g_string_append (out, "</text:list>\n");
    }

  if (options->include_actions)
    {
      static const char *headers[] = { "action", "owner", "due", "status" };
      GPtrArray *actions = raming_note_table_get_actions (table);

      g_string_append (out, "<text:h text:style-name=\"Raming_20_Heading\" text:outline-level=\"2\">");
      append_text (out, raming_note_table_get_string (table, "actions"));
      g_string_append (out, "</text:h>\n"
                            "<table:table table:name=\"Acties\" table:style-name=\"Actions\">\n"
                            "<table:table-column table:style-name=\"Actions.Title\"/>\n"
                            "<table:table-column table:style-name=\"Actions.Other\" "
                            "table:number-columns-repeated=\"3\"/>\n"
                            "<table:table-header-rows>\n<table:table-row>");
      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        append_cell (out, "Cell.Head", "Raming_20_Table_20_Heading",
                     raming_note_table_get_string (table, headers[c]));
      g_string_append (out, "</table:table-row>\n</table:table-header-rows>\n");
      for (guint i = 0; i < actions->len; i++)
        {
          const RamingNoteAction *action = actions->pdata[i];

          g_string_append (out, "<table:table-row>");
          append_cell (out, "Cell.Body", "Raming_20_Table_20_Contents", action->title);
          append_cell (out, "Cell.Body", "Raming_20_Table_20_Contents", action->owner);
          append_cell (out, "Cell.Body", "Raming_20_Table_20_Contents", action->due);
          append_cell (out, "Cell.Body", "Raming_20_Table_20_Contents", action->status);
          g_string_append (out, "</table:table-row>\n");
        }
      g_string_append (out, "</table:table>\n");
    }

  g_string_append (out, "</office:text>\n</office:body>\n</office:document-content>\n");
  return g_string_free (out, FALSE);
}

/* "Pagina %d van %d" with the page fields in place of the numbers. */
static void
append_page_of (GString    *out,
                const char *format)
{
  g_auto(GStrv) parts = g_strsplit (format, "%d", 3);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      append_text (out, parts[i]);
      if (i == 0 && parts[i + 1] != NULL)
        g_string_append (out, "<text:page-number text:select-page=\"current\">1</text:page-number>");
      else if (i == 1 && parts[i + 1] != NULL)
        g_string_append (out, "<text:page-count>1</text:page-count>");
    }
}

static char *
styles_xml (RamingNoteTable           *table,
            const RamingExportOptions *options)
{
  GString *out = g_string_new (NULL);
  gboolean en = raming_note_table_get_language (table) == RAMING_LANGUAGE_EN;

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-styles " NAMESPACES " office:version=\"" ODF_VERSION "\">\n"
                   "<office:font-face-decls>"
                   "<style:font-face style:name=\"Arial\" svg:font-family=\"Arial\" "
                   "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>"
                   "</office:font-face-decls>\n"
                   "<office:styles>\n");
  g_string_append_printf (out,
                          "<style:default-style style:family=\"paragraph\">"
                          "<style:text-properties style:font-name=\"Arial\" fo:font-size=\"10pt\" "
                          "fo:language=\"%s\" fo:country=\"%s\"/></style:default-style>\n",
                          en ? "en" : "nl", en ? "GB" : "NL");
  g_string_append (out,
                   "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>\n"
                   "<style:style style:name=\"Raming_20_Body\" style:display-name=\"Raming Body\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0cm\"/>"
                   "<style:text-properties fo:font-size=\"9pt\"/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Gap\" style:display-name=\"Raming Gap\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Raming_20_Body\">"
                   "<style:paragraph-properties fo:margin-top=\"0.3cm\"/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Appendix\" style:display-name=\"Raming Appendix\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:keep-with-next=\"always\"/>"
                   "<style:text-properties fo:font-size=\"9pt\" " BOLD "/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Title\" style:display-name=\"Raming Title\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
                   "style:default-outline-level=\"1\">"
                   "<style:paragraph-properties fo:margin-top=\"0.05cm\" fo:margin-bottom=\"0.1cm\" "
                   "fo:keep-with-next=\"always\"/>"
                   "<style:text-properties fo:font-size=\"14pt\" " BOLD "/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Subtitle\" style:display-name=\"Raming Subtitle\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:margin-bottom=\"0.3cm\" fo:keep-with-next=\"always\"/>"
                   "<style:text-properties fo:font-size=\"9.5pt\"/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Heading\" style:display-name=\"Raming Heading\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
                   "style:default-outline-level=\"2\">"
                   "<style:paragraph-properties fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.15cm\" "
                   "fo:keep-with-next=\"always\"/>"
                   "<style:text-properties fo:font-size=\"10.5pt\" " BOLD "/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Note\" style:display-name=\"Raming Note\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:margin-top=\"0.07cm\"/>"
                   "<style:text-properties fo:font-size=\"8pt\"/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Table_20_Contents\" "
                   "style:display-name=\"Raming Table Contents\" style:family=\"paragraph\" "
                   "style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"/>"
                   "<style:text-properties fo:font-size=\"9pt\"/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Table_20_Heading\" "
                   "style:display-name=\"Raming Table Heading\" style:family=\"paragraph\" "
                   "style:parent-style-name=\"Raming_20_Table_20_Contents\">"
                   "<style:text-properties fo:font-size=\"8pt\" " BOLD "/></style:style>\n"
                   "<style:style style:name=\"Raming_20_Footer\" style:display-name=\"Raming Footer\" "
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:text-align=\"end\"/>"
                   "<style:text-properties fo:font-size=\"8pt\" fo:color=\"#4d4d4d\"/></style:style>\n"
                   "<text:list-style style:name=\"Raming_20_Bullets\" style:display-name=\"Raming Bullets\">"
                   "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\342\200\242\">"
                   "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                   "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
                   "text:list-tab-stop-position=\"0.4cm\" fo:text-indent=\"-0.4cm\" fo:margin-left=\"0.4cm\"/>"
                   "</style:list-level-properties></text:list-level-style-bullet></text:list-style>\n"
                   "</office:styles>\n"
                   "<office:automatic-styles>\n");
  g_string_append_printf (out,
                          "<style:page-layout style:name=\"A4\">"
                          "<style:page-layout-properties fo:page-width=\"%s\" fo:page-height=\"%s\" "
                          "style:print-orientation=\"%s\" fo:margin-top=\"2cm\" fo:margin-bottom=\"1.2cm\" "
                          "fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
                          "<style:footer-style><style:header-footer-properties fo:min-height=\"0.8cm\" "
                          "fo:margin-top=\"0.3cm\"/></style:footer-style>"
                          "</style:page-layout>\n",
                          options->landscape ? "29.7cm" : "21cm",
                          options->landscape ? "21cm" : "29.7cm",
                          options->landscape ? "landscape" : "portrait");
  g_string_append (out,
                   "</office:automatic-styles>\n"
                   "<office:master-styles>\n"
                   "<style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\">"
                   "<style:footer><text:p text:style-name=\"Raming_20_Footer\">");
  append_page_of (out, raming_note_table_get_string (table, "page-of"));
  g_string_append (out,
                   "</text:p></style:footer></style:master-page>\n"
                   "</office:master-styles>\n"
                   "</office:document-styles>\n");
  return g_string_free (out, FALSE);
}

static char *
meta_xml (RamingNoteTable *table)
{
  GString *out = g_string_new (NULL);
  const char *subtitle = raming_note_table_get_subtitle (table);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-meta " NAMESPACES " office:version=\"" ODF_VERSION "\">\n"
                   "<office:meta>\n"
                   "<meta:generator>Raming/" PACKAGE_VERSION "</meta:generator>\n"
                   "<dc:title>");
  raming_export_append_xml (out, raming_note_table_get_title (table));
  g_string_append (out, "</dc:title>\n");
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_string_append (out, "<dc:subject>");
      raming_export_append_xml (out, subtitle);
      g_string_append (out, "</dc:subject>\n");
    }
  g_string_append_printf (out, "<dc:language>%s</dc:language>\n",
                          raming_note_table_get_language (table) == RAMING_LANGUAGE_EN ? "en-GB" : "nl-NL");
  g_string_append (out, "</office:meta>\n</office:document-meta>\n");
  return g_string_free (out, FALSE);
}

static const char manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
  "manifest:version=\"" ODF_VERSION "\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"" ODF_VERSION "\" "
  "manifest:media-type=\"" ODT_MIME "\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

static gboolean
add_member (GsfOutfile  *dir,
            const char  *name,
            const char  *data,
            gboolean     compress,
            GError     **error)
{
  g_autoptr(GsfOutput) member = NULL;

  member = gsf_outfile_new_child_full (dir, name, FALSE,
                                       "compression-level", compress ? GSF_ZIP_DEFLATED : GSF_ZIP_STORED,
                                       NULL);
  if (member == NULL ||
      !gsf_output_write (member, strlen (data), (const guint8 *) data) ||
      !gsf_output_close (member))
    {
      const GError *reason = member != NULL ? gsf_output_error (member) : NULL;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The OpenDocument file could not be made: %s"),
                   reason != NULL ? reason->message : name);
      return FALSE;
    }
  return TRUE;
}

GBytes *
raming_export_odt (RamingNoteTable           *table,
                   const RamingExportOptions *options,
                   GError                   **error)
{
  static const RamingExportOptions defaults = { FALSE, FALSE };
  g_autoptr(GsfOutput) sink = NULL;
  g_autoptr(GsfOutfile) zip = NULL;
  g_autoptr(GsfOutfile) meta_inf = NULL;
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *meta = NULL;
  gboolean ok;

  g_return_val_if_fail (table != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  gsf_init ();

  content = content_xml (table, options);
  styles = styles_xml (table, options);
  meta = meta_xml (table);

  sink = gsf_output_memory_new ();
  /* No Zip64 extra fields: some readers of ODF (and the "mimetype first,
   * no extra field" rule) want a plain zip; an appendix is small. */
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);
  if (zip == NULL || gsf_output_error (GSF_OUTPUT (zip)) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The OpenDocument file could not be made: %s"),
                   zip != NULL ? gsf_output_error (GSF_OUTPUT (zip))->message : "zip");
      return NULL;
    }

  ok = add_member (zip, "mimetype", ODT_MIME, FALSE, error) &&
       add_member (zip, "content.xml", content, TRUE, error) &&
       add_member (zip, "styles.xml", styles, TRUE, error) &&
       add_member (zip, "meta.xml", meta, TRUE, error);
  if (ok)
    {
      meta_inf = GSF_OUTFILE (gsf_outfile_new_child (zip, "META-INF", TRUE));
      ok = add_member (meta_inf, "manifest.xml", manifest, TRUE, error);
      if (ok && !gsf_output_close (GSF_OUTPUT (meta_inf)))
        ok = FALSE;
    }
  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The OpenDocument file could not be made: %s"),
                   gsf_output_error (GSF_OUTPUT (zip)) != NULL
                     ? gsf_output_error (GSF_OUTPUT (zip))->message : "zip");
      ok = FALSE;
    }
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The OpenDocument file could not be made: %s"), "META-INF");
      return NULL;
    }

  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                      gsf_output_size (sink));
}
