/* raming-note-table.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export renders this one table, so that PDF, ODT, HTML, CSV and
 * the printed page can never disagree. Its words follow the language of
 * the export (the document's, by default), never the desktop's locale:
 * they come from the table below, not from gettext.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "raming-format.h"
#include "raming-note-table.h"
#include "raming-private.h"

struct _RamingNoteTable
{
  RamingDocument *document;
  RamingLanguage  language;
  char           *title;
  char           *subtitle;
  char           *headers[RAMING_N_COLUMNS + 1];
  GArray         *rows;         /* RamingNoteRow */
  RamingNoteRow   total;
  GPtrArray      *footnotes;
  char           *gap_text;
  char           *band_text;
  GPtrArray      *sources;
  GPtrArray      *actions;      /* RamingNoteAction* */
};

static const struct {
  const char *id;
  const char *nl;
  const char *en;
} strings[] = {
  { "measure", "Maatregel", "Measure" },
  { "national", "Inschatting AEF doorberekend naar %s", "AEF estimate translated to %s" },
  { "result", "Resultaat %s", "Result %s" },
  { "original", "Oorspronkelijke verwachting %s (totaal)", "Original expectation %s (total)" },
  { "realistic", "Realistische inschatting %s (totaal)", "Realistic estimate %s (total)" },
  { "municipality", "gemeente", "municipality" },
  { "total", "Totaal", "Total" },
  { "error", "fout", "error" },
  { "title", "Realistische inschatting besparingen", "Realistic savings estimate" },
  { "gap", "Resterende opgave: %s (besparingsopgave %s min realistische inschatting %s).",
    "Remaining gap: %s (savings target %s minus realistic estimate %s)." },
  { "no-target", "Er is geen besparingsopgave vastgelegd; de resterende opgave is niet bekend.",
    "No savings target is recorded; the remaining gap is not known." },
  { "band", "Bandbreedte van de realistische inschatting: %s tot %s (P10–P90 van %s trekkingen); "
            "uitersten %s tot %s.",
    "Uncertainty of the realistic estimate: %s to %s (P10–P90 of %s draws); extremes %s to %s." },
  { "no-band", "Voor de realistische inschatting zijn geen bandbreedtes vastgelegd.",
    "No ranges are recorded for the realistic estimate." },
  { "rounding", "Bedragen zijn afgerond op %s euro; door afronding kan een totaal afwijken van de som van de afgeronde bedragen.",
    "Amounts are rounded to %s euro; because of rounding a total may differ from the sum of the rounded amounts." },
  { "excluded", "Het totaal van de kolom ‘%s’ laat %u cel met een fout buiten beschouwing.",
    "The total of column ‘%s’ leaves out %u cell with an error." },
  { "excluded-plural", "Het totaal van de kolom ‘%s’ laat %u cellen met een fout buiten beschouwing.",
    "The total of column ‘%s’ leaves out %u cells with an error." },
  { "error-note", "Fout in ‘%s’, kolom ‘%s’: %s", "Error in ‘%s’, column ‘%s’: %s" },
  /* What went wrong in a cell, in the document's language when the
   * interface speaks another (see describe_error). */
  { "error-syntax", "%s is niet te lezen", "%s cannot be read" },
  { "error-unknown-name", "%s noemt een naam die niet bestaat", "%s uses a name that does not exist" },
  { "error-unknown-function", "%s gebruikt een functie die niet bestaat", "%s uses a function that does not exist" },
  { "error-arguments", "de waarden in %s kunnen zo niet worden gebruikt", "the values in %s cannot be used as they are" },
  { "error-division-by-zero", "%s deelt door nul", "%s divides by zero" },
  { "error-not-finite", "%s geeft een getal dat te groot is", "%s gives a number that is too large" },
  { "error-cycle", "%s verwijst via aannames naar zichzelf", "%s refers to itself through assumptions" },
  { "error-reference", "%s gebruikt een aanname met een fout", "%s uses an assumption that has an error" },
  { "error-other", "%s kan niet worden berekend", "%s cannot be computed" },
  { "subject-formula", "de formule %s", "the formula %s" },
  { "subject-national", "de landelijke inschattingen", "the national estimates" },
  { "subject-results", "de resultaten per jaar", "the results per year" },
  { "sources", "Bronnen", "Sources" },
  { "actions", "Acties", "Action items" },
  { "action", "Actie", "Action" },
  { "owner", "Eigenaar", "Owner" },
  { "due", "Gereed", "Due" },
  { "status", "Status", "Status" },
  { "measures", "Maatregelen", "Measures" },
  { "page", "p.", "p." },
  { "open", "Open", "Open" },
  { "in-progress", "Loopt", "In progress" },
  { "done", "Gereed", "Done" },
  { "dropped", "Vervallen", "Dropped" },
  { "appendix", "Bijlage", "Appendix" },
  { "page-of", "Pagina %d van %d", "Page %d of %d" },
  { "continued", "(vervolg)", "(continued)" },
};

