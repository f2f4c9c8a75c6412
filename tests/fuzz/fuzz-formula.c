/* fuzz-formula.c: any text as a formula or as what an adviser types
 * into a cell
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the text, optionally followed by a NUL and bytes that give
 * the values of the formula's names (8 bytes per double, raw, so NaN,
 * infinities and subnormals come up too). Without them the values come
 * from a table of awkward numbers. Checked, in both languages:
 *
 *  - a formula that does not parse gives a message, and no formula;
 *  - evaluation either fails with a message or gives a finite number,
 *    and fails whenever a value is not finite;
 *  - interval evaluation over single values gives exactly the same;
 *    over ranges it holds the value of every point inside them (here:
 *    the values themselves);
 *  - to_string, in either language, reads back to a formula that prints
 *    the same and computes exactly the same;
 *  - a cell's text reads back from the text shown for editing.
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raming-cell-input.h"
#include "raming-error.h"
#include "raming-formula.h"
#include "raming-fuzz.h"

static const double awkward[] = {
  0, 1, -1, 0.5, 2, 3, 100, 0.0089, 1e-300, -2.5, 1e15, -1e15,
  1e308, -1e308, 4.9e-324, 1e6, 12345.678, 0.1, -0.0, 7e-11,
};

typedef struct
{
  const guint8 *bytes;
  gsize         n_bytes;
  guint         next;
  guint32       seed;
} Values;

static double
next_value (Values *v)
{
  double d;

  if (v->n_bytes >= sizeof d)
    {
      gsize offset = ((gsize) v->next * sizeof d) % (v->n_bytes - sizeof d + 1);

      memcpy (&d, v->bytes + offset, sizeof d);
    }
  else
    d = awkward[(v->seed + v->next * 7) % G_N_ELEMENTS (awkward)];

  v->next++;
  return d;
}

static const char *
language_name (RamingLanguage language)
{
  return language == RAMING_LANGUAGE_EN ? "en" : "nl";
}

static void
check_error (const GError *error,
             GQuark        domain,
             const char   *what)
{
  RAMING_FUZZ_CHECK (error != NULL, "%s failed without an error", what);
  RAMING_FUZZ_CHECK (error->domain == domain, "%s failed with an error of domain %s",
                     what, g_quark_to_string (error->domain));
  RAMING_FUZZ_CHECK (error->message[0] != '\0', "%s failed with an empty message", what);
  RAMING_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "%s: the message is not UTF-8", what);
}

static gboolean
evaluate (RamingFormula *formula,
          const double  *values,
          double        *result,
          GError       **error)
{
  gboolean ok = raming_formula_evaluate (formula, values, result, error);

  if (ok)
    RAMING_FUZZ_CHECK (isfinite (*result), "“%s” evaluates to %g", raming_formula_get_text (formula), *result);
  else
    check_error (*error, RAMING_FORMULA_ERROR, "evaluate");
  return ok;
}

/* The reprinted formula, with the values given by name. */
static void
check_reprint (RamingFormula  *formula,
               RamingLanguage  language,
               const double   *values,
               gboolean        ok,
               double          result,
               const GError   *eval_error)
{
  g_autofree char *text = raming_formula_to_string (formula, language);
  g_autofree char *text_again = NULL;
  g_autoptr(RamingFormula) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *mapped = NULL;
  guint n = raming_formula_get_n_names (formula);
  gboolean ok_again;
  double result_again = 0;

  RAMING_FUZZ_CHECK (text != NULL && g_utf8_validate (text, -1, NULL), "to_string gives no text");

  reparsed = raming_formula_parse (text, language, &error);
  RAMING_FUZZ_CHECK (reparsed != NULL, "“%s” printed as “%s” (%s) does not read back: %s",
                     raming_formula_get_text (formula), text, language_name (language),
                     error->message);

  text_again = raming_formula_to_string (reparsed, language);
  RAMING_FUZZ_CHECK (g_str_equal (text, text_again), "“%s” prints as “%s”, which prints as “%s”",
                     raming_formula_get_text (formula), text, text_again);

  RAMING_FUZZ_CHECK (raming_formula_get_n_names (reparsed) == n,
                     "“%s” has %u names, printed as “%s” it has %u",
                     raming_formula_get_text (formula), n, text,
                     raming_formula_get_n_names (reparsed));

  mapped = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const char *name = raming_formula_get_name (reparsed, i);
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        if (g_str_equal (name, raming_formula_get_name (formula, j)))
          {
            mapped[i] = values[j];
            found = TRUE;
          }
      RAMING_FUZZ_CHECK (found, "“%s” printed as “%s” names “%s”",
                         raming_formula_get_text (formula), text, name);
    }

  ok_again = evaluate (reparsed, mapped, &result_again, &error);
  RAMING_FUZZ_CHECK (ok == ok_again, "“%s” %s, printed as “%s” it %s",
                     raming_formula_get_text (formula), ok ? "computes" : "fails", text,
                     ok_again ? "computes" : "fails");
  if (ok)
    RAMING_FUZZ_CHECK (memcmp (&result, &result_again, sizeof result) == 0 ||
                       (result == 0 && result_again == 0),
                       "“%s” gives %.17g, printed as “%s” it gives %.17g",
                       raming_formula_get_text (formula), result, text, result_again);
  else
    RAMING_FUZZ_CHECK (error->code == eval_error->code,
                       "“%s” fails with “%s”, printed as “%s” with “%s”",
                       raming_formula_get_text (formula), eval_error->message, text, error->message);
}

