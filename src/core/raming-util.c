/* raming-util.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "raming-util.h"

/* Empty text is stored as NULL, so that "" and a missing field are the
 * same thing everywhere (in the file, in comparisons, in undo). */
gboolean
raming_set_str (char       **field,
                const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
raming_set_strv (char              ***field,
                 const char * const  *value)
{
  if (value != NULL && value[0] == NULL)
    value = NULL;
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL &&
      g_strv_equal ((const char * const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

/* NaN means "not given"; two NaNs are the same value here. */
gboolean
raming_double_equal (double a,
                     double b)
{
  if (isnan (a) && isnan (b))
    return TRUE;
  return a == b;
}

gboolean
raming_set_double (double *field,
                   double  value)
{
  if (raming_double_equal (*field, value))
    return FALSE;
  *field = value;
  return TRUE;
}

/* Keys and ids are used in formulas, so they follow the formula syntax. */
gboolean
raming_is_identifier (const char *text)
{
  if (text == NULL || !(g_ascii_isalpha (text[0]) || text[0] == '_'))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return FALSE;
  return strlen (text) <= 64;
}

char *
raming_make_identifier (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p && out->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        g_string_append_c (out, '_');
    }
  while (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 || g_ascii_isdigit (out->str[0]))
    g_string_prepend (out, "m_");
  return g_string_free (out, FALSE);
}
