/* raming-explain.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An adviser must be able to say, for every figure in the note, where it
 * comes from. The explanation lists the formula and every assumption,
 * partner figure and national estimate it rests on, with their values
 * and sources. Its sentences are in the interface language (gettext);
 * its numbers in the document's style.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "raming-explain.h"
#include "raming-format.h"

static void
term_free (RamingTerm *term)
{
  g_free (term->name);
  g_free (term->label);
  g_free (term->value_text);
  g_free (term->range_text);
  g_free (term->source);
  g_free (term->page);
  g_free (term->status);
  g_free (term);
}

void
raming_explanation_free (RamingExplanation *self)
{
  if (self == NULL)
    return;
  g_free (self->summary);
  g_free (self->formula);
  g_free (self->value_text);
  g_free (self->range_text);
  g_free (self->error);
  g_ptr_array_unref (self->terms);
  g_free (self);
}

static RamingExplanation *
explanation_new (void)
{
  RamingExplanation *self = g_new0 (RamingExplanation, 1);

  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  return self;
}

static char *
source_title (RamingDocument *document,
              const char     *id)
{
  RamingSource *source;

  if (id == NULL)
    return NULL;
  source = raming_document_find_source (document, id);
  if (source == NULL || raming_source_get_title (source) == NULL)
    return g_strdup (id);
  return g_strdup (raming_source_get_title (source));
}

static char *
format_for_unit (RamingDocument *document,
                 double          value,
                 RamingUnit      unit)
{
  RamingLanguage language = raming_document_get_language (document);

  switch (unit)
    {
    case RAMING_UNIT_PERCENT:
      return raming_format_percent (value, language, -1);
    case RAMING_UNIT_EURO:
      return raming_format_amount (value, language, 0);
    case RAMING_UNIT_COUNT:
    case RAMING_UNIT_FACTOR:
    default:
      return raming_format_plain (value, language);
    }
}

static gboolean
has_term (RamingExplanation *self,
          const char        *name)
{
  for (guint i = 0; i < self->terms->len; i++)
    if (g_strcmp0 (((RamingTerm *) self->terms->pdata[i])->name, name) == 0)
      return TRUE;
  return FALSE;
}

static void add_formula_terms (RamingExplanation *self,
                               RamingDocument    *document,
                               RamingFormula     *formula);

static void
add_assumption_term (RamingExplanation *self,
                     RamingDocument    *document,
                     RamingAssumption  *a)
{
  RamingTerm *term = g_new0 (RamingTerm, 1);
  RamingUnit unit = raming_assumption_get_unit (a);
  RamingCellInput *input = raming_assumption_get_input (a);
  double low = raming_assumption_get_value_low (a);
  double high = raming_assumption_get_value_high (a);

  term->kind = RAMING_TERM_ASSUMPTION;
  term->name = g_strdup (raming_assumption_get_key (a));
  term->label = g_strdup (raming_assumption_get_label (a));
  term->value = raming_assumption_get_value (a);
  term->value_text = raming_assumption_get_error (a) != NULL
                       ? g_strdup (raming_assumption_get_error (a))
                       : format_for_unit (document, term->value, unit);
  if (low < high)
    {
      g_autofree char *l = format_for_unit (document, low, unit);
      g_autofree char *h = format_for_unit (document, high, unit);

      term->range_text = g_strdup_printf ("%s – %s", l, h);
    }
  term->source = source_title (document, raming_assumption_get_source (a));
  term->page = g_strdup (raming_assumption_get_page (a));
  term->status = g_strdup (raming_assumption_get_status (a) == RAMING_ASSUMPTION_PROVISIONAL
                             ? _("provisional") : _("final"));
  term->object = a;
  g_ptr_array_add (self->terms, term);

  /* An assumption that is itself a formula rests on further ones. */
  add_formula_terms (self, document, raming_cell_input_get_formula (input));
}

