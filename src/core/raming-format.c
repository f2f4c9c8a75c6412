/* raming-format.c: numbers in the document's language
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "raming-format.h"
#include "raming-formula.h"

/* Everything here follows the document's language, never the desktop's
 * locale: a Dutch note written on an English desktop must still say
 * 1.450.000. So no printf() with separators, only g_ascii_formatd(),
 * which always writes a '.', and our own grouping. */

/* What a value that is not a number looks like in a note. */
#define NO_VALUE "—"

/* Amounts beyond this are not savings estimates but typing errors. */
#define MAX_MAGNITUDE 1e15

/* How much of the adviser's text is repeated in an error message. */
#define MAX_QUOTED_CHARS 40

/* Half away from zero. A product such as 0.285 * 100 lands one unit in
 * the last place below the halfway point (28.499999999999996); the
 * adviser expects it to round up, so a value within a few units in the
 * last place of the halfway point counts as halfway. */
double
raming_round_half_away (double y)
{
  double whole;
  double fraction;

  if (!(fabs (y) < 4503599627370496.0))  /* 2^52: no fraction left */
    return y;

  whole = trunc (y);
  fraction = fabs (y - whole);

  if (fraction > 0 && fraction >= 0.5 - fabs (y) * 2 * DBL_EPSILON)
    return whole + copysign (1.0, y);

  return whole;
}

/* Whether x is a whole number other than 0, up to binary noise; sets *whole. */
static gboolean
as_nonzero_whole (double  x,
                  double *whole)
{
  double r = round (x);

  *whole = r;
  return r != 0 && fabs (x - r) <= fabs (x) * 1e-9;
}

/**
 * raming_round:
 * @value: the value to round
 * @step: round to a multiple of this; 0 or less means no rounding
 *
 * Rounds half away from zero, the way a policy adviser rounds by hand:
 * 667 500 becomes 668 000 at a step of 1000, also when binary arithmetic
 * produced 667 499,99999999.
 *
 * Returns: the rounded value
 */
double
raming_round (double value,
              double step)
{
  double step_cents;
  double inverse;

  if (!(step > 0) || !isfinite (step) || !isfinite (value))
    return value;

  if (fabs (value) > MAX_MAGNITUDE)
    return round (value / step) * step;

  /* Steps of whole cents, the usual case: rounding to cents first absorbs
   * the binary noise, and the halfway decision is then made exactly on
   * whole numbers of cents. */
  step_cents = step * 100;
  if (step_cents <= 1e17 && as_nonzero_whole (step_cents, &step_cents))
    {
      gint64 cents = (gint64) raming_round_half_away (value * 100);
      gint64 unit = (gint64) step_cents;
      gint64 quotient = cents / unit;
      gint64 remainder = cents % unit;

      if (2 * ABS (remainder) >= unit)
        quotient += cents < 0 ? -1 : 1;

      return (double) (quotient * unit) / 100.0;
    }

  /* Finer steps such as 0.001: dividing by 1000 rather than multiplying
   * by 0.001 gives the double nearest to the decimal result. */
  if (as_nonzero_whole (1 / step, &inverse))
    return raming_round_half_away (value * inverse) / inverse;

  return raming_round_half_away (value / step) * step;
}

static char
decimal_separator (RamingLanguage language)
{
  return language == RAMING_LANGUAGE_NL ? ',' : '.';
}

static char
group_separator (RamingLanguage language)
{
  return language == RAMING_LANGUAGE_NL ? '.' : ',';
}

/* Writes value with a fixed number of decimals in the style of language.
 * The value is expected to be rounded already. */
static void
append_fixed (GString        *out,
              double          value,
              int             decimals,
              RamingLanguage  language,
              gboolean        grouping)
{
  char format[16];
  char buffer[512];  /* %f of the largest double: 309 digits plus decimals */
  const char *point;
  gsize n_whole;

  g_assert (decimals >= 0 && decimals <= 20);
  g_assert (isfinite (value));

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  /* No “-0” for a value that rounds away to nothing. */
  if (value < 0 && strpbrk (buffer, "123456789") != NULL)
    g_string_append_c (out, '-');

  point = strchr (buffer, '.');
  n_whole = point != NULL ? (gsize) (point - buffer) : strlen (buffer);

  for (gsize i = 0; i < n_whole; i++)
    {
      if (grouping && i > 0 && (n_whole - i) % 3 == 0)
        g_string_append_c (out, group_separator (language));
      g_string_append_c (out, buffer[i]);
    }

  if (point != NULL)
    {
      g_string_append_c (out, decimal_separator (language));
      g_string_append (out, point + 1);
    }
}

