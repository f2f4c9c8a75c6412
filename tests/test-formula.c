/* test-formula.c: parsing, printing and evaluating formulas
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "raming-formula.h"

#define NL RAMING_LANGUAGE_NL
#define EN RAMING_LANGUAGE_EN

typedef struct
{
  const char *name;
  double      value;
} Binding;

static const Binding bindings[] = {
  { "a", 3 },
  { "b", 4 },
  { "c", -2 },
  { "x", 2.5 },
  { "A", 100 },
  { "min", 7 },
  { "macro_aandeel", 0.0089 },
  { "huisartsen.dekking", 0.75 },
  { "_jeugd2", 11 },
  { "zero", 0 },
};

static double
lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      if (strcmp (bindings[i].name, name) == 0)
        return bindings[i].value;
    }

  g_error ("No test value for “%s”", name);
}

static double *
values_for (RamingFormula *formula)
{
  guint n = raming_formula_get_n_names (formula);
  double *values = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    values[i] = lookup (raming_formula_get_name (formula, i));

  return values;
}

static RamingFormula *
parse (const char     *text,
       RamingLanguage  language)
{
  g_autoptr(GError) error = NULL;
  RamingFormula *formula = raming_formula_parse (text, language, &error);

  if (error != NULL)
    g_test_message ("Parsing “%s”: %s", text, error->message);
  g_assert_no_error (error);
  g_assert_nonnull (formula);

  return formula;
}

static double
evaluate_formula (RamingFormula *formula)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *values = values_for (formula);
  double result = NAN;

  g_assert_true (raming_formula_evaluate (formula, values, &result, &error));
  g_assert_no_error (error);

  return result;
}

static double
evaluate (const char     *text,
          RamingLanguage  language)
{
  g_autoptr(RamingFormula) formula = parse (text, language);

  return evaluate_formula (formula);
}

#define assert_value(text, language, expected) \
  G_STMT_START { \
    double _value = evaluate ((text), (language)); \
    if (_value != (double) (expected)) \
      g_test_message ("“%s” gives %.17g", (text), _value); \
    g_assert_cmpfloat (_value, ==, (expected)); \
  } G_STMT_END

static void
assert_parse_error (const char         *text,
                    RamingLanguage      language,
                    RamingFormulaError  code,
                    const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingFormula) formula = raming_formula_parse (text, language, &error);

  g_assert_null (formula);
  g_assert_error (error, RAMING_FORMULA_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_evaluate_error (const char         *text,
                       RamingLanguage      language,
                       RamingFormulaError  code,
                       const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingFormula) formula = parse (text, language);
  g_autofree double *values = values_for (formula);
  double result = 12345;

  g_assert_false (raming_formula_evaluate (formula, values, &result, &error));
  g_assert_error (error, RAMING_FORMULA_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpfloat (result, ==, 12345);
}

static void
test_arithmetic (void)
{
  assert_value ("1 + 2 * 3", EN, 7);
  assert_value ("(1 + 2) * 3", EN, 9);
  assert_value ("2 * 3 + 4 * 5", EN, 26);
  assert_value ("1 + 6 / 3", EN, 3);
  assert_value ("10 - 4 - 3", EN, 3);
  assert_value ("100 / 10 / 5", EN, 2);
  assert_value ("10 - (4 - 3)", EN, 9);
  assert_value ("100 / (10 / 5)", EN, 50);
  assert_value ("2 * 3 / 4", EN, 1.5);
  assert_value ("-3 * 2", EN, -6);
  assert_value ("-(3 + 2)", EN, -5);
  assert_value ("--3", EN, 3);
  assert_value ("- - -3", EN, -3);
  assert_value ("2 - -3", EN, 5);
  assert_value ("2*-3", EN, -6);
  assert_value ("-2 * -2", EN, 4);
  assert_value ("+4", EN, 4);
  assert_value ("-+4", EN, -4);
  assert_value ("1 - 2 + 3", EN, 2);
  assert_value ("=1+2", EN, 3);
  assert_value ("  =  1+2", EN, 3);
  assert_value ("\t1\n+\r2 ", EN, 3);
  /* no-break spaces from pasted text */
  assert_value ("1\u00a0+\u202f2", NL, 3);
}

static void
test_numbers (void)
{
  assert_value ("12", EN, 12);
  assert_value ("0.89", EN, 0.89);
  assert_value ("1.5e6", EN, 1500000);
  assert_value ("1.5E-3", EN, 0.0015);
  assert_value ("1e+2", EN, 100);
  assert_value (".5", EN, 0.5);
  assert_value ("5.", EN, 5);
  assert_value ("007", EN, 7);

  assert_value ("0.89%", EN, 0.89 / 100);
  assert_value ("0.89%", NL, 0.89 / 100);
  assert_value ("50% * 200", EN, 100);
  assert_value ("(1 + 1)%", EN, 0.02);
  assert_value ("a%", EN, 0.03);
  assert_value ("-5%", EN, -0.05);
  assert_value ("200%%", EN, 0.02);
  assert_value ("max(1; 300)%", EN, 3);
}