static void
add_formula_terms (RamingExplanation *self,
                   RamingDocument    *document,
                   RamingFormula     *formula)
{
  if (formula == NULL)
    return;

  for (guint i = 0; i < raming_formula_get_n_names (formula); i++)
    {
      const char *name = raming_formula_get_name (formula, i);
      const char *dot = strchr (name, '.');

      if (has_term (self, name))
        continue;

      if (dot != NULL)
        {
          g_autofree char *id = g_strndup (name, dot - name);
          RamingPartner *partner = raming_document_find_partner (document, id);
          RamingPartnerField field = raming_partner_field_from_name (dot + 1);
          RamingTerm *term = g_new0 (RamingTerm, 1);

          term->name = g_strdup (name);
          if (partner == NULL || field == RAMING_PARTNER_FIELD_INVALID)
            {
              term->kind = RAMING_TERM_UNKNOWN;
              term->label = g_strdup (_("Unknown name"));
              term->value_text = g_strdup ("—");
            }
          else
            {
              double value = raming_partner_get_field (partner, field);

              term->kind = RAMING_TERM_PARTNER_FIELD;
              term->label = g_strdup_printf ("%s: %s", raming_partner_get_name (partner),
                                             raming_partner_field_to_name (field, raming_document_get_language (document)));
              term->value = value;
              if (isnan (value))
                term->value_text = g_strdup (_("no value"));
              else if (field == RAMING_PARTNER_FIELD_COVERAGE || field == RAMING_PARTNER_FIELD_TARGET_COVERAGE)
                term->value_text = raming_format_percent (value, raming_document_get_language (document), -1);
              else
                term->value_text = raming_format_plain (value, raming_document_get_language (document));
              term->source = source_title (document, raming_partner_get_source (partner));
              term->page = g_strdup (raming_partner_get_page (partner));
              term->object = partner;
            }
          g_ptr_array_add (self->terms, term);
        }
      else
        {
          RamingAssumption *a = raming_document_find_assumption (document, name);

          if (a != NULL)
            add_assumption_term (self, document, a);
          else
            {
              RamingTerm *term = g_new0 (RamingTerm, 1);

              term->kind = RAMING_TERM_UNKNOWN;
              term->name = g_strdup (name);
              term->label = g_strdup (_("Unknown name"));
              term->value_text = g_strdup ("—");
              g_ptr_array_add (self->terms, term);
            }
        }
    }
}

static void
add_input (RamingExplanation *self,
           RamingDocument    *document,
           RamingCellInput   *input)
{
  RamingFormula *formula = raming_cell_input_get_formula (input);

  if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_FORMULA && self->formula == NULL)
    self->formula = g_strdup (raming_cell_input_get_formula_text (input));
  add_formula_terms (self, document, formula);
  if (raming_cell_input_get_low (input) != NULL)
    add_formula_terms (self, document, raming_cell_input_get_formula (raming_cell_input_get_low (input)));
  if (raming_cell_input_get_high (input) != NULL)
    add_formula_terms (self, document, raming_cell_input_get_formula (raming_cell_input_get_high (input)));
}

static void
add_estimates (RamingExplanation *self,
               RamingDocument    *document,
               RamingMeasure     *measure)
{
  GListModel *estimates = raming_measure_get_estimates (measure);
  RamingAssumption *macro = raming_document_get_macro_share (document);
  RamingLanguage language = raming_document_get_language (document);

  for (guint i = 0; i < g_list_model_get_n_items (estimates); i++)
    {
      g_autoptr(RamingEstimate) e = g_list_model_get_item (estimates, i);
      RamingTerm *term = g_new0 (RamingTerm, 1);
      g_autofree char *low = raming_format_money_short (raming_estimate_get_low (e), language);
      g_autofree char *high = raming_format_money_short (raming_estimate_get_high (e), language);
      g_autofree char *central = raming_format_money_short (raming_estimate_get_central (e), language);

      term->kind = RAMING_TERM_ESTIMATE;
      term->name = g_strdup (raming_estimate_get_label (e));
      term->label = raming_estimate_get_maximum (e)
                      ? g_strdup_printf (_("National estimate: at most %s"), high)
                      : g_strdup_printf (_("National estimate: %s to %s, middle %s"), low, high, central);
      term->value = raming_estimate_get_central (e);
      term->value_text = g_strdup (central);
      term->source = source_title (document, raming_estimate_get_source (e));
      term->page = g_strdup (raming_estimate_get_page (e));
      term->object = e;
      g_ptr_array_add (self->terms, term);
    }
  if (macro != NULL && g_list_model_get_n_items (estimates) > 0)
    add_assumption_term (self, document, macro);
}

