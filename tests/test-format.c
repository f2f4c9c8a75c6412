/* test-format.c: numbers in the document's language
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "raming-format.h"
#include "raming-formula.h"

#define NL RAMING_LANGUAGE_NL
#define EN RAMING_LANGUAGE_EN

#define assert_round(value, step, expected) \
  G_STMT_START { \
    double _rounded = raming_round ((value), (step)); \
    if (_rounded != (double) (expected)) \
      g_test_message ("raming_round (%.17g, %g) gives %.17g", \
                      (double) (value), (double) (step), _rounded); \
    g_assert_cmpfloat (_rounded, ==, (expected)); \
  } G_STMT_END

static void
test_round (void)
{
  volatile double share = 0.0089;

  assert_round (667500, 1000, 668000);
  assert_round (640800, 1000, 641000);
  assert_round (71200, 1000, 71000);
  assert_round (577165, 1000, 577000);
  assert_round (75e6 * share, 1000, 668000);
  assert_round (667499.99999999, 1000, 668000);
  assert_round (667499.4, 1000, 667000);
  assert_round (-667500, 1000, -668000);
  assert_round (0.5, 1, 1);
  assert_round (-0.5, 1, -1);
  assert_round (2.5, 1, 3);
  assert_round (-2.5, 1, -3);
  /* Cents first: 2,4999 is € 2,50 and rounds up; 2,494 is € 2,49. */
  assert_round (2.4999, 1, 3);
  assert_round (2.494, 1, 2);
  assert_round (1449999.5, 1, 1450000);
  assert_round (1449999.49, 1, 1449999);
  assert_round (0.285, 0.01, 0.29);
  assert_round (1.005, 0.01, 1.01);
  assert_round (-1.005, 0.01, -1.01);
  assert_round (2.5, 5, 5);
  assert_round (7.4, 5, 5);
  assert_round (1234.5678, 0.1, 1234.6);
  assert_round (1.2345, 0.001, 1.235);
  assert_round (10, 3, 9);
  assert_round (1234.5, 0, 1234.5);
  assert_round (1234.5, -1, 1234.5);
  assert_round (1e16 + 2, 1000, 1e16);
  g_assert_true (isnan (raming_round (NAN, 1000)));
  g_assert_true (isinf (raming_round (INFINITY, 1000)));
}

static void
assert_string (char       *actual,
               const char *expected)
{
  g_assert_cmpstr (actual, ==, expected);
  g_free (actual);
}

static void
test_amount (void)
{
  assert_string (raming_format_amount (1450000, NL, 1), "1.450.000");
  assert_string (raming_format_amount (1450000, EN, 1), "1,450,000");
  assert_string (raming_format_amount (1449999.5, NL, 1), "1.450.000");
  assert_string (raming_format_amount (-1450000, NL, 1), "-1.450.000");
  assert_string (raming_format_amount (-1450000, EN, 1000), "-1,450,000");
  assert_string (raming_format_amount (667500, NL, 1000), "668.000");
  assert_string (raming_format_amount (0, NL, 1), "0");
  assert_string (raming_format_amount (-0.0, NL, 0), "0");
  assert_string (raming_format_amount (-0.3, NL, 1), "0");
  assert_string (raming_format_amount (-499, EN, 1000), "0");
  assert_string (raming_format_amount (999, NL, 1), "999");
  assert_string (raming_format_amount (1000, NL, 1), "1.000");
  assert_string (raming_format_amount (100000, NL, 1), "100.000");
  assert_string (raming_format_amount (123456789012, NL, 1), "123.456.789.012");
  assert_string (raming_format_amount (1234.56, NL, 0.01), "1.234,56");
  assert_string (raming_format_amount (1234.56, EN, 0.01), "1,234.56");
  assert_string (raming_format_amount (1234.5, NL, 0.01), "1.234,50");
  assert_string (raming_format_amount (1234, NL, 0.01), "1.234,00");
  assert_string (raming_format_amount (2.26, NL, 0.5), "2,5");
  assert_string (raming_format_amount (-1234.567, NL, 0.1), "-1.234,6");
  /* rounding 0: whole euros, cents only when there are any */
  assert_string (raming_format_amount (1234, NL, 0), "1.234");
  assert_string (raming_format_amount (1234.5, NL, 0), "1.234,50");
  assert_string (raming_format_amount (1234.004, NL, 0), "1.234");
  assert_string (raming_format_amount (-0.05, EN, 0), "-0.05");
  assert_string (raming_format_amount (NAN, NL, 1), "—");
  assert_string (raming_format_amount (INFINITY, EN, 1), "—");
}