static void
test_dutch_comma (void)
{
  assert_value ("0,89%", NL, 0.89 / 100);
  assert_value ("1,5 * 2", NL, 3);
  assert_value ("1.5 * 2", NL, 3);
  assert_value ("1,5e3", NL, 1500);
  assert_value ("max(1,5;2)", NL, 2);
  assert_value ("max(1,5; 1,25)", NL, 1.5);
  assert_value ("max(1, 5)", NL, 5);
  assert_value ("max(1 ,5)", NL, 5);
  assert_value ("max(a,5)", NL, 5);
  assert_value ("max(1;2)", NL, 2);
  assert_value ("max(1,5)", EN, 5);
  assert_value ("max(1;5)", EN, 5);
  assert_value ("max(1.5,2)", EN, 2);

  assert_parse_error ("1,5", EN, RAMING_FORMULA_ERROR_SYNTAX,
                      "Unexpected “,” at position 2");
  assert_parse_error ("1, 5", NL, RAMING_FORMULA_ERROR_SYNTAX,
                      "Unexpected “,” at position 2");

  /* Thousands separators, in every spelling */
  assert_parse_error ("1.000.000", EN, RAMING_FORMULA_ERROR_SYNTAX,
                      "The number at position 1 has more than one decimal separator; "
                      "thousands separators are not allowed in formulas");
  assert_parse_error ("2 * 1.000.000", NL, RAMING_FORMULA_ERROR_SYNTAX,
                      "The number at position 5 has more than one decimal separator; "
                      "thousands separators are not allowed in formulas");
  assert_parse_error ("1.000,50", NL, RAMING_FORMULA_ERROR_SYNTAX,
                      "The number at position 1 has more than one decimal separator; "
                      "thousands separators are not allowed in formulas");
  assert_parse_error ("1,000,000", NL, RAMING_FORMULA_ERROR_SYNTAX,
                      "The number at position 1 has more than one decimal separator; "
                      "thousands separators are not allowed in formulas");
  assert_parse_error ("max(1,5,2)", NL, RAMING_FORMULA_ERROR_SYNTAX,
                      "The number at position 5 has more than one decimal separator; "
                      "thousands separators are not allowed in formulas");
}

static void
test_functions (void)
{
  assert_value ("min(3; 1; 2)", EN, 1);
  assert_value ("MAX(1; 5; 3)", EN, 5);
  assert_value ("Min(4)", EN, 4);
  assert_value ("max(-4)", EN, -4);
  assert_value ("max (1; 2)", EN, 2);
  assert_value ("max(min(1; 2); round(2.5))", EN, 3);
  assert_value ("min(1;1;1;1;1;0;1;1;1;1;1;1)", EN, 0);
  assert_value ("max(1;1;1;1;1;0;1;1;1;1;1;9)", EN, 9);

  assert_value ("round(2.5)", EN, 3);
  assert_value ("round(-2.5)", EN, -3);
  assert_value ("round(2.4999)", EN, 2);
  assert_value ("round(-0.4)", EN, 0);
  assert_value ("round(0.5; 0)", EN, 1);
  assert_value ("round(1234567; -3)", EN, 1235000);
  assert_value ("round(1234567;-3)", NL, 1235000);
  assert_value ("round(1499; -3)", EN, 1000);
  assert_value ("round(1500; -3)", EN, 2000);
  assert_value ("round(-1500; -3)", EN, -2000);
  assert_value ("round(75e6 * 0,0089; -3)", NL, 668000);
  assert_value ("ROUND(-1234.5678; 2)", EN, -1234.57);
  assert_value ("round(1.23456; 2 + 1)", EN, 1.235);
  /* binary noise just below the halfway point still rounds away */
  assert_value ("round(1.005; 2)", EN, 1.01);
  assert_value ("round(2.675; 2)", EN, 2.68);
  assert_value ("round(0.285 * 100)", EN, 29);
  assert_value ("round(123; 5)", EN, 123);
  assert_value ("round(1e300; 400)", EN, 1e300);
  assert_value ("round(5; -400)", EN, 0);
  assert_value ("round(4e15 + 0.5)", EN, 4e15 + 1);
  assert_value ("round(5e15 + 1)", EN, 5e15 + 1);
}