RamingExplanation *
raming_explain_cell (RamingDocument *document,
                     RamingCell     *cell)
{
  RamingExplanation *self;
  RamingMeasure *measure;
  RamingColumn column;
  RamingLanguage language;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (RAMING_IS_CELL (cell), NULL);

  measure = raming_cell_get_measure (cell);
  column = raming_cell_get_column (cell);
  language = raming_document_get_language (document);
  self = explanation_new ();

  switch (raming_cell_get_kind (cell))
    {
    case RAMING_CELL_VALUE:
      self->value_text = raming_format_amount (raming_cell_get_value (cell), language, 0);
      if (raming_cell_get_low (cell) < raming_cell_get_high (cell))
        {
          g_autofree char *l = raming_format_amount (raming_cell_get_low (cell), language, 0);
          g_autofree char *h = raming_format_amount (raming_cell_get_high (cell), language, 0);

          self->range_text = g_strdup_printf ("%s – %s", l, h);
        }
      break;
    case RAMING_CELL_STATUS:
      self->value_text = g_strdup (raming_cell_get_label (cell) != NULL
                                     ? raming_cell_get_label (cell)
                                     : raming_cell_status_to_word (raming_cell_get_status (cell), language));
      break;
    case RAMING_CELL_ERROR:
      self->error = g_strdup (raming_cell_get_error (cell));
      break;
    case RAMING_CELL_BLANK:
    default:
      break;
    }

  if (measure == NULL)
    {
      self->summary = g_strdup (_("This figure is no longer in the document."));
      return self;
    }

  if (raming_measure_get_is_group (measure) && column != RAMING_COLUMN_NATIONAL)
    {
      self->summary = g_strdup (_("The sum of the measures in this group."));
      return self;
    }

  if (column == RAMING_COLUMN_NATIONAL &&
      g_list_model_get_n_items (raming_measure_get_estimates (measure)) > 0)
    {
      self->summary = raming_measure_get_is_group (measure)
        ? g_strdup (_("The middle of each national (AEF) range, or its maximum, times the share of the national budget, added up; plus the measures in this group."))
        : g_strdup (_("The middle of each national (AEF) range, or its maximum, times the share of the national budget, added up."));
      add_estimates (self, document, measure);
      return self;
    }

  if (column == RAMING_COLUMN_RESULT &&
      g_list_model_get_n_items (raming_measure_get_results (measure)) > 0)
    {
      GListModel *results = raming_measure_get_results (measure);

      self->summary = g_strdup (_("The savings achieved, per year or period, added up."));
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(RamingResultEntry) entry = g_list_model_get_item (results, i);
          RamingCellInput *input = raming_result_entry_get_input (entry);
          RamingTerm *term = g_new0 (RamingTerm, 1);

          term->kind = RAMING_TERM_RESULT;
          term->name = g_strdup (raming_result_entry_get_label (entry));
          term->label = raming_cell_input_to_text (input, language);
          if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT)
            {
              term->value = raming_cell_input_get_amount (input);
              term->value_text = raming_format_amount (term->value, language, 0);
            }
          term->source = source_title (document, raming_result_entry_get_source (entry));
          term->page = g_strdup (raming_result_entry_get_page (entry));
          term->object = entry;
          g_ptr_array_add (self->terms, term);
          add_input (self, document, input);
        }
      g_clear_pointer (&self->formula, g_free);
      return self;
    }

  {
    RamingCellInput *input = raming_measure_get_input (measure, column);

    switch (raming_cell_input_get_kind (input))
      {
      case RAMING_CELL_INPUT_FORMULA:
        self->summary = g_strdup (_("Computed with a formula."));
        break;
      case RAMING_CELL_INPUT_AMOUNT:
        self->summary = g_strdup (_("An amount entered by hand."));
        break;
      case RAMING_CELL_INPUT_STATUS:
        self->summary = g_strdup (_("A status word: it counts as zero in the totals."));
        break;
      case RAMING_CELL_INPUT_BLANK:
      default:
        self->summary = g_strdup (_("Empty."));
        break;
      }
    add_input (self, document, input);
    if (raming_cell_input_get_source (input) != NULL)
      {
        RamingTerm *term = g_new0 (RamingTerm, 1);
        g_autofree char *title = source_title (document, raming_cell_input_get_source (input));

        /* The source of the figure itself goes first. */
        term->kind = RAMING_TERM_RESULT;
        term->label = g_strdup (_("Source of this figure"));
        term->source = g_steal_pointer (&title);
        term->page = g_strdup (raming_cell_input_get_page (input));
        g_ptr_array_insert (self->terms, 0, term);
      }
  }

  return self;
}