static const char *
lookup (RamingLanguage  language,
        const char     *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (g_str_equal (strings[i].id, id))
      return language == RAMING_LANGUAGE_EN ? strings[i].en : strings[i].nl;
  g_return_val_if_reached ("");
}

const char *
raming_note_table_get_string (RamingNoteTable *self,
                              const char      *id)
{
  g_return_val_if_fail (self != NULL, "");
  return lookup (self->language, id);
}

static void
note_cell_clear (RamingNoteCell *cell)
{
  g_free (cell->text);
  g_free (cell->amount_text);
  g_free (cell->label);
  g_free (cell->status_text);
  g_free (cell->error);
}

static void
note_row_clear (RamingNoteRow *row)
{
  g_free (row->id);
  g_free (row->title);
  g_free (row->plain_title);
  g_free (row->marker);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    note_cell_clear (&row->cells[c]);
}

static void
note_action_free (RamingNoteAction *action)
{
  g_free (action->title);
  g_free (action->owner);
  g_free (action->due);
  g_free (action->status);
  g_free (action->measures);
  g_free (action);
}

static char *
result_text (RamingNoteTable *self,
             RamingMeasure   *measure,
             const char      *amount)
{
  /* Through the array: asking for the list would make its store. */
  GPtrArray *results = measure->result_array;
  double rounding = raming_document_get_rounding (self->document);
  GString *text;
  guint n = _raming_measure_n_results (measure);

  if (n == 1)
    {
      RamingResultEntry *entry = g_ptr_array_index (results, 0);
      const char *label = raming_result_entry_get_label (entry);

      if (label == NULL)
        return g_strdup (amount);
      return g_strdup_printf ("%s (%s)", amount, label);
    }

  /* Several periods: show each, as the note does ("31.000 (2019) + …"). */
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      RamingResultEntry *entry = g_ptr_array_index (results, i);
      RamingCellInput *input = raming_result_entry_get_input (entry);
      const char *label = raming_result_entry_get_label (entry);
      g_autofree char *part = NULL;
      double value = 0;

      if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT)
        value = raming_cell_input_get_amount (input);
      else
        {
          /* A formula entry: its share of the summed cell is not stored
           * apart, so show the cell's total once instead. */
          g_string_free (text, TRUE);
          return g_strdup (amount);
        }
      part = raming_format_amount (value, self->language, rounding);
      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, part);
      if (label != NULL)
        g_string_append_printf (text, " (%s)", label);
    }
  return g_string_free (text, FALSE);
}

static char *
result_label (RamingMeasure *measure)
{
  GPtrArray *results = measure->result_array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < _raming_measure_n_results (measure); i++)
    {
      RamingResultEntry *entry = g_ptr_array_index (results, i);

      if (raming_result_entry_get_label (entry) != NULL)
        g_strv_builder_add (builder, raming_result_entry_get_label (entry));
    }
  labels = g_strv_builder_end (builder);
  if (labels[0] == NULL)
    return NULL;
  return g_strjoinv (" + ", labels);
}