static void
test_names (void)
{
  g_autoptr(RamingFormula) formula = NULL;

  formula = parse ("macro_aandeel * 75e6", NL);
  g_assert_cmpuint (raming_formula_get_n_names (formula), ==, 1);
  g_assert_cmpstr (raming_formula_get_name (formula, 0), ==, "macro_aandeel");
  g_assert_cmpfloat (evaluate_formula (formula), ==, 0.0089 * 75e6);
  g_clear_pointer (&formula, raming_formula_unref);

  formula = parse ("=b + a + b + huisartsen.dekking * a + _jeugd2", EN);
  g_assert_cmpstr (raming_formula_get_text (formula), ==,
                   "=b + a + b + huisartsen.dekking * a + _jeugd2");
  g_assert_cmpuint (raming_formula_get_n_names (formula), ==, 4);
  g_assert_cmpstr (raming_formula_get_name (formula, 0), ==, "b");
  g_assert_cmpstr (raming_formula_get_name (formula, 1), ==, "a");
  g_assert_cmpstr (raming_formula_get_name (formula, 2), ==, "huisartsen.dekking");
  g_assert_cmpstr (raming_formula_get_name (formula, 3), ==, "_jeugd2");
  g_assert_cmpfloat (evaluate_formula (formula), ==, 4 + 3 + 4 + 0.75 * 3 + 11);
  g_clear_pointer (&formula, raming_formula_unref);

  /* Names are case-sensitive, function names are not; a function name
   * without “(” is an ordinary name. */
  formula = parse ("A + a + min", EN);
  g_assert_cmpuint (raming_formula_get_n_names (formula), ==, 3);
  g_assert_cmpstr (raming_formula_get_name (formula, 2), ==, "min");
  g_assert_cmpfloat (evaluate_formula (formula), ==, 110);
  g_clear_pointer (&formula, raming_formula_unref);

  formula = parse ("1 + 2", EN);
  g_assert_cmpuint (raming_formula_get_n_names (formula), ==, 0);
  g_assert_cmpstr (raming_formula_get_text (formula), ==, "1 + 2");

  /* The boxed type copies by reference. */
  {
    RamingFormula *copy = g_boxed_copy (RAMING_TYPE_FORMULA, formula);

    g_assert_true (copy == formula);
    g_boxed_free (RAMING_TYPE_FORMULA, copy);
    g_assert_cmpstr (raming_formula_get_text (formula), ==, "1 + 2");
  }
}

static void
test_syntax_errors (void)
{
  const RamingFormulaError syntax = RAMING_FORMULA_ERROR_SYNTAX;

  assert_parse_error ("", EN, syntax, "The formula is empty");
  assert_parse_error ("   ", EN, syntax, "The formula is empty");
  assert_parse_error (" = ", NL, syntax, "The formula is empty");
  assert_parse_error ("1 + * 2", EN, syntax, "Unexpected “*” at position 5");
  assert_parse_error ("(1 + 2", EN, syntax, "Missing “)” at the end");
  assert_parse_error ("max(1; 2", EN, syntax, "Missing “)” at the end");
  assert_parse_error ("1 + 2)", EN, syntax, "Unexpected “)” at position 6");
  assert_parse_error ("(1 2)", EN, syntax, "Unexpected “2” at position 4");
  assert_parse_error ("1 +", EN, syntax, "A value is missing at the end");
  assert_parse_error ("-", EN, syntax, "A value is missing at the end");
  assert_parse_error ("max(1;", EN, syntax, "A value is missing at the end");
  assert_parse_error ("2 $ 3", EN, syntax, "Unexpected character “$” at position 3");
  assert_parse_error ("12abc", EN, syntax, "Unexpected “abc” at position 3");
  assert_parse_error ("1 2", EN, syntax, "Unexpected “2” at position 3");
  assert_parse_error ("2e", EN, syntax, "Unexpected “e” at position 2");
  assert_parse_error ("2e+", EN, syntax, "Unexpected “e” at position 2");
  assert_parse_error ("=1 = 2", EN, syntax, "Unexpected character “=” at position 4");
  assert_parse_error ("a + 1e999", EN, syntax, "The number “1e999” at position 5 is too large");
  assert_parse_error ("max(1;)", EN, syntax, "Unexpected “)” at position 7");
  assert_parse_error ("max(;1)", EN, syntax, "Unexpected “;” at position 5");
  assert_parse_error ("()", EN, syntax, "Unexpected “)” at position 2");
  assert_parse_error ("%", EN, syntax, "Unexpected “%” at position 1");
  assert_parse_error ("a..b", EN, syntax, "Unexpected character “.” at position 2");
  assert_parse_error ("a.b.c", EN, syntax, "Unexpected character “.” at position 4");
  assert_parse_error ("a.5", EN, syntax, "Unexpected “.5” at position 2");
  assert_parse_error ("1 * .", EN, syntax, "Unexpected character “.” at position 5");
  assert_parse_error ("\x01", EN, syntax, "Unexpected character “U+0001” at position 1");
  assert_parse_error ("1 abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", EN, syntax,
                      "Unexpected “abcdefghijklmnopqrstuvwxyzabcdefghijklm…” at position 3");
  assert_parse_error ("1 + (2 * 3) x", EN, syntax, "Unexpected “x” at position 13");
}