static void
test_number (void)
{
  assert_string (raming_format_number (1234.5, NL, 1), "1.234,5");
  assert_string (raming_format_number (1234.5, EN, 1), "1,234.5");
  assert_string (raming_format_number (0.125, NL, 2), "0,13");
  assert_string (raming_format_number (-1234.567, NL, 2), "-1.234,57");
  assert_string (raming_format_number (1234, NL, 0), "1.234");
  assert_string (raming_format_number (1234.5, NL, 0), "1.235");
  assert_string (raming_format_number (5, NL, 3), "5,000");
  assert_string (raming_format_number (-0.001, NL, 2), "0,00");
  assert_string (raming_format_number (1e6, EN, 2), "1,000,000.00");
  assert_string (raming_format_number (NAN, EN, 2), "—");
}

static void
test_plain (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  assert_string (raming_format_plain (0.0089, NL), "0,0089");
  assert_string (raming_format_plain (0.0089, EN), "0.0089");
  assert_string (raming_format_plain (1450000, NL), "1450000");
  assert_string (raming_format_plain (-2.5, NL), "-2,5");
  assert_string (raming_format_plain (123.456, NL), "123,456");
  assert_string (raming_format_plain (0, NL), "0");
  assert_string (raming_format_plain (-0.0, NL), "0");
  assert_string (raming_format_plain (0.1 + 0.2, NL), "0,30000000000000004");
  assert_string (raming_format_plain (1e20, EN), "100000000000000000000");
  assert_string (raming_format_plain (1e21, EN), "1e21");
  assert_string (raming_format_plain (1.5e-11, NL), "1,5e-11");
  assert_string (raming_format_plain (1e-10, NL), "0,0000000001");
  assert_string (raming_format_plain (-1.7976931348623157e308, EN), "-1.7976931348623157e308");
  assert_string (raming_format_plain (5e-324, EN), "5e-324");
  assert_string (raming_format_plain (NAN, EN), "—");

  /* Every double reads back as itself. */
  for (guint i = 0; i < 20000; i++)
    {
      double value;
      g_autofree char *en = NULL;
      g_autofree char *nl = NULL;

      if (i % 2 == 0)
        value = g_rand_double_range (rand, -1e7, 1e7) * pow (10, g_rand_int_range (rand, -15, 15));
      else
        {
          guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

          memcpy (&value, &bits, sizeof value);
          if (!isfinite (value))
            continue;
        }

      en = raming_format_plain (value, EN);
      nl = raming_format_plain (value, NL);
      g_assert_null (strchr (en, ','));
      g_assert_null (strchr (nl, '.'));
      g_assert_cmpfloat (g_ascii_strtod (en, NULL), ==, value);
      g_strdelimit (nl, ",", '.');
      g_assert_cmpstr (nl, ==, en);
    }
}

static void
test_percent (void)
{
  assert_string (raming_format_percent (0.0089, NL, -1), "0,89 %");
  assert_string (raming_format_percent (0.0089, EN, -1), "0.89%");
  assert_string (raming_format_percent (0.0089, NL, 2), "0,89 %");
  assert_string (raming_format_percent (0.0089, NL, 1), "0,9 %");
  assert_string (raming_format_percent (0.5, NL, 0), "50 %");
  assert_string (raming_format_percent (0.07, NL, -1), "7 %");
  assert_string (raming_format_percent (0.123456, NL, -1), "12,3456 %");
  assert_string (raming_format_percent (0.1234567, NL, -1), "12,3457 %");
  assert_string (raming_format_percent (-0.05, EN, -1), "-5%");
  assert_string (raming_format_percent (-0.0000001, EN, -1), "0%");
  assert_string (raming_format_percent (12.345, NL, 0), "1.235 %");
  assert_string (raming_format_percent (0, NL, -1), "0 %");
  assert_string (raming_format_percent (NAN, NL, -1), "—");
}

static void
test_money_short (void)
{
  assert_string (raming_format_money_short (1450000, NL), "€ 1,45 mln");
  assert_string (raming_format_money_short (1450000, EN), "€1.45 mln");
  assert_string (raming_format_money_short (4700000, NL), "€ 4,70 mln");
  assert_string (raming_format_money_short (1.4e9, NL), "€ 1,40 mld");
  assert_string (raming_format_money_short (1.4e9, EN), "€1.40 bn");
  assert_string (raming_format_money_short (950000, NL), "€ 950.000");
  assert_string (raming_format_money_short (950000, EN), "€950,000");
  assert_string (raming_format_money_short (999999.6, NL), "€ 1,00 mln");
  assert_string (raming_format_money_short (999994999, NL), "€ 999,99 mln");
  assert_string (raming_format_money_short (999995000, NL), "€ 1,00 mld");
  assert_string (raming_format_money_short (-1450000, NL), "€ -1,45 mln");
  assert_string (raming_format_money_short (-1450000, EN), "-€1.45 mln");
  assert_string (raming_format_money_short (-950, EN), "-€950");
  assert_string (raming_format_money_short (1234, NL), "€ 1.234");
  assert_string (raming_format_money_short (0, NL), "€ 0");
  assert_string (raming_format_money_short (-0.2, NL), "€ 0");
  assert_string (raming_format_money_short (2.5e12, NL), "€ 2.500,00 mld");
  assert_string (raming_format_money_short (NAN, NL), "—");
}