/* The language the interface's messages are in: the engine writes a
 * cell's error in it, with every detail. */
static RamingLanguage
interface_language (void)
{
  /* Translators: the code of the language you translate into, "nl" for
   * Dutch. Raming uses it to know whether the messages it shows are in
   * the language of a document's export. Keep "en" if not nl. */
  return g_str_equal (C_("language of the interface", "en"), "nl") ? RAMING_LANGUAGE_NL : RAMING_LANGUAGE_EN;
}

/* The error of a cell in the table's language: the engine's own message
 * when the interface speaks that language, else what kind of error it is
 * and where, e.g. "de formule =foo * 2 noemt een naam die niet bestaat". */
static char *
describe_error (RamingNoteTable *self,
                RamingMeasure   *measure,
                RamingColumn     column,
                RamingCell      *cell)
{
  static const char * const ids[] = {
    [RAMING_FORMULA_ERROR_SYNTAX] = "error-syntax",
    [RAMING_FORMULA_ERROR_UNKNOWN_NAME] = "error-unknown-name",
    [RAMING_FORMULA_ERROR_UNKNOWN_FUNCTION] = "error-unknown-function",
    [RAMING_FORMULA_ERROR_ARGUMENTS] = "error-arguments",
    [RAMING_FORMULA_ERROR_DIVISION_BY_ZERO] = "error-division-by-zero",
    [RAMING_FORMULA_ERROR_NOT_FINITE] = "error-not-finite",
    [RAMING_FORMULA_ERROR_CYCLE] = "error-cycle",
    [RAMING_FORMULA_ERROR_REFERENCE] = "error-reference",
  };
  RamingCellInput *input = raming_measure_get_input (measure, column);
  int code = raming_cell_get_error_code (cell);
  const char *id = "error-other";
  g_autofree char *subject = NULL;

  if (interface_language () == self->language && raming_cell_get_error (cell) != NULL)
    return g_strdup (raming_cell_get_error (cell));

  if (code >= 0 && code < (int) G_N_ELEMENTS (ids) && ids[code] != NULL)
    id = ids[code];

  if (column == RAMING_COLUMN_NATIONAL &&
      g_list_model_get_n_items (raming_measure_get_estimates (measure)) > 0)
    subject = g_strdup (lookup (self->language, "subject-national"));
  else if (column == RAMING_COLUMN_RESULT && _raming_measure_n_results (measure) > 0)
    subject = g_strdup (lookup (self->language, "subject-results"));
  else
    {
      g_autofree char *text = raming_cell_input_to_text (input, self->language);

      subject = g_strdup_printf (lookup (self->language, "subject-formula"), text);
    }
  return g_strdup_printf (lookup (self->language, id), subject);
}

static void
fill_cell (RamingNoteTable *self,
           RamingNoteCell  *out,
           RamingMeasure   *measure,
           RamingColumn     column,
           gboolean         shown)
{
  RamingCell *cell = raming_measure_get_cell (measure, column);
  double rounding = raming_document_get_rounding (self->document);

  out->kind = raming_cell_get_kind (cell);
  out->status = raming_cell_get_status (cell);
  out->shown = shown;

  switch (out->kind)
    {
    case RAMING_CELL_VALUE:
      out->value = raming_cell_get_value (cell);
      out->rounded = raming_round (out->value, rounding);
      out->amount_text = raming_format_amount (out->value, self->language, rounding);
      if (column == RAMING_COLUMN_RESULT && !raming_measure_get_is_group (measure) &&
          _raming_measure_n_results (measure) > 0)
        {
          out->text = result_text (self, measure, out->amount_text);
          out->label = result_label (measure);
        }
      else
        out->text = g_strdup (out->amount_text);
      break;

    case RAMING_CELL_STATUS:
      out->status_text = g_strdup (raming_cell_get_label (cell) != NULL
                                     ? raming_cell_get_label (cell)
                                     : raming_cell_status_to_word (out->status, self->language));
      out->text = g_strdup (out->status_text);
      break;

    case RAMING_CELL_ERROR:
      out->error = describe_error (self, measure, column, cell);
      out->text = g_strdup (lookup (self->language, "error"));
      break;

    case RAMING_CELL_BLANK:
    default:
      out->text = g_strdup ("");
      break;
    }

  if (!shown)
    {
      g_free (out->text);
      out->text = g_strdup ("");
    }
}