static void
test_non_ascii (void)
{
  const RamingFormulaError syntax = RAMING_FORMULA_ERROR_SYNTAX;

  assert_parse_error ("é + 1", NL, syntax, "Unexpected character “é” at position 1");
  assert_parse_error ("1 + € 5", NL, syntax, "Unexpected character “€” at position 5");
  assert_parse_error ("ab × 2", NL, syntax, "Unexpected character “×” at position 4");
  assert_parse_error ("1 − 2", NL, syntax, "Unexpected character “−” at position 3");
  assert_parse_error ("1 + 😀", EN, syntax, "Unexpected character “😀” at position 5");
  assert_parse_error ("1 + \xff", EN, syntax, "The formula contains unreadable text at position 5");
  assert_parse_error ("\xc3", EN, syntax, "The formula contains unreadable text at position 1");
  /* Positions count characters, not bytes */
  assert_parse_error ("1\u00a0+ * 2", EN, syntax, "Unexpected “*” at position 5");
  assert_parse_error ("1\u00a0+ é", EN, syntax, "Unexpected character “é” at position 5");
}

static void
test_function_errors (void)
{
  assert_parse_error ("foo(1)", EN, RAMING_FORMULA_ERROR_UNKNOWN_FUNCTION,
                      "Unknown function “foo”");
  assert_parse_error ("1 + Sum(1; 2)", NL, RAMING_FORMULA_ERROR_UNKNOWN_FUNCTION,
                      "Unknown function “Sum”");
  assert_parse_error ("a.b(1)", EN, RAMING_FORMULA_ERROR_UNKNOWN_FUNCTION,
                      "Unknown function “a.b”");
  assert_parse_error ("round(1; 2; 3)", EN, RAMING_FORMULA_ERROR_ARGUMENTS,
                      "“round” takes one or two values, but 3 were given");
  assert_parse_error ("round()", EN, RAMING_FORMULA_ERROR_ARGUMENTS,
                      "“round” takes one or two values, but 0 were given");
  assert_parse_error ("max()", EN, RAMING_FORMULA_ERROR_ARGUMENTS,
                      "“max” needs at least one value");
  assert_parse_error ("MIN( )", EN, RAMING_FORMULA_ERROR_ARGUMENTS,
                      "“MIN” needs at least one value");
}