static void
check_formula (RamingFormula *formula,
               Values        *v)
{
  guint n = raming_formula_get_n_names (formula);
  g_autofree double *values = g_new0 (double, MAX (n, 1));
  g_autofree double *lows = g_new0 (double, MAX (n, 1));
  g_autofree double *highs = g_new0 (double, MAX (n, 1));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) interval_error = NULL;
  gboolean all_finite = TRUE;
  gboolean ranges_finite = TRUE;
  gboolean ok, ok_interval;
  double result = 0, low = 0, high = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *name = raming_formula_get_name (formula, i);
      double spread;

      RAMING_FUZZ_CHECK (name != NULL && name[0] != '\0', "name %u of “%s” is empty",
                         i, raming_formula_get_text (formula));
      values[i] = next_value (v);
      spread = fabs (next_value (v));
      lows[i] = values[i] - spread;
      highs[i] = values[i] + spread;
      all_finite = all_finite && isfinite (values[i]);
      ranges_finite = ranges_finite && isfinite (lows[i]) && isfinite (highs[i]);
    }

  ok = evaluate (formula, values, &result, &error);
  if (!all_finite)
    RAMING_FUZZ_CHECK (!ok, "“%s” computes with a value that is not a number",
                       raming_formula_get_text (formula));

  /* Over single values: exactly the same. */
  if (all_finite)
    {
      ok_interval = raming_formula_evaluate_interval (formula, values, values, &low, &high,
                                                      &interval_error);
      RAMING_FUZZ_CHECK (ok == ok_interval, "“%s” %s, over single values it %s",
                         raming_formula_get_text (formula), ok ? "computes" : "fails",
                         ok_interval ? "computes" : "fails");
      if (ok)
        RAMING_FUZZ_CHECK (low == result && high == result,
                           "“%s” gives %.17g, over single values %.17g … %.17g",
                           raming_formula_get_text (formula), result, low, high);
      else
        check_error (interval_error, RAMING_FORMULA_ERROR, "evaluate_interval");
      g_clear_error (&interval_error);
    }

  /* Over ranges: the value lies inside. */
  if (all_finite && ranges_finite)
    {
      ok_interval = raming_formula_evaluate_interval (formula, lows, highs, &low, &high,
                                                      &interval_error);
      if (ok_interval)
        {
          RAMING_FUZZ_CHECK (low <= high, "“%s” has the range %.17g … %.17g",
                             raming_formula_get_text (formula), low, high);
          RAMING_FUZZ_CHECK (ok, "“%s” fails (%s), yet its range computes",
                             raming_formula_get_text (formula), error->message);
          RAMING_FUZZ_CHECK (low <= result && result <= high,
                             "“%s” gives %.17g outside its range %.17g … %.17g",
                             raming_formula_get_text (formula), result, low, high);
        }
      else
        check_error (interval_error, RAMING_FORMULA_ERROR, "evaluate_interval");
    }

  for (RamingLanguage language = RAMING_LANGUAGE_NL; language <= RAMING_LANGUAGE_EN; language++)
    if (all_finite)
      check_reprint (formula, language, values, ok, result, error);
}

/* What an adviser types into a cell: shown again for editing, it reads
 * back as the same input. */
static void
check_cell_text (const char     *text,
                 RamingLanguage  language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingCellInput) input = raming_cell_input_new_from_text (text, language, &error);
  g_autoptr(RamingCellInput) again = NULL;
  g_autofree char *shown = NULL;

  if (input == NULL)
    {
      RAMING_FUZZ_CHECK (error != NULL && error->message[0] != '\0' &&
                         g_utf8_validate (error->message, -1, NULL),
                         "a cell text is refused without a readable message");
      return;
    }

  shown = raming_cell_input_to_text (input, language);
  again = raming_cell_input_new_from_text (shown, language, &error);
  RAMING_FUZZ_CHECK (again != NULL, "the cell text “%s” is shown as “%s” (%s), which is refused: %s",
                     text, shown, language_name (language), error->message);
  RAMING_FUZZ_CHECK (raming_cell_input_equal (input, again),
                     "the cell text “%s” is shown as “%s” (%s), which reads as something else",
                     text, shown, language_name (language));
}

void
raming_fuzz_formula (const guint8 *data,
                     gsize         size)
{
  const guint8 *nul = memchr (data, '\0', size);
  gsize text_length = nul != NULL ? (gsize) (nul - data) : size;
  g_autofree char *text = g_strndup ((const char *) data, text_length);
  Values v = { 0, };

  if (nul != NULL)
    {
      v.bytes = nul + 1;
      v.n_bytes = size - text_length - 1;
    }
  v.seed = g_str_hash (text);

  for (RamingLanguage language = RAMING_LANGUAGE_NL; language <= RAMING_LANGUAGE_EN; language++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RamingFormula) formula = raming_formula_parse (text, language, &error);

      if (formula == NULL)
        check_error (error, RAMING_FORMULA_ERROR, "parse");
      else
        {
          RAMING_FUZZ_CHECK (error == NULL, "a formula and an error");
          v.next = 0;
          check_formula (formula, &v);
        }

      if (g_utf8_validate (text, -1, NULL))
        check_cell_text (text, language);
    }
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
  raming_fuzz_formula (data, size);
  return 0;
}
#endif