/**
 * raming_note_cell_text:
 * @document: the document
 * @measure: a measure of @document
 * @column: the column
 * @language: the language of the words (status words, “fout”)
 *
 * The text of one cell as the note shows it, e.g. “800.000 (2019 ev)” or
 * “Gaan we verkennen”, for showing the table live in a window without
 * building the whole note table on every change.
 *
 * Returns: (transfer full): the text; “” for an empty cell
 */
char *
raming_note_cell_text (RamingDocument *document,
                       RamingMeasure  *measure,
                       RamingColumn    column,
                       RamingLanguage  language)
{
  RamingNoteTable table = { 0, };
  RamingNoteCell cell = { 0, };
  char *text;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (RAMING_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (column < RAMING_N_COLUMNS, NULL);

  table.document = document;
  table.language = language;
  fill_cell (&table, &cell, measure, column, TRUE);
  text = g_steal_pointer (&cell.text);
  note_cell_clear (&cell);
  return text;
}

static char *
marker_for (guint n)
{
  return g_strnfill (n, '*');
}

static void
add_rows (RamingNoteTable *self,
          GListModel      *measures,
          guint            depth)
{
  gboolean subtotals = raming_document_get_show_group_subtotals (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(RamingMeasure) measure = g_list_model_get_item (measures, i);
      gboolean is_group = raming_measure_get_is_group (measure);
      const char *title = raming_measure_get_title (measure);
      const char *footnote = raming_measure_get_footnote (measure);
      RamingNoteRow row = { 0, };
      GString *display = g_string_new (NULL);

      row.kind = is_group ? RAMING_NOTE_ROW_GROUP : RAMING_NOTE_ROW_MEASURE;
      row.depth = depth;
      row.id = g_strdup (raming_measure_get_id (measure));
      row.plain_title = g_strdup (title != NULL ? title : "");

      /* Sub-items are marked as in the note: "– Dyslexiezorg". */
      if (depth > 0)
        g_string_append (display, "\342\200\223 ");
      g_string_append (display, row.plain_title);
      if (footnote != NULL)
        {
          g_autofree char *text = NULL;

          row.marker = marker_for (self->footnotes->len + 1);
          g_string_append (display, row.marker);
          text = g_strdup_printf ("%s %s", row.marker, footnote);
          g_ptr_array_add (self->footnotes, g_steal_pointer (&text));
        }
      row.title = g_string_free (display, FALSE);

      for (guint c = 0; c < RAMING_N_COLUMNS; c++)
        {
          /* A group row shows its own national figure (the AEF estimates
           * it carries); its other cells are sums of the rows below it,
           * shown only on request so that nothing is counted twice. */
          gboolean shown = !is_group || c == RAMING_COLUMN_NATIONAL || subtotals;

          fill_cell (self, &row.cells[c], measure, c, shown);
        }

      g_array_append_val (self->rows, row);

      if (is_group)
        {
          /* Asking a measure without children for its list would make one. */
          if (_raming_measure_n_children (measure) > 0)
            add_rows (self, raming_measure_get_children (measure), depth + 1);
        }
    }
}

static void
fill_total (RamingNoteTable *self)
{
  RamingTotals *totals = raming_document_get_totals (self->document);
  double rounding = raming_document_get_rounding (self->document);
  RamingNoteRow *row = &self->total;

  row->kind = RAMING_NOTE_ROW_TOTAL;
  row->title = g_strdup (lookup (self->language, "total"));
  row->plain_title = g_strdup (row->title);

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      RamingNoteCell *cell = &row->cells[c];
      gboolean shown = c != RAMING_COLUMN_NATIONAL ||
                       raming_document_get_show_national_total (self->document);

      cell->kind = RAMING_CELL_VALUE;
      cell->value = raming_totals_get_column (totals, c);
      cell->rounded = raming_round (cell->value, rounding);
      cell->shown = shown;
      cell->amount_text = raming_format_amount (cell->value, self->language, rounding);
      cell->text = g_strdup (shown ? cell->amount_text : "");
    }
}