static void
test_evaluate_errors (void)
{
  g_autoptr(RamingFormula) formula = NULL;
  double values[2];
  double result = 0;

  assert_evaluate_error ("1 / 0", EN, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO, "Division by zero");
  assert_evaluate_error ("1 / -0", EN, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO, "Division by zero");
  assert_evaluate_error ("a / (b - b)", EN, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                         "Division by zero");
  assert_evaluate_error ("1 / zero", EN, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                         "Division by zero");
  assert_evaluate_error ("1e308 * 10", EN, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The calculation gives a number that is too large");
  assert_evaluate_error ("-1e308 - 1e308", EN, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The calculation gives a number that is too large");
  assert_evaluate_error ("1e308 / 0.1", EN, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The calculation gives a number that is too large");
  /* An overflow that a later step would hide still counts. */
  assert_evaluate_error ("min(1e308 * 10; 1)", EN, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The calculation gives a number that is too large");
  assert_evaluate_error ("1 / (1e308 * 10)", EN, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The calculation gives a number that is too large");
  assert_evaluate_error ("round(1.7e308; -308)", EN, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The calculation gives a number that is too large");
  assert_evaluate_error ("round(a; 1.5)", EN, RAMING_FORMULA_ERROR_ARGUMENTS,
                         "The number of decimals in “round” must be a whole number");
  assert_evaluate_error ("round(a; x)", EN, RAMING_FORMULA_ERROR_ARGUMENTS,
                         "The number of decimals in “round” must be a whole number");

  formula = parse ("a + huisartsen.dekking", EN);
  values[0] = 1;
  values[1] = NAN;
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (raming_formula_evaluate (formula, values, &result, &error));
    g_assert_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_NOT_FINITE);
    g_assert_cmpstr (error->message, ==,
                     "The value of “huisartsen.dekking” is not a finite number");
  }
  values[0] = -INFINITY;
  values[1] = 1;
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (raming_formula_evaluate (formula, values, &result, &error));
    g_assert_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_NOT_FINITE);
    g_assert_cmpstr (error->message, ==, "The value of “a” is not a finite number");
  }
  values[0] = 1;
  g_assert_true (raming_formula_evaluate (formula, values, &result, NULL));
  g_assert_cmpfloat (result, ==, 2);
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, piece);

  return g_string_free (out, FALSE);
}

static void
test_limits (void)
{
  g_autofree char *opens = repeat ("(", 10000);
  g_autofree char *calls = NULL;
  g_autofree char *long_sum = NULL;
  g_autofree char *negations = NULL;
  g_autofree char *arguments = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) busy = g_string_new (NULL);
  const char *nested_message =
    "The formula is nested too deeply: at most 200 levels of parentheses are allowed";

  g_assert_cmpuint (strlen (opens), ==, 10000);
  assert_parse_error (opens, EN, RAMING_FORMULA_ERROR_SYNTAX, nested_message);

  for (guint depth = 199; depth <= 201; depth++)
    {
      g_autofree char *open = repeat ("(", depth);
      g_autofree char *close = repeat (")", depth);

      g_string_printf (deep, "%s1%s", open, close);
      if (depth <= 200)
        assert_value (deep->str, EN, 1);
      else
        assert_parse_error (deep->str, EN, RAMING_FORMULA_ERROR_SYNTAX, nested_message);
    }

  calls = repeat ("max(1;", 201);
  assert_parse_error (calls, EN, RAMING_FORMULA_ERROR_SYNTAX, nested_message);

  /* The longest formula allowed, and one character more */
  {
    g_autofree char *ones = repeat ("+1", 4999);

    long_sum = g_strconcat ("1", ones, NULL);
  }
  g_assert_cmpuint (strlen (long_sum), ==, 9999);
  assert_value (long_sum, EN, 5000);
  {
    g_autofree char *longer = g_strconcat (long_sum, " ", NULL);
    g_autofree char *too_long = g_strconcat (long_sum, "+1", NULL);

    assert_value (longer, EN, 5000);
    assert_parse_error (too_long, EN, RAMING_FORMULA_ERROR_SYNTAX,
                        "The formula is too long: at most 10000 characters are allowed");
  }

  /* Short enough to type, too long when written out in full for a
   * language switch: "1e20" is written as 21 digits. 500 such terms do
   * not fit, 300 do. */
  {
    g_autoptr(GString) huge = g_string_new ("x*1e20");
    g_autoptr(GString) large = g_string_new ("x*1e20");

    for (guint i = 1; i < 500; i++)
      {
        g_string_append (huge, "+x*1e20");
        if (i < 300)
          g_string_append (large, "+x*1e20");
      }
    g_assert_cmpuint (huge->len, <, 10000);
    assert_parse_error (huge->str, EN, RAMING_FORMULA_ERROR_SYNTAX,
                        "The formula is too long: at most 10000 characters are allowed");
    {
      g_autoptr(RamingFormula) fits = parse (large->str, EN);
      g_autofree char *canonical = raming_formula_to_string (fits, RAMING_LANGUAGE_NL);

      g_assert_cmpuint (strlen (canonical), >, 6000);
    }
  }

  /* Long chains that must not recurse */
  {
    g_autofree char *minus = repeat ("-", 9999);
    g_autofree char *ones = repeat (";1", 4000);

    negations = g_strconcat (minus, "1", NULL);
    arguments = g_strconcat ("max(0", ones, ")", NULL);
  }
  assert_value (negations, EN, -1);
  assert_value (arguments, NL, 1);

  /* Every level keeps values waiting on the stack. */
  for (guint i = 0; i < 199; i++)
    g_string_append (busy, "1 + 2 * max(1; 3 - ");
  g_string_append (busy, "1");
  for (guint i = 0; i < 199; i++)
    g_string_append (busy, ")");
  {
    g_autoptr(RamingFormula) formula = parse (busy->str, EN);
    g_autofree char *printed = raming_formula_to_string (formula, NL);
    g_autoptr(RamingFormula) again = parse (printed, NL);

    g_assert_cmpfloat (evaluate_formula (formula), ==, evaluate_formula (again));
  }
}

static void
assert_canonical (const char     *text,
                  RamingLanguage  language,
                  const char     *expected_nl,
                  const char     *expected_en)
{
  g_autoptr(RamingFormula) formula = parse (text, language);
  g_autofree char *nl = raming_formula_to_string (formula, NL);
  g_autofree char *en = raming_formula_to_string (formula, EN);

  g_assert_cmpstr (nl, ==, expected_nl);
  g_assert_cmpstr (en, ==, expected_en);
}