/* The number of decimals needed to show multiples of step, at most 6. */
static int
decimals_for_step (double step)
{
  for (int decimals = 0; decimals < 6; decimals++)
    {
      double scaled = step * pow (10, decimals);
      double whole;

      if (as_nonzero_whole (scaled, &whole))
        return decimals;
    }

  return 6;
}

/**
 * raming_format_amount:
 * @value: an amount in euros
 * @language: the language of the document
 * @rounding: round to a multiple of this, for example 1000; 0 shows whole
 *   euros, with cents only when there are any
 *
 * Formats an amount with thousands separators: “1.450.000” in Dutch,
 * “1,450,000” in English. A step below 1 shows the decimals it needs.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
raming_format_amount (double          value,
                      RamingLanguage  language,
                      double          rounding)
{
  GString *out;
  int decimals;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  if (rounding > 0 && isfinite (rounding))
    {
      value = raming_round (value, rounding);
      decimals = decimals_for_step (rounding);
    }
  else
    {
      value = raming_round (value, 0.01);
      decimals = value == trunc (value) ? 0 : 2;
    }

  out = g_string_new (NULL);
  append_fixed (out, value, decimals, language, TRUE);

  return g_string_free (out, FALSE);
}

/**
 * raming_format_number:
 * @value: a number
 * @language: the language of the document
 * @decimals: the number of decimals to show, 0 to 15
 *
 * Formats a number with a fixed number of decimals and thousands
 * separators: “1.234,5” in Dutch.
 *
 * Returns: (transfer full): the formatted number
 */
char *
raming_format_number (double          value,
                      RamingLanguage  language,
                      int             decimals)
{
  GString *out;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  decimals = CLAMP (decimals, 0, 15);
  value = raming_round (value, 1 / pow (10, decimals));

  out = g_string_new (NULL);
  append_fixed (out, value, decimals, language, TRUE);

  return g_string_free (out, FALSE);
}

/**
 * raming_format_plain:
 * @value: a number
 * @language: the language of the document
 *
 * Formats a number for editing: the shortest text that reads back as
 * exactly the same number, without thousands separators, such as
 * “0,0089” or “1450000” in Dutch. Only very large and very small numbers
 * get an exponent (“1e300”).
 *
 * Returns: (transfer full): the formatted number
 */
char *
raming_format_plain (double          value,
                     RamingLanguage  language)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[G_ASCII_DTOSTR_BUF_SIZE];
  gsize n_digits = 0;
  const char *p;
  int exponent;
  GString *out;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  if (value == 0)
    return g_strdup ("0");

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
      if (g_ascii_strtod (buffer, NULL) == fabs (value))
        break;
    }

  /* buffer now holds “d.ddde±xx”: collect the digits and the exponent. */
  for (p = buffer; *p != 'e'; p++)
    {
      g_assert (*p != '\0');
      if (g_ascii_isdigit (*p))
        digits[n_digits++] = *p;
    }
  exponent = (int) g_ascii_strtoll (p + 1, NULL, 10);

  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;
  digits[n_digits] = '\0';

  out = g_string_new (value < 0 ? "-" : NULL);

  if (exponent >= 21 || exponent < -10)
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        {
          g_string_append_c (out, decimal_separator (language));
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%d", exponent);
    }
  else if (exponent >= 0)
    {
      for (int i = 0; i <= exponent; i++)
        g_string_append_c (out, (gsize) i < n_digits ? digits[i] : '0');

      if ((gsize) exponent + 1 < n_digits)
        {
          g_string_append_c (out, decimal_separator (language));
          g_string_append (out, digits + exponent + 1);
        }
    }
  else
    {
      g_string_append_c (out, '0');
      g_string_append_c (out, decimal_separator (language));
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }

  return g_string_free (out, FALSE);
}

/**
 * raming_format_percent:
 * @fraction: the fraction, 0.0089 for 0,89 %
 * @language: the language of the document
 * @decimals: the number of decimals, or -1 for as many as needed (at most 4)
 *
 * Formats a fraction as a percentage: “0,89 %” in Dutch, “0.89%” in English.
 *
 * Returns: (transfer full): the formatted percentage
 */
char *
raming_format_percent (double          fraction,
                       RamingLanguage  language,
                       int             decimals)
{
  double percent = fraction * 100;
  GString *out;

  if (!isfinite (percent))
    return g_strdup (NO_VALUE);

  out = g_string_new (NULL);

  if (decimals < 0)
    {
      append_fixed (out, raming_round (percent, 0.0001), 4, language, TRUE);

      if (strchr (out->str, decimal_separator (language)) != NULL)
        {
          while (out->str[out->len - 1] == '0')
            g_string_truncate (out, out->len - 1);
          if (out->str[out->len - 1] == decimal_separator (language))
            g_string_truncate (out, out->len - 1);
        }
    }
  else
    {
      g_autofree char *number = raming_format_number (percent, language, decimals);

      g_string_append (out, number);
    }

  g_string_append (out, language == RAMING_LANGUAGE_NL ? " %" : "%");

  return g_string_free (out, FALSE);
}