static void
add_error_notes (RamingNoteTable *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      RamingNoteRow *row = &g_array_index (self->rows, RamingNoteRow, i);

      for (guint c = 0; c < RAMING_N_COLUMNS; c++)
        if (row->cells[c].kind == RAMING_CELL_ERROR)
          g_ptr_array_add (self->footnotes,
                           g_strdup_printf (lookup (self->language, "error-note"),
                                            row->plain_title, self->headers[c + 1],
                                            row->cells[c].error));
    }

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      guint n = raming_totals_get_n_excluded (raming_document_get_totals (self->document), c);

      if (n > 0 && self->total.cells[c].shown)
        g_ptr_array_add (self->footnotes,
                         g_strdup_printf (lookup (self->language, n == 1 ? "excluded" : "excluded-plural"),
                                          self->headers[c + 1], n));
    }
}

/* A note on rounding belongs under the table only where a shown total
 * differs from the sum of the shown amounts above it. */
static void
add_rounding_note (RamingNoteTable *self)
{
  double rounding = raming_document_get_rounding (self->document);
  gboolean differs = FALSE;

  if (rounding <= 1)
    return;

  for (guint c = 0; c < RAMING_N_COLUMNS && !differs; c++)
    {
      double sum = 0;

      if (!self->total.cells[c].shown)
        continue;
      for (guint i = 0; i < self->rows->len; i++)
        {
          RamingNoteRow *row = &g_array_index (self->rows, RamingNoteRow, i);

          if (row->cells[c].kind == RAMING_CELL_VALUE && row->cells[c].shown &&
              row->kind != RAMING_NOTE_ROW_GROUP)
            sum += row->cells[c].rounded;
          else if (row->kind == RAMING_NOTE_ROW_GROUP && c == RAMING_COLUMN_NATIONAL &&
                   row->cells[c].kind == RAMING_CELL_VALUE)
            sum += row->cells[c].rounded;
        }
      differs = fabs (sum - self->total.cells[c].rounded) > 0.5;
    }

  if (differs)
    {
      g_autofree char *step = raming_format_amount (rounding, self->language, 0);

      g_ptr_array_add (self->footnotes,
                       g_strdup_printf (lookup (self->language, "rounding"), step));
    }
}

static void
fill_gap_and_band (RamingNoteTable *self)
{
  RamingTotals *totals = raming_document_get_totals (self->document);
  double rounding = raming_document_get_rounding (self->document);
  RamingLanguage lang = self->language;

  if (raming_totals_get_has_target (totals))
    {
      g_autofree char *gap = raming_format_amount (raming_totals_get (totals, RAMING_TOTAL_GAP), lang, rounding);
      g_autofree char *target = raming_format_amount (raming_totals_get (totals, RAMING_TOTAL_TARGET), lang, rounding);
      g_autofree char *realistic = raming_format_amount (raming_totals_get (totals, RAMING_TOTAL_REALISTIC), lang, rounding);

      self->gap_text = g_strdup_printf (lookup (lang, "gap"), gap, target, realistic);
    }
  else
    self->gap_text = g_strdup (lookup (lang, "no-target"));

  if (raming_totals_get_has_band (totals))
    {
      g_autofree char *p10 = raming_format_amount (raming_totals_get (totals, RAMING_TOTAL_P10), lang, rounding);
      g_autofree char *p90 = raming_format_amount (raming_totals_get (totals, RAMING_TOTAL_P90), lang, rounding);
      g_autofree char *low = raming_format_amount (raming_totals_get (totals, RAMING_TOTAL_REALISTIC_LOW), lang, rounding);
      g_autofree char *high = raming_format_amount (raming_totals_get (totals, RAMING_TOTAL_REALISTIC_HIGH), lang, rounding);
      g_autofree char *n = raming_format_number (raming_document_get_uncertainty_samples (self->document), lang, 0);

      self->band_text = g_strdup_printf (lookup (lang, "band"), p10, p90, n, low, high);
    }
  else
    self->band_text = g_strdup (lookup (lang, "no-band"));
}