static void
test_to_string (void)
{
  assert_canonical ("=a-(b-c)", EN, "a - (b - c)", "a - (b - c)");
  assert_canonical ("(a-b)-c", EN, "a - b - c", "a - b - c");
  assert_canonical ("a+(b+c)", EN, "a + (b + c)", "a + (b + c)");
  assert_canonical ("(a*b)+c", EN, "a * b + c", "a * b + c");
  assert_canonical ("a*(b+c)", EN, "a * (b + c)", "a * (b + c)");
  assert_canonical ("a/(b*c)", EN, "a / (b * c)", "a / (b * c)");
  assert_canonical ("(a/b)*c", EN, "a / b * c", "a / b * c");
  assert_canonical ("-(a+b)", EN, "-(a + b)", "-(a + b)");
  assert_canonical ("-(-a)", EN, "--a", "--a");
  assert_canonical ("((a))", EN, "a", "a");
  assert_canonical ("+a", EN, "a", "a");
  assert_canonical ("2*-3", EN, "2 * -3", "2 * -3");
  assert_canonical ("a - -b", EN, "a - -b", "a - -b");
  assert_canonical ("MAX(a;b;c)", EN, "max(a; b; c)", "max(a, b, c)");
  assert_canonical ("min( a )", EN, "min(a)", "min(a)");
  assert_canonical ("round(a)+Round(a;-3)", EN, "round(a) + round(a; -3)",
                    "round(a) + round(a, -3)");
  assert_canonical ("max(1,5; 2)", NL, "max(1,5; 2)", "max(1.5, 2)");
  assert_canonical ("0,89%", NL, "0,89%", "0.89%");
  assert_canonical ("(a+b)%", EN, "(a + b)%", "(a + b)%");
  assert_canonical ("-a%", EN, "-a%", "-a%");
  assert_canonical ("(-a)%", EN, "(-a)%", "(-a)%");
  assert_canonical ("1.5e6", EN, "1500000", "1500000");
  assert_canonical ("1e300", EN, "1e300", "1e300");
  assert_canonical ("1,5e-12", NL, "1,5e-12", "1.5e-12");
  assert_canonical (".5", EN, "0,5", "0.5");
  assert_canonical ("0.1", EN, "0,1", "0.1");
  assert_canonical ("huisartsen.dekking*2", EN, "huisartsen.dekking * 2", "huisartsen.dekking * 2");
  assert_canonical ("max(a;b)*(c)", EN, "max(a; b) * c", "max(a, b) * c");
}

static const char *round_trip_formulas[] = {
  "1 + 2 * 3",
  "a - (b - c)",
  "a - b - c",
  "a + (b + c)",
  "a / (b / x)",
  "a * (b * x)",
  "(a + b) * (c - x)",
  "-(a + b) * -c",
  "-a%",
  "(-a)%",
  "(a + 0.1)% * 3",
  "0.1 + 0.2",
  "0.30000000000000004",
  "1 / 3",
  "0.89% * 75e6",
  "macro_aandeel * 75e6 * huisartsen.dekking",
  "max(a; b; c) - min(c; x)",
  "round(a * 0.0089 * 1e6; -3)",
  "round(x)",
  "round(-x; 0)",
  "max(1.5; 2.25) / min(0.125; 3)",
  "5e-324 * 1e300",
  "1.7976931348623157e308 / 1e300",
  "123456789012345680000",
  "2.2250738585072014e-308 * 1e308",
  "((((a))))",
  "---a",
  "a%%",
  "max(a)",
  "a - -b - --c",
};

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_formulas); i++)
    {
      g_autoptr(RamingFormula) formula = parse (round_trip_formulas[i], EN);
      double expected = evaluate_formula (formula);

      for (RamingLanguage language = NL; language <= EN; language++)
        {
          g_autofree char *printed = raming_formula_to_string (formula, language);
          g_autoptr(RamingFormula) again = parse (printed, language);
          g_autofree char *printed_again = raming_formula_to_string (again, language);
          double result = evaluate_formula (again);

          g_test_message ("“%s” → “%s”", round_trip_formulas[i], printed);
          g_assert_cmpmem (&result, sizeof result, &expected, sizeof expected);
          g_assert_cmpstr (printed_again, ==, printed);
          g_assert_cmpuint (raming_formula_get_n_names (again), ==,
                            raming_formula_get_n_names (formula));
        }
    }
}

typedef struct
{
  const char *text;
  double      lows[3];
  double      highs[3];
} IntervalCase;