/**
 * raming_format_money_short:
 * @value: an amount in euros
 * @language: the language of the document
 *
 * Formats an amount briefly for charts and summaries: “€ 1,45 mln” and
 * “€ 1,40 mld” in Dutch, “€1.45 mln” and “€1.40 bn” in English, and whole
 * euros below a million (“€ 950.000”).
 *
 * Returns: (transfer full): the formatted amount
 */
char *
raming_format_money_short (double          value,
                           RamingLanguage  language)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *suffix = NULL;
  double size = fabs (value);
  double shown;
  gboolean negative;
  GString *out;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  /* Decide on the rounded value, so that 999 999,60 does not show as
   * “€ 1.000.000” but as “€ 1,00 mln”. */
  shown = raming_round (size, 1);
  if (shown < 1e6)
    {
      append_fixed (body, shown, 0, language, TRUE);
    }
  else
    {
      shown = raming_round (size / 1e6, 0.01);
      suffix = "mln";

      if (shown >= 1000)
        {
          shown = raming_round (size / 1e9, 0.01);
          suffix = language == RAMING_LANGUAGE_NL ? "mld" : "bn";
        }

      append_fixed (body, shown, 2, language, TRUE);
    }

  negative = value < 0 && shown != 0;
  out = g_string_new (NULL);

  if (language == RAMING_LANGUAGE_NL)
    g_string_append_printf (out, "€ %s%s", negative ? "-" : "", body->str);
  else
    g_string_append_printf (out, "%s€%s", negative ? "-" : "", body->str);

  if (suffix != NULL)
    g_string_append_printf (out, " %s", suffix);

  return g_string_free (out, FALSE);
}

/* Parsing */

/* Skips ordinary spaces and the no-break spaces that spreadsheets and
 * word processors put between a number and its unit. */
static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      const guchar *u = (const guchar *) p;

      if (u[0] == ' ' || u[0] == '\t')
        p += 1;
      else if (u[0] == 0xC2 && u[1] == 0xA0)
        p += 2;
      else if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        p += 3;
      else
        return p;
    }
}

/* Reads a sign: '+', '-' or the typographic minus '−'. */
static gboolean
read_sign (const char **p,
           gboolean    *negative)
{
  if (**p == '+' || **p == '-')
    {
      *negative = **p == '-';
      *p += 1;
      return TRUE;
    }

  if (g_str_has_prefix (*p, "−"))
    {
      *negative = TRUE;
      *p += strlen ("−");
      return TRUE;
    }

  return FALSE;
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Checks digit groups such as “1.450.000” and appends the digits. The
 * first group has one to three digits and does not start with a zero,
 * every next group exactly three. */
static gboolean
append_grouped (GString    *out,
                const char *text,
                gsize       length,
                char        separator)
{
  gsize group_start = 0;
  gboolean first = TRUE;

  for (gsize i = 0; i <= length; i++)
    {
      gsize group_length;

      if (i < length && text[i] != separator)
        continue;

      group_length = i - group_start;
      if (!all_digits (text + group_start, group_length))
        return FALSE;

      if (first)
        {
          if (group_length < 1 || group_length > 3 || text[group_start] == '0')
            return FALSE;
          first = FALSE;
        }
      else if (group_length != 3)
        {
          return FALSE;
        }

      g_string_append_len (out, text + group_start, group_length);
      group_start = i + 1;
    }

  return TRUE;
}

static gsize
count_char (const char *text,
            gsize       length,
            char        c)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    n += text[i] == c;

  return n;
}

/* Turns the digits and separators the adviser typed into the plain
 * “1450000.50” that g_ascii_strtod() reads. */
static gboolean
normalize_digits (const char     *text,
                  gsize           length,
                  RamingLanguage  language,
                  GString        *out)
{
  char decimal = decimal_separator (language);
  char group = group_separator (language);
  const char *point;
  gsize whole_length;

  if (count_char (text, length, decimal) > 1)
    return FALSE;

  /* “0.89” in a Dutch document: a single point is a thousands separator
   * only when it is followed by exactly three digits, as in “1.450”. */
  if (language == RAMING_LANGUAGE_NL &&
      count_char (text, length, decimal) == 0 &&
      count_char (text, length, group) == 1)
    {
      const char *dot = memchr (text, group, length);
      gsize before = dot - text;
      gsize after = length - before - 1;

      if (after != 3 || before == 0 || text[0] == '0')
        decimal = group;
      else if (before > 3)
        return FALSE;
    }

  point = memchr (text, decimal, length);
  whole_length = point != NULL ? (gsize) (point - text) : length;

  if (whole_length == 0)
    {
      /* “,5” is a half; “,” alone is nothing. */
      if (point == NULL)
        return FALSE;
      g_string_append_c (out, '0');
    }
  else if (memchr (text, group, whole_length) != NULL)
    {
      if (!append_grouped (out, text, whole_length, group))
        return FALSE;
    }
  else
    {
      if (!all_digits (text, whole_length))
        return FALSE;
      g_string_append_len (out, text, whole_length);
    }

  if (point != NULL)
    {
      gsize fraction_length = length - whole_length - 1;

      if (fraction_length == 0 || !all_digits (point + 1, fraction_length))
        return FALSE;

      g_string_append_c (out, '.');
      g_string_append_len (out, point + 1, fraction_length);
    }

  return TRUE;
}