typedef struct
{
  RamingLanguage  language;
  const char     *text;
  double          expected;
} ParseCase;

static const ParseCase accepted[] = {
  { NL, "1.450.000", 1450000 },
  { NL, "1.450.000,50", 1450000.5 },
  { NL, "1450000", 1450000 },
  { NL, "1.450", 1450 },
  { NL, "0,89", 0.89 },
  { NL, "0.89", 0.89 },
  { NL, "0.890", 0.89 },
  { NL, "1.4500", 1.45 },
  { NL, ".5", 0.5 },
  { NL, ",5", 0.5 },
  { NL, "007", 7 },
  { NL, "0,89%", 0.0089 },
  { NL, "0,89 %", 0.0089 },
  { NL, "12,5\u00a0%", 0.125 },
  { NL, "€ 1.450.000", 1450000 },
  { NL, "€1450000", 1450000 },
  { NL, "  € 950.000  ", 950000 },
  { NL, "-5", -5 },
  { NL, "+3", 3 },
  { NL, "€ -5", -5 },
  { NL, "-€ 5", -5 },
  { NL, "− 5", -5 },
  { NL, "\u00a0€\u00a01.450\u00a0k", 1450000 },
  { NL, "1,5 mln", 1500000 },
  { NL, "1.5 mln", 1500000 },
  { NL, "1,45 miljoen", 1450000 },
  { NL, "2 MLN", 2000000 },
  { NL, "1,4 mld", 1.4e9 },
  { NL, "1 miljard", 1e9 },
  { NL, "12k", 12000 },
  { NL, "12 K", 12000 },
  { NL, "-0", 0 },
  { NL, "1.000.000.000.000.000", 1e15 },
  { EN, "1,450,000.50", 1450000.5 },
  { EN, "1,450", 1450 },
  { EN, "0.89", 0.89 },
  { EN, "0.89%", 0.0089 },
  { EN, "1.5 million", 1500000 },
  { EN, "€1,450,000", 1450000 },
  { EN, "-€1.45 mln", -1450000 },
  { EN, "€1.40 bn", 1.4e9 },
  { EN, "2 billion", 2e9 },
  { EN, ".5", 0.5 },
  { EN, "12k", 12000 },
};

static void
test_parse_accept (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      const ParseCase *c = &accepted[i];
      g_autoptr(GError) error = NULL;
      double value = NAN;

      g_test_message ("Parsing “%s”", c->text);
      g_assert_true (raming_parse_number (c->text, c->language, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, c->expected);
      g_assert_false (signbit (value) && value == 0);
    }
}

typedef struct
{
  RamingLanguage  language;
  const char     *text;
  const char     *message;
} RejectCase;

static const RejectCase rejected[] = {
  { NL, "abc", "“abc” is not a number" },
  { NL, "12abc", "“12abc” is not a number" },
  { NL, "1.2.3,4,5", "“1.2.3,4,5” is not a number" },
  { NL, "1.2.3", "“1.2.3” is not a number" },
  { NL, "1,2,3", "“1,2,3” is not a number" },
  { NL, "1.23.456", "“1.23.456” is not a number" },
  { NL, "0.450.000", "“0.450.000” is not a number" },
  { NL, "1234.567", "“1234.567” is not a number" },
  { NL, "5,", "“5,” is not a number" },
  { NL, ",", "“,” is not a number" },
  { NL, ".", "“.” is not a number" },
  { NL, "", "No number was entered" },
  { NL, "   ", "No number was entered" },
  { NL, "\u00a0", "No number was entered" },
  { NL, "nan", "“nan” is not a number" },
  { NL, "NaN", "“NaN” is not a number" },
  { NL, "inf", "“inf” is not a number" },
  { NL, "-Infinity", "“-Infinity” is not a number" },
  { NL, "1e5", "“1e5” is not a number" },
  { NL, "0x10", "“0x10” is not a number" },
  { NL, "--5", "“--5” is not a number" },
  { NL, "-€-5", "“-€-5” is not a number" },
  { NL, "€", "“€” is not a number" },
  { NL, "-", "“-” is not a number" },
  { NL, "%", "“%” is not a number" },
  { NL, "5 % %", "“5 % %” is not a number" },
  { NL, "5%k", "“5%k” is not a number" },
  { NL, "1 2", "“1 2” is not a number" },
  { NL, "5 €", "“5 €” is not a number" },
  { NL, " 0,89 %x ", "“0,89 %x” is not a number" },
  { NL, "2000000000 mln", "“2000000000 mln” is too large" },
  { NL, "1.000.000.000.000.001", "“1.000.000.000.000.001” is too large" },
  { NL, "-99999999999999999999", "“-99999999999999999999” is too large" },
  { NL, "1 000", "“1 000” is not a number" },
  { EN, "1,5", "“1,5” is not a number" },
  { EN, "0,89", "“0,89” is not a number" },
  { EN, "1.2.3", "“1.2.3” is not a number" },
  { EN, "1,450,000,50", "“1,450,000,50” is not a number" },
  { EN, "5.", "“5.” is not a number" },
  { NL, "\xff" "5", "“\xef\xbf\xbd" "5” is not a number" },
  { NL, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "“abcdefghijklmnopqrstuvwxyzabcdefghijklm…” is not a number" },
};