/* ------------------------------------------------------------------ */
/* Sources cited by the figures in the table                           */

typedef struct
{
  RamingNoteTable *self;
  GHashTable      *pages;     /* source id → GPtrArray of pages */
  GPtrArray       *order;     /* source ids, first cited first */
  GHashTable      *seen_assumptions;
} Citations;

static void
cite (Citations  *citations,
      const char *source,
      const char *page)
{
  GPtrArray *pages;

  if (source == NULL)
    return;
  if (!(pages = g_hash_table_lookup (citations->pages, source)))
    {
      pages = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (citations->pages, g_strdup (source), pages);
      g_ptr_array_add (citations->order, g_strdup (source));
    }
  if (page != NULL && !g_ptr_array_find_with_equal_func (pages, page, g_str_equal, NULL))
    g_ptr_array_add (pages, g_strdup (page));
}

static void cite_input (Citations *citations, RamingCellInput *input);

static void
cite_formula (Citations     *citations,
              RamingFormula *formula)
{
  RamingDocument *document = citations->self->document;

  if (formula == NULL)
    return;
  for (guint i = 0; i < raming_formula_get_n_names (formula); i++)
    {
      const char *name = raming_formula_get_name (formula, i);
      const char *dot = strchr (name, '.');

      if (dot != NULL)
        {
          g_autofree char *id = g_strndup (name, dot - name);
          RamingPartner *partner = raming_document_find_partner (document, id);

          if (partner != NULL)
            cite (citations, raming_partner_get_source (partner), raming_partner_get_page (partner));
        }
      else
        {
          RamingAssumption *a = raming_document_find_assumption (document, name);

          if (a == NULL || g_hash_table_contains (citations->seen_assumptions, a))
            continue;
          g_hash_table_add (citations->seen_assumptions, a);
          cite (citations, raming_assumption_get_source (a), raming_assumption_get_page (a));
          cite_input (citations, raming_assumption_get_input (a));
        }
    }
}

static void
cite_input (Citations       *citations,
            RamingCellInput *input)
{
  if (input == NULL)
    return;
  cite (citations, raming_cell_input_get_source (input), raming_cell_input_get_page (input));
  cite_formula (citations, raming_cell_input_get_formula (input));
  cite_formula (citations, raming_cell_input_get_low (input) != NULL
                             ? raming_cell_input_get_formula (raming_cell_input_get_low (input)) : NULL);
  cite_formula (citations, raming_cell_input_get_high (input) != NULL
                             ? raming_cell_input_get_formula (raming_cell_input_get_high (input)) : NULL);
}

static void
cite_measure (gpointer item,
              gpointer user_data)
{
  Citations *citations = user_data;
  RamingMeasure *measure = item;
  /* Through the arrays: asking for a list a measure does not have would
   * make one. */
  GPtrArray *estimates = measure->estimate_array;
  GPtrArray *results = measure->result_array;

  cite (citations, raming_measure_get_source (measure), raming_measure_get_page (measure));

  if (_raming_measure_n_estimates (measure) > 0)
    {
      RamingAssumption *macro = raming_document_get_macro_share (citations->self->document);

      if (macro != NULL)
        cite (citations, raming_assumption_get_source (macro), raming_assumption_get_page (macro));
    }
  for (guint i = 0; i < _raming_measure_n_estimates (measure); i++)
    {
      RamingEstimate *e = g_ptr_array_index (estimates, i);

      cite (citations, raming_estimate_get_source (e), raming_estimate_get_page (e));
    }
  for (guint i = 0; i < _raming_measure_n_results (measure); i++)
    {
      RamingResultEntry *r = g_ptr_array_index (results, i);

      cite (citations, raming_result_entry_get_source (r), raming_result_entry_get_page (r));
      cite_input (citations, raming_result_entry_get_input (r));
    }
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    cite_input (citations, raming_measure_get_input (measure, c));
}