typedef struct
{
  const char *text;
  int         exponent;
} Suffix;

static const Suffix suffixes[] = {
  { "%", -2 },
  { "k", 3 },
  { "mln", 6 },
  { "miljoen", 6 },
  { "million", 6 },
  { "mld", 9 },
  { "miljard", 9 },
  { "bn", 9 },
  { "billion", 9 },
};

static char *
quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *stripped = g_strstrip (g_steal_pointer (&valid));

  if (g_utf8_strlen (stripped, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *start = g_utf8_substring (stripped, 0, MAX_QUOTED_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&stripped);
}

static gboolean
set_not_a_number (const char  *text,
                  GError     **error)
{
  g_autofree char *quoted = quote_text (text);

  g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
               /* Translators: %s is what the adviser typed into a number field */
               _("“%s” is not a number"), quoted);
  return FALSE;
}

/**
 * raming_parse_number:
 * @text: what the adviser typed, such as “€ 1.450.000”, “0,89%” or “1,5 mln”
 * @language: the language of the document, which decides the separators
 * @value: (out): return location for the number
 * @error: return location for a #GError
 *
 * Reads a number typed into a field. Accepts a leading “€”, a sign,
 * thousands separators and a decimal separator in the style of
 * @language, and a suffix “%”, “k”, “mln”, “miljoen”, “million”, “mld”,
 * “miljard”, “bn” or “billion”. Magnitudes above 10^15 are refused.
 *
 * Returns: %TRUE with @value set, or %FALSE with @error set
 *   (%RAMING_FORMULA_ERROR_SYNTAX)
 */
gboolean
raming_parse_number (const char      *text,
                     RamingLanguage   language,
                     double          *value,
                     GError         **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = FALSE;
  gboolean has_sign = FALSE;
  const char *p;
  const char *start;
  const char *suffix_start;
  gsize suffix_length;
  int exponent = 0;
  double number;
  char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (language == RAMING_LANGUAGE_NL || language == RAMING_LANGUAGE_EN, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return set_not_a_number (text, error);

  p = skip_spaces (text);
  if (*p == '\0')
    {
      g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                           _("No number was entered"));
      return FALSE;
    }

  /* Both “-€ 5” and “€ -5” are common. */
  has_sign = read_sign (&p, &negative);
  p = skip_spaces (p);
  if (g_str_has_prefix (p, "€"))
    p = skip_spaces (p + strlen ("€"));
  if (!has_sign)
    {
      read_sign (&p, &negative);
      p = skip_spaces (p);
    }

  start = p;
  while (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
    p++;

  if (p == start || !normalize_digits (start, p - start, language, digits))
    return set_not_a_number (text, error);

  suffix_start = skip_spaces (p);
  p = suffix_start;
  while (*p != '\0' && skip_spaces (p) == p)
    p = g_utf8_next_char (p);
  suffix_length = p - suffix_start;

  if (*skip_spaces (p) != '\0')
    return set_not_a_number (text, error);

  if (suffix_length > 0)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          if (strlen (suffixes[i].text) == suffix_length &&
              g_ascii_strncasecmp (suffix_start, suffixes[i].text, suffix_length) == 0)
            {
              exponent = suffixes[i].exponent;
              known = TRUE;
              break;
            }
        }

      if (!known)
        return set_not_a_number (text, error);
    }

  /* Scaling in decimal, before conversion, gives the double nearest to
   * what was typed: “0,89%” is exactly 0.0089, not 0.89 / 100. */
  g_string_append_printf (digits, "e%d", exponent);
  number = g_ascii_strtod (digits->str, &end);
  g_assert (end != NULL && *end == '\0');

  if (!isfinite (number) || number > MAX_MAGNITUDE)
    {
      g_autofree char *quoted = quote_text (text);

      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                   /* Translators: %s is what the adviser typed into a number field */
                   _("“%s” is too large"), quoted);
      return FALSE;
    }

  *value = negative && number != 0 ? -number : number;

  return TRUE;
}