static void
test_parse_reject (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      const RejectCase *c = &rejected[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = g_utf8_make_valid (c->text, -1);
      double value = 12345;

      g_test_message ("Parsing “%s”", shown);
      g_assert_false (raming_parse_number (c->text, c->language, &value, &error));
      g_assert_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_cmpfloat (value, ==, 12345);
    }
}

/* Output a function gives; compared before and after the locale changes. */
static char *
sample_output (void)
{
  GString *out = g_string_new (NULL);
  const RamingLanguage languages[] = { NL, EN };
  g_autoptr(RamingFormula) formula = raming_formula_parse ("max(0,5; 1234,5) * 2,5%", NL, NULL);

  g_assert_nonnull (formula);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      RamingLanguage language = languages[i];
      g_autofree char *amount = raming_format_amount (1234567.891, language, 0.01);
      g_autofree char *number = raming_format_number (-1234.5, language, 1);
      g_autofree char *plain = raming_format_plain (0.0089, language);
      g_autofree char *percent = raming_format_percent (0.0089, language, -1);
      g_autofree char *money = raming_format_money_short (1450000, language);
      g_autofree char *formula_text = raming_formula_to_string (formula, language);
      double parsed = 0;
      double result = 0;

      g_assert_true (raming_parse_number (language == NL ? "€ 1.450.000,50" : "€1,450,000.50",
                                          language, &parsed, NULL));
      g_assert_true (raming_formula_evaluate (formula, NULL, &result, NULL));

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|",
                              amount, number, plain, percent, money, formula_text);
      /* Only integers through printf: the point is what we write ourselves. */
      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "\n",
                              (gint64) (parsed * 100), (gint64) (result * 1000));
    }

  return g_string_free (out, FALSE);
}

static void
test_locale_independent (void)
{
  const char *candidates[] = {
    "nl_NL.UTF-8", "nl_NL.utf8", "nl_NL", "nl_BE.UTF-8",
    "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
  };
  const char *expected =
    "1.234.567,89|-1.234,5|0,0089|0,89 %|€ 1,45 mln|max(0,5; 1234,5) * 2,5%|145000050|30862\n"
    "1,234,567.89|-1,234.5|0.0089|0.89%|€1.45 mln|max(0.5, 1234.5) * 2.5%|145000050|30862\n";
  g_autofree char *before = sample_output ();
  g_autofree char *after = NULL;
  const char *found = NULL;

  g_assert_cmpstr (before, ==, expected);

  setlocale (LC_ALL, "");
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && found == NULL; i++)
    {
      if (setlocale (LC_NUMERIC, candidates[i]) != NULL &&
          strcmp (localeconv ()->decimal_point, ",") == 0)
        found = candidates[i];
    }

  if (found == NULL)
    {
      setlocale (LC_ALL, "C");
      g_test_skip ("No locale with a decimal comma is installed");
      return;
    }

  g_test_message ("Using LC_NUMERIC=%s", found);
  after = sample_output ();
  setlocale (LC_ALL, "C");

  g_assert_cmpstr (after, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages in English and UTF-8, whatever the developer's desktop uses */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/round", test_round);
  g_test_add_func ("/format/amount", test_amount);
  g_test_add_func ("/format/number", test_number);
  g_test_add_func ("/format/plain", test_plain);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/money-short", test_money_short);
  g_test_add_func ("/format/parse/accept", test_parse_accept);
  g_test_add_func ("/format/parse/reject", test_parse_reject);
  g_test_add_func ("/format/locale-independent", test_locale_independent);

  return g_test_run ();
}