/* Names a, b and c in order of first appearance */
static const IntervalCase interval_cases[] = {
  { "a + b * c", { -2, 1, 0.5 }, { 3, 4, 2 } },
  { "a - b - c", { -2, 1, 0.5 }, { 3, 4, 2 } },
  { "a * b * c", { -2, -1, -3 }, { 3, 4, 2 } },
  { "a / b / c", { -2, 1, 0.5 }, { 3, 4, 2 } },
  { "a / b / c", { -2, -4, -2 }, { 3, -1, -0.5 } },
  { "(a - b) / (c + 1)", { -2, 1, 0.5 }, { 3, 4, 2 } },
  { "a * a - b * c", { -2, -1, 0.5 }, { 3, 4, 2 } },
  { "-a + b%", { -2, 1, 0.5 }, { 3, 400, 2 } },
  { "-(a * b)% + c", { -2, 1, 0.5 }, { 3, 4, 2 } },
  { "min(a; b; c) * max(a; -b)", { -2, 1, -1 }, { 3, 4, 2 } },
  { "round(a * b)", { -2.5, 0.5, 0 }, { 3.7, 1.5, 0 } },
  { "round(a * 1000 / b; -2) + round(c; 2)", { -2.5, 0.5, -1.005 }, { 3.7, 1.5, 1.005 } },
  { "round(a; 1) - round(b; 1)", { 1.04, 1.05, 0 }, { 1.06, 1.051, 0 } },
  { "max(a; 1) / min(b; -1) * c", { -2, -4, 0.5 }, { 3, 4, 2 } },
  { "a * 0.0089 * b", { 50e6, 0.5, 0 }, { 75e6, 1, 0 } },
  { "a - a", { 1, 0, 0 }, { 2, 0, 0 } },
};

static double
pick (GRand  *rand,
      double  low,
      double  high)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return low;
    case 1:
      return high;
    default:
      return g_rand_double_range (rand, low, high);
    }
}

static void
test_interval_containment (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);

  for (guint i = 0; i < G_N_ELEMENTS (interval_cases); i++)
    {
      const IntervalCase *c = &interval_cases[i];
      g_autoptr(RamingFormula) formula = parse (c->text, EN);
      g_autoptr(GError) error = NULL;
      guint n = raming_formula_get_n_names (formula);
      double low = NAN;
      double high = NAN;

      g_assert_cmpuint (n, <=, 3);
      g_assert_true (raming_formula_evaluate_interval (formula, c->lows, c->highs,
                                                       &low, &high, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (low, <=, high);

      for (guint sample = 0; sample < 5000; sample++)
        {
          double values[3];
          double result;

          for (guint k = 0; k < n; k++)
            values[k] = pick (rand, c->lows[k], c->highs[k]);

          if (!raming_formula_evaluate (formula, values, &result, NULL))
            continue;

          if (result < low || result > high)
            g_test_message ("“%s”: %.17g outside [%.17g, %.17g]", c->text, result, low, high);
          g_assert_cmpfloat (result, >=, low);
          g_assert_cmpfloat (result, <=, high);
        }
    }
}

static void
test_interval_points (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (interval_cases); i++)
    {
      const IntervalCase *c = &interval_cases[i];
      g_autoptr(RamingFormula) formula = parse (c->text, EN);
      guint n = raming_formula_get_n_names (formula);

      for (guint sample = 0; sample < 500; sample++)
        {
          double values[3];
          double result;
          double low;
          double high;

          for (guint k = 0; k < n; k++)
            values[k] = pick (rand, c->lows[k], c->highs[k]);

          g_assert_true (raming_formula_evaluate (formula, values, &result, NULL));
          g_assert_true (raming_formula_evaluate_interval (formula, values, values,
                                                           &low, &high, NULL));
          g_assert_cmpmem (&low, sizeof low, &result, sizeof result);
          g_assert_cmpmem (&high, sizeof high, &result, sizeof result);
        }
    }
}