static gboolean
is_page_number (const char *page)
{
  for (const char *p = page; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '-' && *p != ',' && *p != ' ')
      return FALSE;
  return TRUE;
}

static void
fill_sources (RamingNoteTable *self)
{
  Citations citations = { self, NULL, NULL, NULL };
  RamingAssumption *target = raming_document_get_savings_target (self->document);

  citations.pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  citations.order = g_ptr_array_new_with_free_func (g_free);
  citations.seen_assumptions = g_hash_table_new (NULL, NULL);

  raming_document_foreach_measure (self->document, cite_measure, &citations);
  if (target != NULL)
    cite (&citations, raming_assumption_get_source (target), raming_assumption_get_page (target));

  for (guint i = 0; i < citations.order->len; i++)
    {
      const char *id = citations.order->pdata[i];
      RamingSource *source = raming_document_find_source (self->document, id);
      GPtrArray *pages = g_hash_table_lookup (citations.pages, id);
      GString *line = g_string_new (NULL);

      if (source == NULL)
        g_string_append (line, id);
      else
        {
          const char *author = raming_source_get_author (source);
          const char *year = raming_source_get_year (source);
          const char *title = raming_source_get_title (source);
          const char *note = raming_source_get_note (source);

          if (author != NULL)
            g_string_append (line, author);
          if (year != NULL)
            g_string_append_printf (line, "%s(%s)", line->len > 0 ? " " : "", year);
          if (line->len > 0)
            g_string_append (line, ", ");
          g_string_append (line, title != NULL ? title : id);
          if (note != NULL)
            g_string_append_printf (line, " (%s)", note);
        }
      for (guint p = 0; p < pages->len; p++)
        {
          const char *page = pages->pdata[p];

          g_string_append (line, p == 0 ? ": " : "; ");
          if (is_page_number (page))
            g_string_append_printf (line, "%s %s", lookup (self->language, "page"), page);
          else
            g_string_append (line, page);
        }
      g_ptr_array_add (self->sources, g_string_free (line, FALSE));
    }

  g_hash_table_unref (citations.pages);
  g_ptr_array_unref (citations.order);
  g_hash_table_unref (citations.seen_assumptions);
}

static char *
format_date (RamingLanguage  language,
             const GDate    *date)
{
  static const char *months_nl[] = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
                                     "augustus", "september", "oktober", "november", "december" };
  static const char *months_en[] = { "January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December" };
  guint m = g_date_get_month (date) - 1;

  return g_strdup_printf ("%u %s %u", g_date_get_day (date),
                          language == RAMING_LANGUAGE_EN ? months_en[m] : months_nl[m],
                          g_date_get_year (date));
}

static void
fill_actions (RamingNoteTable *self)
{
  GListModel *actions = raming_document_get_actions (self->document);
  static const char *status_ids[] = { "open", "in-progress", "done", "dropped" };

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RamingAction) a = g_list_model_get_item (actions, i);
      RamingNoteAction *out = g_new0 (RamingNoteAction, 1);
      const char *period = raming_action_get_period (a);
      g_autoptr(GDate) due = raming_action_dup_due_date (a);
      const char * const *measures = raming_action_get_measures (a);
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();

      out->title = g_strdup (raming_action_get_title (a));
      out->owner = g_strdup (raming_action_get_owner (a) != NULL ? raming_action_get_owner (a) : "");
      if (period != NULL)
        out->due = g_strdup (period);
      else if (due != NULL)
        out->due = format_date (self->language, due);
      else
        out->due = g_strdup ("");
      out->status = g_strdup (lookup (self->language, status_ids[raming_action_get_status (a)]));

      for (guint m = 0; measures != NULL && measures[m] != NULL; m++)
        {
          RamingMeasure *measure = raming_document_find_measure (self->document, measures[m]);

          if (measure != NULL && raming_measure_get_title (measure) != NULL)
            g_ptr_array_add (titles, (gpointer) raming_measure_get_title (measure));
        }
      g_ptr_array_add (titles, NULL);
      out->measures = g_strjoinv ("; ", (char **) titles->pdata);

      g_ptr_array_add (self->actions, out);
    }
}