RamingExplanation *
raming_explain_assumption (RamingDocument   *document,
                           RamingAssumption *assumption)
{
  RamingExplanation *self;
  RamingCellInput *input;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (RAMING_IS_ASSUMPTION (assumption), NULL);

  self = explanation_new ();
  input = raming_assumption_get_input (assumption);
  self->summary = raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_FORMULA
                    ? g_strdup (_("Computed with a formula."))
                    : g_strdup (_("A number entered by hand."));
  self->value_text = format_for_unit (document, raming_assumption_get_value (assumption),
                                      raming_assumption_get_unit (assumption));
  self->error = g_strdup (raming_assumption_get_error (assumption));
  add_input (self, document, input);
  return self;
}

/* Plain text, e.g. for a tooltip or the command line. */
char *
raming_explanation_to_text (RamingExplanation *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (self->summary);
  if (self->error != NULL)
    g_string_append_printf (text, "\n%s %s", _("Error:"), self->error);
  if (self->value_text != NULL && self->error == NULL)
    g_string_append_printf (text, "\n%s %s", _("Value:"), self->value_text);
  if (self->range_text != NULL)
    g_string_append_printf (text, "\n%s %s", _("Range:"), self->range_text);
  if (self->formula != NULL)
    g_string_append_printf (text, "\n%s %s", _("Formula:"), self->formula);
  for (guint i = 0; i < self->terms->len; i++)
    {
      RamingTerm *term = self->terms->pdata[i];

      g_string_append (text, "\n• ");
      if (term->name != NULL && term->kind != RAMING_TERM_ESTIMATE && term->kind != RAMING_TERM_RESULT)
        g_string_append_printf (text, "%s", term->name);
      if (term->label != NULL)
        g_string_append_printf (text, "%s%s", term->name != NULL && term->kind != RAMING_TERM_ESTIMATE && term->kind != RAMING_TERM_RESULT ? " — " : "", term->label);
      if (term->value_text != NULL && term->kind != RAMING_TERM_ESTIMATE)
        g_string_append_printf (text, ": %s", term->value_text);
      if (term->range_text != NULL)
        g_string_append_printf (text, " (%s %s)", _("range"), term->range_text);
      if (term->status != NULL)
        g_string_append_printf (text, ", %s", term->status);
      if (term->source != NULL)
        {
          g_string_append_printf (text, " — %s %s", _("source:"), term->source);
          if (term->page != NULL)
            g_string_append_printf (text, ", %s", term->page);
        }
    }
  return g_string_free (text, FALSE);
}

static void
collect_users (gpointer item,
               gpointer user_data)
{
  gpointer *data = user_data;
  GPtrArray *users = data[0];
  const char *name = data[1];
  RamingMeasure *measure = item;

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      g_autoptr(RamingExplanation) e = raming_explain_cell (data[2], raming_measure_get_cell (measure, c));

      for (guint i = 0; i < e->terms->len; i++)
        if (g_strcmp0 (((RamingTerm *) e->terms->pdata[i])->name, name) == 0)
          {
            g_ptr_array_add (users, raming_measure_get_cell (measure, c));
            break;
          }
    }
}

/* The cells whose figure rests, directly or through other assumptions, on
 * a name ("macro_aandeel", "huisartsen.dekking"). */
GPtrArray *
raming_document_list_users (RamingDocument *document,
                            const char     *name)
{
  GPtrArray *users = g_ptr_array_new ();
  gpointer data[3] = { users, (gpointer) name, document };

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), users);
  g_return_val_if_fail (name != NULL, users);

  raming_document_foreach_measure (document, collect_users, data);
  return users;
}