static void
assert_interval (const char *text,
                 double      a_low,
                 double      a_high,
                 double      b_low,
                 double      b_high,
                 double      expected_low,
                 double      expected_high)
{
  g_autoptr(RamingFormula) formula = parse (text, EN);
  g_autoptr(GError) error = NULL;
  double lows[] = { a_low, b_low };
  double highs[] = { a_high, b_high };
  double low;
  double high;

  g_assert_true (raming_formula_evaluate_interval (formula, lows, highs, &low, &high, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (low, ==, expected_low);
  g_assert_cmpfloat (high, ==, expected_high);
}

static void
assert_interval_error (const char         *text,
                       double              a_low,
                       double              a_high,
                       RamingFormulaError  code,
                       const char         *message)
{
  g_autoptr(RamingFormula) formula = parse (text, EN);
  g_autoptr(GError) error = NULL;
  double lows[] = { a_low, a_low };
  double highs[] = { a_high, a_high };
  double low;
  double high;

  g_assert_false (raming_formula_evaluate_interval (formula, lows, highs, &low, &high, &error));
  g_assert_error (error, RAMING_FORMULA_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_interval_values (void)
{
  assert_interval ("a + b", 1, 2, 10, 20, 11, 22);
  assert_interval ("a - b", 1, 2, 10, 20, -19, -8);
  assert_interval ("a * b", -2, 3, -1, 4, -8, 12);
  assert_interval ("a / b", -2, 3, 1, 4, -2, 3);
  assert_interval ("a / b", 1, 2, -4, -1, -2, -0.25);
  assert_interval ("-a", 1, 2, 0, 0, -2, -1);
  assert_interval ("a%", 50, 200, 0, 0, 0.5, 2);
  assert_interval ("a - a", 1, 2, 0, 0, -1, 1);
  assert_interval ("min(a; b)", 1, 5, 2, 3, 1, 3);
  assert_interval ("max(a; b)", 1, 5, 2, 3, 2, 5);
  assert_interval ("round(a)", 0.4, 2.5, 0, 0, 0, 3);
  assert_interval ("round(a; -3)", 1499, 2500, 0, 0, 1000, 3000);
  assert_interval ("round(a; b)", 1.234, 1.236, 2, 2, 1.23, 1.24);
  assert_interval ("7", 0, 0, 0, 0, 7, 7);

  assert_interval_error ("1 / a", -1, 1, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                         "The range of the divisor includes zero");
  assert_interval_error ("1 / a", 0, 1, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                         "The range of the divisor includes zero");
  assert_interval_error ("1 / a", -1, 0, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                         "The range of the divisor includes zero");
  assert_interval_error ("1 / (a - a)", 1, 2, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                         "The range of the divisor includes zero");
  assert_interval_error ("1 / a", 0, 0, RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                         "Division by zero");
  assert_interval_error ("a * 1e300", 1, 1e10, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The calculation gives a number that is too large");
  assert_interval_error ("round(a; a)", 1, 2, RAMING_FORMULA_ERROR_ARGUMENTS,
                         "The number of decimals in “round” must be a fixed number, not a range");
  assert_interval_error ("round(a; a)", 1.5, 1.5, RAMING_FORMULA_ERROR_ARGUMENTS,
                         "The number of decimals in “round” must be a whole number");
  assert_interval_error ("a + 1", -INFINITY, 1, RAMING_FORMULA_ERROR_NOT_FINITE,
                         "The value of “a” is not a finite number");
}

/* What an assumption's formulas become when it is renamed: only the name
 * itself, not names that begin with it, nor a function of that name. */
static void
test_rename (void)
{
  static const struct {
    const char *text;
    RamingLanguage language;
    const char *renamed;   /* NULL: does not use the name */
  } cases[] = {
    { "=a * 2", EN, "b * 2" },
    { "=a+a/a", EN, "b + b / b" },
    { "=ab + a_ + ba", EN, NULL },
    { "=a.dekking * 2", EN, NULL },
    { "=max(a; 1,5)", NL, "max(b; 1,5)" },
    { "=max(a, 1.5) + min(c)", EN, "max(b, 1.5) + min(c)" },
    { "=0,89% * a", NL, "0,89% * b" },
    { "=1 + 2", EN, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RamingFormula) formula = raming_formula_parse (cases[i].text, cases[i].language, &error);
      g_autofree char *renamed = NULL;

      g_assert_no_error (error);
      renamed = raming_formula_rename (formula, "a", "b", cases[i].language);
      g_assert_cmpstr (renamed, ==, cases[i].renamed);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Messages in English and UTF-8, whatever the developer's desktop uses */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formula/arithmetic", test_arithmetic);
  g_test_add_func ("/formula/numbers", test_numbers);
  g_test_add_func ("/formula/dutch-comma", test_dutch_comma);
  g_test_add_func ("/formula/functions", test_functions);
  g_test_add_func ("/formula/names", test_names);
  g_test_add_func ("/formula/errors/syntax", test_syntax_errors);
  g_test_add_func ("/formula/errors/non-ascii", test_non_ascii);
  g_test_add_func ("/formula/errors/functions", test_function_errors);
  g_test_add_func ("/formula/errors/evaluate", test_evaluate_errors);
  g_test_add_func ("/formula/errors/limits", test_limits);
  g_test_add_func ("/formula/to-string", test_to_string);
  g_test_add_func ("/formula/rename", test_rename);
  g_test_add_func ("/formula/round-trip", test_round_trip);
  g_test_add_func ("/formula/interval/containment", test_interval_containment);
  g_test_add_func ("/formula/interval/points", test_interval_points);
  g_test_add_func ("/formula/interval/values", test_interval_values);

  return g_test_run ();
}