RamingNoteTable *
raming_note_table_new (RamingDocument *document,
                       RamingLanguage  language)
{
  RamingNoteTable *self;
  const char *municipality;
  const char *title;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), NULL);

  raming_document_ensure_band (document);

  self = g_new0 (RamingNoteTable, 1);
  self->document = g_object_ref (document);
  self->language = language;
  self->rows = g_array_new (FALSE, TRUE, sizeof (RamingNoteRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) note_row_clear);
  self->footnotes = g_ptr_array_new_with_free_func (g_free);
  self->sources = g_ptr_array_new_with_free_func (g_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) note_action_free);

  municipality = raming_document_get_municipality (document);
  if (municipality == NULL)
    municipality = lookup (language, "municipality");

  self->headers[0] = g_strdup (lookup (language, "measure"));
  self->headers[1] = g_strdup_printf (lookup (language, "national"), municipality);
  self->headers[2] = g_strdup_printf (lookup (language, "result"), municipality);
  self->headers[3] = g_strdup_printf (lookup (language, "original"), municipality);
  self->headers[4] = g_strdup_printf (lookup (language, "realistic"), municipality);

  title = raming_document_get_title (document);
  self->title = g_strdup (title != NULL ? title : lookup (language, "title"));
  {
    GString *subtitle = g_string_new (NULL);
    const char *note = raming_document_get_note_title (document);
    const char *date = raming_document_get_date (document);
    GDate parsed;

    if (raming_document_get_municipality (document) != NULL)
      g_string_append (subtitle, raming_document_get_municipality (document));
    if (note != NULL)
      g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", note);
    if (date != NULL && raming_parse_iso_date (date, &parsed))
      {
        g_autofree char *text = format_date (language, &parsed);

        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", text);
      }
    self->subtitle = g_string_free (subtitle, FALSE);
  }

  add_rows (self, raming_document_get_measures (document), 0);
  fill_total (self);
  add_error_notes (self);
  add_rounding_note (self);
  fill_gap_and_band (self);
  fill_sources (self);
  fill_actions (self);

  return self;
}

void
raming_note_table_free (RamingNoteTable *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->document);
  g_free (self->title);
  g_free (self->subtitle);
  for (guint i = 0; i <= RAMING_N_COLUMNS; i++)
    g_free (self->headers[i]);
  g_array_unref (self->rows);
  note_row_clear (&self->total);
  g_ptr_array_unref (self->footnotes);
  g_free (self->gap_text);
  g_free (self->band_text);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->actions);
  g_free (self);
}

RamingLanguage
raming_note_table_get_language (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, RAMING_LANGUAGE_NL);
  return self->language;
}

RamingDocument *
raming_note_table_get_document (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document;
}

const char *
raming_note_table_get_title (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
raming_note_table_get_subtitle (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subtitle;
}

/* Column 0 is the measure's title; 1 … 4 are the RamingColumns. */
const char *
raming_note_table_get_header (RamingNoteTable *self,
                              guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column <= RAMING_N_COLUMNS, NULL);
  return self->headers[column];
}

guint
raming_note_table_get_n_rows (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const RamingNoteRow *
raming_note_table_get_row (RamingNoteTable *self,
                           guint            position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return &g_array_index (self->rows, RamingNoteRow, position);
}

const RamingNoteRow *
raming_note_table_get_total (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->total;
}

GPtrArray *
raming_note_table_get_footnotes (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->footnotes;
}

const char *
raming_note_table_get_gap_text (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->gap_text;
}

const char *
raming_note_table_get_band_text (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->band_text;
}

GPtrArray *
raming_note_table_get_sources (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sources;
}

GPtrArray *
raming_note_table_get_actions (RamingNoteTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->actions;
}
