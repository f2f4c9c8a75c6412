/* random-document.c: seeded random documents and edits for property tests
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents and edits keep to the rules of docs/file-format.md, so
 * that every one of them must load and save; what they vary is all the
 * rest. Everything comes from the GRand passed in: a seed gives the same
 * documents and edits on every machine.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "random-document.h"

static const char * const fragments[] = {
  "Jeugdhulp", "POH bij de huisartsen", "‘Stelsel in groei’", "\"citaat\"", "back\\slash",
  "regel\nnieuwe regel", "tab\there", "€ 1.450.000", "0,89 %", "עברית", "\u202bمرحبا\u202c",
  "\u200f", "\u200e", "Ünïcödé", "日本語", "😀", "\u2028", "\x01", "<b>html</b>", "=SUM(A1)",
  "+31 6", "-", "@cmd", ";", ",", "'", " spaties ", "– Dyslexiezorg", "*", "\u00a0",
  "najaar 2021", "Gemeente Zwolle", "https://example.org/?a=1&b=\"2\"",
};

static const char * const status_ids[] = { "unknown", "none", "to-explore", "not-applicable", "empty" };
static const char * const units[] = { "euro", "percent", "count", "factor" };

typedef struct
{
  GRand          *rand;
  RamingLanguage  language;
  JsonBuilder    *b;
  GPtrArray      *keys;          /* assumption keys, all known up front */
  GPtrArray      *partner_ids;
  GPtrArray      *source_ids;
  GPtrArray      *measure_ids;
  guint           size;
} Gen;

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static const char *
pick (GRand     *rand,
      GPtrArray *list)
{
  if (list->len == 0)
    return NULL;
  return list->pdata[g_rand_int_range (rand, 0, list->len)];
}

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, fragments[g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments))]);
    }
  return g_string_free (text, FALSE);
}

static char *
random_date (GRand *rand)
{
  guint year = g_rand_int_range (rand, 2015, 2031);
  guint month = g_rand_int_range (rand, 1, 13);
  guint day = g_rand_int_range (rand, 1, g_date_get_days_in_month (month, year) + 1);

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Amounts as advisers write them, and some that are not. */
static double
random_amount (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return 0;
    case 1:
      return g_rand_int_range (rand, 0, 5000) * 1000.0;
    case 2:
      return round (g_rand_double_range (rand, 0, 1e7) * 100) / 100;
    case 3:
      return g_rand_double_range (rand, 0, 1e9);
    case 4:
      return g_rand_double_range (rand, 0, 1e-3);
    default:
      return g_rand_int_range (rand, 0, 100);
    }
}

static char *
random_number_text (Gen *g)
{
  double v = random_amount (g->rand);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (g_rand_int_range (g->rand, 0, 4))
    {
    case 0:
      return g_strdup_printf ("%d", g_rand_int_range (g->rand, 0, 1000));
    case 1:
      g_ascii_formatd (buffer, sizeof buffer, "%.6g", v);
      break;
    case 2:
      return g_strdup_printf ("%d%s%d%%", g_rand_int_range (g->rand, 0, 100),
                              g->language == RAMING_LANGUAGE_NL ? "," : ".",
                              g_rand_int_range (g->rand, 0, 100));
    default:
      return g_strdup_printf ("%de%d", g_rand_int_range (g->rand, 1, 10), g_rand_int_range (g->rand, -3, 7));
    }
  if (g->language == RAMING_LANGUAGE_NL)
    g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

static void
append_formula (Gen     *g,
                GString *out,
                guint    depth)
{
  GRand *rand = g->rand;
  const char *separator = g->language == RAMING_LANGUAGE_NL ? "; " : ", ";

  if (depth == 0 || chance (rand, 0.3))
    {
      guint kind = g_rand_int_range (rand, 0, 10);

      if (kind < 4 && g->keys->len > 0)
        g_string_append (out, pick (rand, g->keys));
      else if (kind < 6 && g->partner_ids->len > 0)
        {
          RamingPartnerField field = g_rand_int_range (rand, 0, RAMING_PARTNER_N_FIELDS);

          g_string_append_printf (out, "%s.%s", (char *) pick (rand, g->partner_ids),
                                  raming_partner_field_to_name (field, chance (rand, 0.8) ? g->language
                                                                : !g->language));
        }
      else if (kind == 6)
        g_string_append_printf (out, "onbekend_%u", g_rand_int_range (rand, 0, 3));
      else
        {
          g_autofree char *number = random_number_text (g);

          g_string_append (out, number);
        }
      return;
    }

  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
    case 1:
    case 2:
      {
        static const char * const ops[] = { " + ", " - ", " * ", " / ", "*", "-" };

        append_formula (g, out, depth - 1);
        g_string_append (out, ops[g_rand_int_range (rand, 0, G_N_ELEMENTS (ops))]);
        append_formula (g, out, depth - 1);
      }
      break;
    case 3:
      g_string_append_c (out, '(');
      append_formula (g, out, depth - 1);
      g_string_append_c (out, ')');
      break;
    case 4:
      g_string_append_c (out, '-');
      append_formula (g, out, depth - 1);
      break;
    case 5:
    case 6:
      {
        guint n = g_rand_int_range (rand, 1, 4);

        g_string_append (out, chance (rand, 0.5) ? "min(" : "MAX(");
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (out, separator);
            append_formula (g, out, depth - 1);
          }
        g_string_append_c (out, ')');
      }
      break;
    default:
      g_string_append (out, "round(");
      append_formula (g, out, depth - 1);
      if (chance (rand, 0.5))
        g_string_append_printf (out, "%s%d", separator, g_rand_int_range (rand, -4, 3));
      g_string_append_c (out, ')');
      break;
    }
}

static char *
random_formula (Gen *g)
{
  GString *out = g_string_new ("=");

  append_formula (g, out, g_rand_int_range (g->rand, 0, 4));
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */

static void
add_text_member (Gen        *g,
                 const char *name,
                 double      p)
{
  if (chance (g->rand, p))
    {
      g_autofree char *text = chance (g->rand, 0.05) ? g_strdup ("") : random_text (g->rand);

      json_builder_set_member_name (g->b, name);
      json_builder_add_string_value (g->b, text);
    }
}

static void
add_json_value (Gen   *g,
                guint  depth)
{
  switch (g_rand_int_range (g->rand, 0, depth > 0 ? 7 : 5))
    {
    case 0:
      {
        g_autofree char *text = random_text (g->rand);

        json_builder_add_string_value (g->b, text);
      }
      break;
    case 1:
      json_builder_add_double_value (g->b, g_rand_double_range (g->rand, -1e6, 1e6));
      break;
    case 2:
      json_builder_add_int_value (g->b, g_rand_int (g->rand));
      break;
    case 3:
      json_builder_add_boolean_value (g->b, chance (g->rand, 0.5));
      break;
    case 4:
      json_builder_add_null_value (g->b);
      break;
    case 5:
      json_builder_begin_array (g->b);
      for (guint i = g_rand_int_range (g->rand, 0, 3); i > 0; i--)
        add_json_value (g, depth - 1);
      json_builder_end_array (g->b);
      break;
    default:
      json_builder_begin_object (g->b);
      for (guint i = g_rand_int_range (g->rand, 0, 3); i > 0; i--)
        {
          g_autofree char *name = g_strdup_printf ("x_%u", i);

          json_builder_set_member_name (g->b, name);
          add_json_value (g, depth - 1);
        }
      json_builder_end_object (g->b);
      break;
    }
}

/* A member this version does not know, to be kept. */
static void
add_unknown (Gen *g)
{
  if (chance (g->rand, 0.15))
    {
      json_builder_set_member_name (g->b, chance (g->rand, 0.5) ? "x_extra" : "toekomst");
      add_json_value (g, 2);
    }
}

static void
add_source_ref (Gen *g)
{
  if (g->source_ids->len > 0 && chance (g->rand, 0.3))
    {
      json_builder_set_member_name (g->b, "source");
      json_builder_add_string_value (g->b, pick (g->rand, g->source_ids));
      add_text_member (g, "page", 0.5);
    }
}

static void
add_scalar_cell (Gen      *g,
                 gboolean  with_status)
{
  guint kind = g_rand_int_range (g->rand, 0, with_status ? 3 : 2);

  if (kind == 0)
    json_builder_add_double_value (g->b, random_amount (g->rand));
  else if (kind == 1)
    {
      g_autofree char *formula = random_formula (g);

      json_builder_add_string_value (g->b, formula);
    }
  else
    json_builder_add_string_value (g->b, status_ids[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (status_ids))]);
}

static void
add_cell (Gen        *g,
          const char *name)
{
  if (chance (g->rand, 0.2))
    return;

  json_builder_set_member_name (g->b, name);
  if (chance (g->rand, 0.6))
    {
      add_scalar_cell (g, TRUE);
      return;
    }

  json_builder_begin_object (g->b);
  switch (g_rand_int_range (g->rand, 0, 4))
    {
    case 0:
      json_builder_set_member_name (g->b, "amount");
      json_builder_add_double_value (g->b, random_amount (g->rand));
      break;
    case 1:
      {
        g_autofree char *formula = random_formula (g);

        json_builder_set_member_name (g->b, "formula");
        json_builder_add_string_value (g->b, formula);
      }
      break;
    case 2:
      json_builder_set_member_name (g->b, "status");
      json_builder_add_string_value (g->b, status_ids[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (status_ids))]);
      add_text_member (g, "label", 0.6);
      break;
    default:
      add_text_member (g, "label", 1);
      break;
    }
  if (chance (g->rand, 0.4))
    {
      json_builder_set_member_name (g->b, "low");
      add_scalar_cell (g, FALSE);
    }
  if (chance (g->rand, 0.4))
    {
      json_builder_set_member_name (g->b, "high");
      add_scalar_cell (g, FALSE);
    }
  add_source_ref (g);
  add_text_member (g, "note", 0.2);
  add_unknown (g);
  json_builder_end_object (g->b);
}

static void
add_estimates (Gen *g)
{
  guint n = g_rand_int_range (g->rand, 1, 4);

  json_builder_set_member_name (g->b, "national_estimates");
  json_builder_begin_array (g->b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (g->b);
      add_text_member (g, "label", 0.5);
      if (chance (g->rand, 0.3))
        {
          json_builder_set_member_name (g->b, "max");
          json_builder_add_double_value (g->b, random_amount (g->rand) * 100);
        }
      else
        {
          double low = random_amount (g->rand) * 100;

          json_builder_set_member_name (g->b, "low");
          json_builder_add_double_value (g->b, low);
          json_builder_set_member_name (g->b, "high");
          json_builder_add_double_value (g->b, low + random_amount (g->rand) * 100);
        }
      add_source_ref (g);
      add_unknown (g);
      json_builder_end_object (g->b);
    }
  json_builder_end_array (g->b);
}

static void
add_results (Gen *g)
{
  guint n = g_rand_int_range (g->rand, 1, 4);

  json_builder_set_member_name (g->b, "results");
  json_builder_begin_array (g->b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (g->b);
      json_builder_set_member_name (g->b, "value");
      add_scalar_cell (g, FALSE);
      if (chance (g->rand, 0.7))
        {
          g_autofree char *label = g_strdup_printf ("%u ev", g_rand_int_range (g->rand, 2018, 2025));

          json_builder_set_member_name (g->b, "label");
          json_builder_add_string_value (g->b, label);
        }
      add_source_ref (g);
      add_unknown (g);
      json_builder_end_object (g->b);
    }
  json_builder_end_array (g->b);
}

static void
add_measures (Gen   *g,
              guint  depth,
              guint  n)
{
  json_builder_begin_array (g->b);
  for (guint i = 0; i < n; i++)
    {
      char *id = g_strdup_printf ("m_%u", g->measure_ids->len);
      gboolean group = depth < 3 && chance (g->rand, 0.25);

      g_ptr_array_add (g->measure_ids, id);
      json_builder_begin_object (g->b);
      json_builder_set_member_name (g->b, "id");
      json_builder_add_string_value (g->b, id);
      add_text_member (g, "title", 0.9);
      add_text_member (g, "note", 0.2);
      add_text_member (g, "footnote", 0.1);
      add_source_ref (g);

      if (chance (g->rand, 0.3))
        add_estimates (g);
      else
        add_cell (g, "national");

      if (group)
        {
          if (chance (g->rand, 0.5))
            {
              json_builder_set_member_name (g->b, "group");
              json_builder_add_boolean_value (g->b, TRUE);
            }
          json_builder_set_member_name (g->b, "children");
          add_measures (g, depth + 1, g_rand_int_range (g->rand, 0, 4));
        }
      else
        {
          if (chance (g->rand, 0.3))
            add_results (g);
          else
            add_cell (g, "result");
          add_cell (g, "original");
          add_cell (g, "realistic");
        }
      add_unknown (g);
      json_builder_end_object (g->b);
    }
  json_builder_end_array (g->b);
}

static void
add_id_list (Gen *g)
{
  if (g->measure_ids->len > 0 && chance (g->rand, 0.6))
    {
      json_builder_set_member_name (g->b, "measures");
      json_builder_begin_array (g->b);
      for (guint i = g_rand_int_range (g->rand, 1, 4); i > 0; i--)
        json_builder_add_string_value (g->b, pick (g->rand, g->measure_ids));
      json_builder_end_array (g->b);
    }
}

static void
add_assumptions (Gen *g)
{
  gboolean have_macro = FALSE, have_target = FALSE;

  json_builder_begin_array (g->b);
  for (guint i = 0; i < g->keys->len; i++)
    {
      const char *unit = units[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (units))];
      const char *role = NULL;
      gboolean formula = chance (g->rand, 0.4);
      double value = random_amount (g->rand);

      if (!have_macro && chance (g->rand, 0.3))
        {
          role = "macro-share";
          have_macro = TRUE;
          value = g_rand_double_range (g->rand, 0.0001, 1);
          unit = "percent";
        }
      else if (!have_target && chance (g->rand, 0.3))
        {
          role = "savings-target";
          have_target = TRUE;
        }
      else if (!g_str_equal (unit, "count") && chance (g->rand, 0.3))
        value = -value;

      json_builder_begin_object (g->b);
      json_builder_set_member_name (g->b, "key");
      json_builder_add_string_value (g->b, g->keys->pdata[i]);
      add_text_member (g, "label", 0.7);
      json_builder_set_member_name (g->b, "value");
      if (formula)
        {
          g_autofree char *text = random_formula (g);

          json_builder_add_string_value (g->b, text);
        }
      else
        json_builder_add_double_value (g->b, value);

      if (chance (g->rand, 0.4))
        {
          double spread = fabs (value) * g_rand_double_range (g->rand, 0, 0.5) + 1;
          double low = formula ? -spread : value - spread;
          double high = formula ? spread : value + spread;

          if (chance (g->rand, 0.8))
            {
              json_builder_set_member_name (g->b, "low");
              json_builder_add_double_value (g->b, low);
            }
          if (chance (g->rand, 0.8))
            {
              json_builder_set_member_name (g->b, "high");
              json_builder_add_double_value (g->b, high);
            }
        }
      json_builder_set_member_name (g->b, "unit");
      json_builder_add_string_value (g->b, unit);
      if (role != NULL)
        {
          json_builder_set_member_name (g->b, "role");
          json_builder_add_string_value (g->b, role);
        }
      if (chance (g->rand, 0.5))
        {
          json_builder_set_member_name (g->b, "status");
          json_builder_add_string_value (g->b, chance (g->rand, 0.5) ? "final" : "provisional");
        }
      add_source_ref (g);
      add_text_member (g, "note", 0.3);
      add_unknown (g);
      json_builder_end_object (g->b);
    }
  json_builder_end_array (g->b);
}

static void
add_partners (Gen *g)
{
  static const char * const fields[] = { "count", "coverage", "target_coverage", "referrals" };

  json_builder_begin_array (g->b);
  for (guint i = 0; i < g->partner_ids->len; i++)
    {
      json_builder_begin_object (g->b);
      json_builder_set_member_name (g->b, "id");
      json_builder_add_string_value (g->b, g->partner_ids->pdata[i]);
      add_text_member (g, "name", 0.8);
      if (chance (g->rand, 0.7))
        {
          json_builder_set_member_name (g->b, "kind");
          json_builder_add_string_value (g->b, chance (g->rand, 0.5) ? "referrer" : "partner");
        }
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (chance (g->rand, 0.7))
          {
            json_builder_set_member_name (g->b, fields[f]);
            if (f == 1 || f == 2)
              json_builder_add_double_value (g->b, g_rand_double (g->rand));
            else
              json_builder_add_int_value (g->b, g_rand_int_range (g->rand, 0, 2000));
          }
      add_text_member (g, "note", 0.3);
      add_source_ref (g);
      add_id_list (g);
      add_unknown (g);
      json_builder_end_object (g->b);
    }
  json_builder_end_array (g->b);
}

static void
add_actions (Gen   *g,
             guint  n)
{
  static const char * const statuses[] = { "open", "in-progress", "done", "dropped" };

  json_builder_begin_array (g->b);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("actie-%u", i);
      g_autofree char *title = random_text (g->rand);

      json_builder_begin_object (g->b);
      json_builder_set_member_name (g->b, "id");
      json_builder_add_string_value (g->b, id);
      json_builder_set_member_name (g->b, "title");
      json_builder_add_string_value (g->b, title);
      add_text_member (g, "description", 0.4);
      add_text_member (g, "owner", 0.5);
      add_text_member (g, "period", 0.3);
      if (chance (g->rand, 0.5))
        {
          g_autofree char *due = random_date (g->rand);

          json_builder_set_member_name (g->b, "due");
          json_builder_add_string_value (g->b, due);
        }
      if (chance (g->rand, 0.7))
        {
          json_builder_set_member_name (g->b, "status");
          json_builder_add_string_value (g->b, statuses[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (statuses))]);
        }
      add_id_list (g);
      add_source_ref (g);
      add_unknown (g);
      json_builder_end_object (g->b);
    }
  json_builder_end_array (g->b);
}

char *
random_document_text (GRand *rand,
                      guint  size)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) partner_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) source_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) measure_ids = g_ptr_array_new_with_free_func (g_free);
  Gen g = { rand, chance (rand, 0.7) ? RAMING_LANGUAGE_NL : RAMING_LANGUAGE_EN, b,
            keys, partner_ids, source_ids, measure_ids, size };
  guint n;

  for (n = g_rand_int_range (rand, 0, size + 2); n > 0; n--)
    g_ptr_array_add (keys, g_strdup_printf (chance (rand, 0.5) ? "a%u" : "aanname_%u", keys->len));
  for (n = g_rand_int_range (rand, 0, 4); n > 0; n--)
    g_ptr_array_add (partner_ids, g_strdup_printf ("partner%u", partner_ids->len));
  for (n = g_rand_int_range (rand, 0, 4); n > 0; n--)
    g_ptr_array_add (source_ids, g_strdup_printf ("bron_%u", source_ids->len));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "raming");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);

  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  add_text_member (&g, "title", 0.8);
  add_text_member (&g, "municipality", 0.6);
  add_text_member (&g, "note_title", 0.4);
  if (chance (rand, 0.5))
    {
      g_autofree char *date = random_date (rand);

      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, date);
    }
  if (g.language == RAMING_LANGUAGE_EN || chance (rand, 0.5))
    {
      json_builder_set_member_name (b, "language");
      json_builder_add_string_value (b, g.language == RAMING_LANGUAGE_EN ? "en" : "nl");
    }
  add_unknown (&g);
  json_builder_end_object (b);

  if (chance (rand, 0.9))
    {
      static const double roundings[] = { 0, 1, 100, 1000, 1e6, 0.5 };

      json_builder_set_member_name (b, "settings");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rounding");
      json_builder_add_double_value (b, roundings[g_rand_int_range (rand, 0, G_N_ELEMENTS (roundings))]);
      json_builder_set_member_name (b, "uncertainty_seed");
      json_builder_add_int_value (b, g_rand_int (rand));
      /* Few draws: the band is computed at every load. */
      json_builder_set_member_name (b, "uncertainty_samples");
      json_builder_add_int_value (b, g_rand_int_range (rand, 0, 300));
      if (chance (rand, 0.5))
        {
          json_builder_set_member_name (b, "show_national_total");
          json_builder_add_boolean_value (b, chance (rand, 0.5));
          json_builder_set_member_name (b, "show_group_subtotals");
          json_builder_add_boolean_value (b, chance (rand, 0.5));
        }
      add_unknown (&g);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < source_ids->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, source_ids->pdata[i]);
      add_text_member (&g, "title", 0.8);
      add_text_member (&g, "author", 0.5);
      if (chance (rand, 0.5))
        {
          g_autofree char *year = g_strdup_printf ("%u", g_rand_int_range (rand, 2000, 2030));

          json_builder_set_member_name (b, "year");
          json_builder_add_string_value (b, year);
        }
      add_text_member (&g, "url", 0.3);
      add_text_member (&g, "note", 0.3);
      add_unknown (&g);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* Measures before assumptions, so that the measure ids are known for
   * partners and actions; the order in the file does not matter. */
  json_builder_set_member_name (b, "measures");
  add_measures (&g, 0, g_rand_int_range (rand, 0, size + 1));
  json_builder_set_member_name (b, "assumptions");
  add_assumptions (&g);
  json_builder_set_member_name (b, "partners");
  add_partners (&g);
  json_builder_set_member_name (b, "actions");
  add_actions (&g, g_rand_int_range (rand, 0, 4));
  add_unknown (&g);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, chance (rand, 0.5));
  return json_generator_to_data (generator, NULL);
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

static void
collect_measure (gpointer item,
                 gpointer user_data)
{
  g_ptr_array_add (user_data, item);
}

static GPtrArray *
all_measures (RamingDocument *document)
{
  GPtrArray *measures = g_ptr_array_new ();

  raming_document_foreach_measure (document, collect_measure, measures);
  return measures;
}

static GListModel *
list_of (RamingDocument *document,
         RamingMeasure  *measure)
{
  RamingMeasure *parent = raming_measure_get_parent (measure);

  return parent != NULL ? raming_measure_get_children (parent) : raming_document_get_measures (document);
}

static guint
position_in (GListModel *list,
             gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);

      if ((gpointer) other == item)
        return i;
    }
  g_assert_not_reached ();
}

static gpointer
random_item (GRand      *rand,
             GListModel *list,
             guint      *position)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GObject) item = NULL;

  if (n == 0)
    return NULL;
  *position = g_rand_int_range (rand, 0, n);
  item = g_list_model_get_item (list, *position);
  return item;   /* the list keeps it alive */
}

static GPtrArray *
names_in_document (RamingDocument *document)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GListModel *assumptions = raming_document_get_assumptions (document);
  GListModel *partners = raming_document_get_partners (document);

  for (guint i = 0; i < g_list_model_get_n_items (assumptions); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (assumptions, i);

      g_ptr_array_add (names, g_strdup (raming_assumption_get_key (a)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RamingPartner) p = g_list_model_get_item (partners, i);

      g_ptr_array_add (names, g_strdup (raming_partner_get_id (p)));
    }
  return names;
}

static char *
edit_formula (RamingDocument *document,
              GRand          *rand)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) partner_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  GListModel *assumptions = raming_document_get_assumptions (document);
  GListModel *partners = raming_document_get_partners (document);
  Gen g = { rand, raming_document_get_language (document), NULL, keys, partner_ids, none, none, 0 };

  for (guint i = 0; i < g_list_model_get_n_items (assumptions); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (assumptions, i);

      g_ptr_array_add (keys, g_strdup (raming_assumption_get_key (a)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RamingPartner) p = g_list_model_get_item (partners, i);

      g_ptr_array_add (partner_ids, g_strdup (raming_partner_get_id (p)));
    }
  return random_formula (&g);
}

static const char *
random_source_id (RamingDocument *document,
                  GRand          *rand)
{
  GListModel *sources = raming_document_get_sources (document);
  guint position;
  RamingSource *source = random_item (rand, sources, &position);

  return source != NULL && chance (rand, 0.7) ? raming_source_get_id (source) : NULL;
}

static RamingCellInput *
random_input (RamingDocument *document,
              GRand          *rand,
              gboolean        with_status)
{
  RamingLanguage language = raming_document_get_language (document);
  RamingCellInput *input;

  switch (g_rand_int_range (rand, 0, with_status ? 5 : 3))
    {
    case 0:
      input = raming_cell_input_new_amount (random_amount (rand));
      break;
    case 1:
    case 2:
      {
        g_autofree char *text = edit_formula (document, rand);

        input = raming_cell_input_new_formula (text, language);
      }
      break;
    case 3:
      {
        g_autofree char *label = chance (rand, 0.5) ? random_text (rand) : NULL;

        input = raming_cell_input_new_status (g_rand_int_range (rand, RAMING_CELL_STATUS_UNKNOWN,
                                                                RAMING_CELL_STATUS_EMPTY + 1),
                                              label);
      }
      break;
    default:
      input = raming_cell_input_new_blank ();
      break;
    }

  if (with_status && raming_cell_input_get_kind (input) != RAMING_CELL_INPUT_BLANK && chance (rand, 0.3))
    {
      g_autoptr(RamingCellInput) low = random_input (document, rand, FALSE);
      g_autoptr(RamingCellInput) high = random_input (document, rand, FALSE);
      RamingCellInput *ranged = raming_cell_input_copy_with_range (input, low, high);

      raming_cell_input_unref (input);
      input = ranged;
    }
  if (with_status && chance (rand, 0.2))
    {
      g_autofree char *page = chance (rand, 0.5) ? random_text (rand) : NULL;
      g_autofree char *note = chance (rand, 0.5) ? random_text (rand) : NULL;
      RamingCellInput *with_meta = raming_cell_input_copy_with_meta (input, random_source_id (document, rand),
                                                                     page, note);

      raming_cell_input_unref (input);
      input = with_meta;
    }
  return input;
}

static void
edit_text (RamingDocument *document,
           gpointer        object,
           const char     *property,
           GRand          *rand)
{
  g_autofree char *text = chance (rand, 0.15) ? NULL : random_text (rand);

  raming_document_edit (document, object, property, text, NULL);
}

static void
edit_measure_cell (RamingDocument *document,
                   GRand          *rand,
                   GString        *log)
{
  g_autoptr(GPtrArray) measures = all_measures (document);
  RamingMeasure *m;
  RamingColumn column;
  g_autoptr(RamingCellInput) input = NULL;

  if (measures->len == 0)
    return;
  m = measures->pdata[g_rand_int_range (rand, 0, measures->len)];
  column = raming_measure_get_is_group (m) ? RAMING_COLUMN_NATIONAL
                                           : (RamingColumn) g_rand_int_range (rand, 0, RAMING_N_COLUMNS);
  input = random_input (document, rand, TRUE);
  g_string_append_printf (log, "cell %s.%s; ", raming_measure_get_id (m), raming_column_to_property (column));
  raming_document_edit (document, m, raming_column_to_property (column), input, NULL);
}

static void
edit_measure_field (RamingDocument *document,
                    GRand          *rand,
                    GString        *log)
{
  g_autoptr(GPtrArray) measures = all_measures (document);
  static const char * const fields[] = { "title", "note", "footnote", "page", "source", "id" };
  const char *field = fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))];
  RamingMeasure *m;

  if (measures->len == 0)
    return;
  m = measures->pdata[g_rand_int_range (rand, 0, measures->len)];
  g_string_append_printf (log, "measure %s.%s; ", raming_measure_get_id (m), field);
  if (g_str_equal (field, "source"))
    raming_document_edit (document, m, "source", random_source_id (document, rand), NULL);
  else if (g_str_equal (field, "id"))
    {
      g_autofree char *title = random_text (rand);
      g_autofree char *id = raming_document_make_measure_id (document, title);

      raming_document_edit (document, m, "id", id, NULL);
    }
  else
    edit_text (document, m, field, rand);
}

static char *
fresh_name (RamingDocument *document,
            const char     *prefix,
            GRand          *rand)
{
  g_autoptr(GPtrArray) names = names_in_document (document);

  for (;;)
    {
      char *name = g_strdup_printf ("%s%u", prefix, g_rand_int_range (rand, 0, 100000));
      gboolean taken = FALSE;

      for (guint i = 0; i < names->len && !taken; i++)
        taken = g_str_equal (names->pdata[i], name);
      if (!taken)
        return name;
      g_free (name);
    }
}

/* A value the loader accepts for this assumption: within its range, not
 * negative for counts and the savings target, a share for the macro
 * share. */
static void
edit_assumption (RamingDocument *document,
                 GRand          *rand,
                 GString        *log)
{
  GListModel *assumptions = raming_document_get_assumptions (document);
  guint position;
  RamingAssumption *a = random_item (rand, assumptions, &position);
  RamingAssumptionRole role;

  if (a == NULL)
    return;
  role = raming_assumption_get_role (a);
  g_string_append_printf (log, "assumption %s ", raming_assumption_get_key (a));

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
    case 1:
      {
        g_autoptr(RamingCellInput) input = NULL;
        double v;

        if (chance (rand, 0.4))
          {
            g_autofree char *text = edit_formula (document, rand);

            input = raming_cell_input_new_formula (text, raming_document_get_language (document));
            g_string_append (log, "formula; ");
          }
        else
          {
            v = role == RAMING_ASSUMPTION_ROLE_MACRO_SHARE ? g_rand_double_range (rand, 0.0001, 1)
                                                           : random_amount (rand);
            if (role == RAMING_ASSUMPTION_ROLE_NONE && raming_assumption_get_unit (a) != RAMING_UNIT_COUNT &&
                chance (rand, 0.3))
              v = -v;
            input = raming_cell_input_new_amount (v);
            g_string_append_printf (log, "value %g; ", v);
          }
        /* The range goes with it, as one step. */
        raming_document_begin_edit (document, "Waarde");
        raming_document_edit (document, a, "low", NAN, "high", NAN, NULL);
        raming_document_edit (document, a, "input", input, NULL);
        if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT && chance (rand, 0.5))
          {
            double x = raming_cell_input_get_amount (input);

            raming_document_edit (document, a, "low", x - fabs (x) / 2 - 1, "high", x + fabs (x) / 2 + 1, NULL);
          }
        raming_document_end_edit (document);
      }
      break;
    case 2:
      edit_text (document, a, chance (rand, 0.5) ? "label" : "note", rand);
      g_string_append (log, "text; ");
      break;
    case 3:
      {
        g_autofree char *key = fresh_name (document, "sleutel", rand);

        g_string_append_printf (log, "key %s; ", key);
        raming_document_edit (document, a, "key", key, NULL);
      }
      break;
    case 4:
      {
        RamingCellInput *input = raming_assumption_get_input (a);
        gboolean negative = raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT &&
                            raming_cell_input_get_amount (input) < 0;
        RamingUnit unit = g_rand_int_range (rand, 0, RAMING_UNIT_FACTOR + 1);

        if (!(unit == RAMING_UNIT_COUNT && negative))
          raming_document_edit (document, a, "unit", unit, NULL);
        g_string_append (log, "unit; ");
      }
      break;
    case 5:
      raming_document_edit (document, a,
                            "status", chance (rand, 0.5) ? RAMING_ASSUMPTION_PROVISIONAL : RAMING_ASSUMPTION_FINAL,
                            "source", random_source_id (document, rand),
                            NULL);
      g_string_append (log, "status and source; ");
      break;
    default:
      {
        RamingCellInput *input = raming_assumption_get_input (a);

        /* A range around the value; any range for a formula. */
        if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT)
          {
            double x = raming_cell_input_get_amount (input);

            raming_document_edit (document, a, "low", x - g_rand_double_range (rand, 0, 1000),
                                  "high", x + g_rand_double_range (rand, 0, 1000), NULL);
          }
        else
          raming_document_edit (document, a, "low", -1.0, "high", g_rand_double_range (rand, 0, 1e6), NULL);
        g_string_append (log, "range; ");
      }
      break;
    }
}

static char **
random_measure_ids (RamingDocument *document,
                    GRand          *rand)
{
  g_autoptr(GPtrArray) measures = all_measures (document);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = g_rand_int_range (rand, 0, 3); i > 0 && measures->len > 0; i--)
    g_strv_builder_add (builder, raming_measure_get_id (measures->pdata[g_rand_int_range (rand, 0, measures->len)]));
  return g_strv_builder_end (builder);
}

static void
edit_partner (RamingDocument *document,
              GRand          *rand,
              GString        *log)
{
  guint position;
  RamingPartner *p = random_item (rand, raming_document_get_partners (document), &position);

  if (p == NULL)
    return;
  g_string_append_printf (log, "partner %s ", raming_partner_get_id (p));
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
    case 1:
      {
        RamingPartnerField field = g_rand_int_range (rand, 0, RAMING_PARTNER_N_FIELDS);
        double value = field == RAMING_PARTNER_FIELD_COVERAGE || field == RAMING_PARTNER_FIELD_TARGET_COVERAGE
                       ? g_rand_double (rand) : g_rand_int_range (rand, 0, 5000);

        if (chance (rand, 0.1))
          value = NAN;
        g_string_append_printf (log, "%s = %g; ", raming_partner_field_to_property (field), value);
        raming_document_edit (document, p, raming_partner_field_to_property (field), value, NULL);
      }
      break;
    case 2:
      {
        g_auto(GStrv) ids = random_measure_ids (document, rand);

        raming_document_edit (document, p, "measures", ids, NULL);
        g_string_append (log, "measures; ");
      }
      break;
    case 3:
      raming_document_edit (document, p, "kind", chance (rand, 0.5) ? RAMING_PARTNER_REFERRER : RAMING_PARTNER_PARTNER,
                            "source", random_source_id (document, rand), NULL);
      edit_text (document, p, chance (rand, 0.5) ? "name" : "note", rand);
      g_string_append (log, "kind, source and text; ");
      break;
    default:
      {
        g_autofree char *id = fresh_name (document, "verwijzer", rand);

        raming_document_edit (document, p, "id", id, NULL);
        g_string_append_printf (log, "id %s; ", id);
      }
      break;
    }
}

static void
edit_action (RamingDocument *document,
             GRand          *rand,
             GString        *log)
{
  guint position;
  RamingAction *a = random_item (rand, raming_document_get_actions (document), &position);

  if (a == NULL)
    return;
  g_string_append_printf (log, "action %s; ", raming_action_get_id (a));
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      {
        g_autofree char *title = random_text (rand);

        raming_document_edit (document, a, "title", title, NULL);
      }
      edit_text (document, a, chance (rand, 0.5) ? "owner" : "description", rand);
      break;
    case 1:
      {
        g_autofree char *due = chance (rand, 0.8) ? random_date (rand) : NULL;

        raming_document_edit (document, a, "due", due, "status", g_rand_int_range (rand, 0, RAMING_ACTION_DROPPED + 1),
                              NULL);
      }
      break;
    case 2:
      {
        g_auto(GStrv) ids = random_measure_ids (document, rand);

        raming_document_edit (document, a, "measures", ids, NULL);
      }
      break;
    default:
      raming_document_edit (document, a, "source", random_source_id (document, rand), NULL);
      edit_text (document, a, "period", rand);
      break;
    }
}

static void
edit_source (RamingDocument *document,
             GRand          *rand,
             GString        *log)
{
  static const char * const fields[] = { "title", "author", "year", "url", "note" };
  guint position;
  RamingSource *s = random_item (rand, raming_document_get_sources (document), &position);

  if (s == NULL)
    return;
  g_string_append_printf (log, "source %s; ", raming_source_get_id (s));
  edit_text (document, s, fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))], rand);
}

static void
edit_document (RamingDocument *document,
               GRand          *rand,
               GString        *log)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      edit_text (document, document, chance (rand, 0.5) ? "title" : "municipality", rand);
      g_string_append (log, "document text; ");
      break;
    case 1:
      {
        g_autofree char *date = chance (rand, 0.8) ? random_date (rand) : NULL;

        raming_document_edit (document, document, "date", date, NULL);
        g_string_append (log, "document date; ");
      }
      break;
    case 2:
      {
        static const double roundings[] = { 0, 1, 1000, 1e6 };

        raming_document_edit (document, document,
                              "rounding", roundings[g_rand_int_range (rand, 0, G_N_ELEMENTS (roundings))],
                              "uncertainty-seed", g_rand_int (rand),
                              "uncertainty-samples", (guint) g_rand_int_range (rand, 0, 300),
                              NULL);
        g_string_append (log, "settings; ");
      }
      break;
    case 3:
      raming_document_edit (document, document,
                            "show-national-total", chance (rand, 0.5),
                            "show-group-subtotals", chance (rand, 0.5), NULL);
      g_string_append (log, "display; ");
      break;
    default:
      {
        RamingLanguage language = chance (rand, 0.5) ? RAMING_LANGUAGE_NL : RAMING_LANGUAGE_EN;

        raming_document_edit (document, document, "language", language, NULL);
        g_string_append_printf (log, "language %s; ", language == RAMING_LANGUAGE_EN ? "en" : "nl");
      }
      break;
    }
}

static RamingMeasure *
new_measure (RamingDocument *document,
             GRand          *rand)
{
  g_autofree char *title = random_text (rand);
  g_autofree char *id = raming_document_make_measure_id (document, title);
  RamingMeasure *m;

  if (chance (rand, 0.2))
    return raming_measure_new_group (id, title);

  m = raming_measure_new (id, title);
  for (RamingColumn c = RAMING_COLUMN_RESULT; c < RAMING_N_COLUMNS; c++)
    if (chance (rand, 0.5))
      {
        g_autoptr(RamingCellInput) input = random_input (document, rand, TRUE);

        raming_measure_set_input (m, c, input);
      }
  return m;
}

/* How many levels of groups lie below a measure. */
static guint
subtree_height (RamingMeasure *measure)
{
  GListModel *children = raming_measure_get_children (measure);
  guint height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(RamingMeasure) child = g_list_model_get_item (children, i);

      height = MAX (height, 1 + subtree_height (child));
    }
  return height;
}

/* The groups a measure can go into: groups nest at most 8 deep, and a
 * group never goes into itself. */
static GPtrArray *
target_lists (RamingDocument *document,
              RamingMeasure  *moving)
{
  g_autoptr(GPtrArray) measures = all_measures (document);
  GPtrArray *lists = g_ptr_array_new ();
  guint height = moving != NULL ? subtree_height (moving) : 0;

  g_ptr_array_add (lists, raming_document_get_measures (document));
  for (guint i = 0; i < measures->len; i++)
    {
      RamingMeasure *m = measures->pdata[i];
      gboolean inside = FALSE;

      if (!raming_measure_get_is_group (m) || raming_measure_get_depth (m) + 1 + height > 8)
        continue;
      for (RamingMeasure *p = m; p != NULL && !inside; p = raming_measure_get_parent (p))
        inside = p == moving;
      if (!inside)
        g_ptr_array_add (lists, raming_measure_get_children (m));
    }
  return lists;
}

static void
edit_structure (RamingDocument *document,
                GRand          *rand,
                GString        *log)
{
  switch (g_rand_int_range (rand, 0, 14))
    {
    case 0:
    case 1:
      {
        g_autoptr(RamingMeasure) m = new_measure (document, rand);
        g_autoptr(GPtrArray) lists = target_lists (document, NULL);
        GListModel *list = lists->pdata[g_rand_int_range (rand, 0, lists->len)];

        g_string_append_printf (log, "insert measure %s; ", raming_measure_get_id (m));
        raming_document_insert_item (document, list, g_rand_int_range (rand, 0, g_list_model_get_n_items (list) + 1), m);
      }
      break;
    case 2:
      {
        g_autoptr(GPtrArray) measures = all_measures (document);
        RamingMeasure *m;
        GListModel *list;

        if (measures->len == 0)
          break;
        m = measures->pdata[g_rand_int_range (rand, 0, measures->len)];
        list = list_of (document, m);
        g_string_append_printf (log, "remove measure %s; ", raming_measure_get_id (m));
        raming_document_remove_item (document, list, position_in (list, m));
      }
      break;
    case 3:
    case 4:
      {
        g_autoptr(GPtrArray) measures = all_measures (document);
        g_autoptr(GPtrArray) lists = NULL;
        RamingMeasure *m;
        GListModel *from, *to;

        if (measures->len == 0)
          break;
        m = measures->pdata[g_rand_int_range (rand, 0, measures->len)];
        lists = target_lists (document, m);
        from = list_of (document, m);
        to = lists->pdata[g_rand_int_range (rand, 0, lists->len)];
        g_string_append_printf (log, "move measure %s; ", raming_measure_get_id (m));
        raming_document_move_item (document, from, position_in (from, m), to,
                                   g_rand_int_range (rand, 0, g_list_model_get_n_items (to) + 1));
      }
      break;
    case 5:
      {
        /* Any kind of list: insert a new item. */
        GListModel *list;
        g_autoptr(GObject) item = NULL;

        switch (g_rand_int_range (rand, 0, 4))
          {
          case 0:
            {
              g_autofree char *key = fresh_name (document, "nieuw", rand);
              RamingAssumption *a = raming_assumption_new (key, random_amount (rand));

              item = G_OBJECT (a);
              list = raming_document_get_assumptions (document);
            }
            break;
          case 1:
            {
              g_autofree char *id = fresh_name (document, "partner", rand);

              item = G_OBJECT (raming_partner_new (id, "Nieuwe partner"));
              list = raming_document_get_partners (document);
            }
            break;
          case 2:
            {
              g_autofree char *id = g_strdup_printf ("actie-nieuw-%u", g_rand_int (rand));
              g_autofree char *title = random_text (rand);

              item = G_OBJECT (raming_action_new (id, title));
              list = raming_document_get_actions (document);
            }
            break;
          default:
            {
              g_autofree char *id = g_strdup_printf ("bron-nieuw-%u", g_rand_int (rand));

              item = G_OBJECT (raming_source_new (id));
              list = raming_document_get_sources (document);
            }
            break;
          }
        g_string_append_printf (log, "insert %s; ", G_OBJECT_TYPE_NAME (item));
        raming_document_insert_item (document, list, g_rand_int_range (rand, 0, g_list_model_get_n_items (list) + 1),
                                     item);
      }
      break;
    case 6:
    case 7:
    case 8:
      {
        /* Remove or move an assumption, partner, action or source. */
        GListModel *lists[] = {
          raming_document_get_assumptions (document), raming_document_get_partners (document),
          raming_document_get_actions (document), raming_document_get_sources (document),
        };
        GListModel *list = lists[g_rand_int_range (rand, 0, G_N_ELEMENTS (lists))];
        guint n = g_list_model_get_n_items (list);
        guint position;

        if (n == 0)
          break;
        position = g_rand_int_range (rand, 0, n);
        if (chance (rand, 0.5))
          {
            g_string_append_printf (log, "remove item %u of %u; ", position, n);
            raming_document_remove_item (document, list, position);
          }
        else
          {
            g_string_append_printf (log, "move item %u of %u; ", position, n);
            raming_document_move_item (document, list, position, list, g_rand_int_range (rand, 0, n));
          }
      }
      break;
    case 9:
    case 10:
      {
        /* National estimates: add one, or remove one. */
        g_autoptr(GPtrArray) measures = all_measures (document);
        RamingMeasure *m;
        GListModel *estimates;

        if (measures->len == 0)
          break;
        m = measures->pdata[g_rand_int_range (rand, 0, measures->len)];
        estimates = raming_measure_get_estimates (m);
        if (g_list_model_get_n_items (estimates) > 0 && chance (rand, 0.4))
          {
            g_string_append_printf (log, "remove estimate of %s; ", raming_measure_get_id (m));
            raming_document_remove_item (document, estimates, g_rand_int_range (rand, 0, g_list_model_get_n_items (estimates)));
          }
        else
          {
            g_autofree char *label = random_text (rand);
            double low = random_amount (rand) * 100;
            g_autoptr(RamingEstimate) e = chance (rand, 0.3)
                                          ? raming_estimate_new_maximum (label, low)
                                          : raming_estimate_new_range (label, low, low + random_amount (rand));

            raming_estimate_set_source (e, random_source_id (document, rand));
            g_string_append_printf (log, "add estimate to %s; ", raming_measure_get_id (m));
            raming_document_insert_item (document, estimates, g_list_model_get_n_items (estimates), e);
          }
      }
      break;
    default:
      {
        /* Results per year: add one, or remove one. */
        g_autoptr(GPtrArray) measures = all_measures (document);
        RamingMeasure *m;
        GListModel *results;

        if (measures->len == 0)
          break;
        m = measures->pdata[g_rand_int_range (rand, 0, measures->len)];
        if (raming_measure_get_is_group (m))
          break;
        results = raming_measure_get_results (m);
        if (g_list_model_get_n_items (results) > 0 && chance (rand, 0.4))
          {
            g_string_append_printf (log, "remove result of %s; ", raming_measure_get_id (m));
            raming_document_remove_item (document, results, g_rand_int_range (rand, 0, g_list_model_get_n_items (results)));
          }
        else
          {
            g_autoptr(RamingCellInput) input = random_input (document, rand, FALSE);
            g_autofree char *label = g_strdup_printf ("%u", g_rand_int_range (rand, 2018, 2025));
            g_autoptr(RamingResultEntry) entry = NULL;

            if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_BLANK)
              break;
            entry = raming_result_entry_new (input, label);
            raming_result_entry_set_source (entry, random_source_id (document, rand));
            g_string_append_printf (log, "add result to %s; ", raming_measure_get_id (m));
            raming_document_insert_item (document, results, g_list_model_get_n_items (results), entry);
          }
      }
      break;
    }
}

static void
one_edit (RamingDocument *document,
          GRand          *rand,
          GString        *log)
{
  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
    case 1:
      edit_measure_cell (document, rand, log);
      break;
    case 2:
      edit_measure_field (document, rand, log);
      break;
    case 3:
      edit_assumption (document, rand, log);
      break;
    case 4:
      edit_partner (document, rand, log);
      break;
    case 5:
      edit_action (document, rand, log);
      break;
    case 6:
      edit_source (document, rand, log);
      break;
    case 7:
      edit_document (document, rand, log);
      break;
    default:
      edit_structure (document, rand, log);
      break;
    }
}

void
random_document_edit (RamingDocument *document,
                      GRand          *rand,
                      GString        *log)
{
  if (chance (rand, 0.15))
    {
      /* Several edits as one step, as the window does for a paste. */
      g_string_append (log, "[ ");
      raming_document_begin_edit (document, "Meerdere wijzigingen");
      for (guint i = g_rand_int_range (rand, 2, 5); i > 0; i--)
        one_edit (document, rand, log);
      raming_document_end_edit (document);
      g_string_append (log, "] ");
    }
  else
    {
      /* Some edits take more than one call (a field and a text); the
       * window makes each of its actions one step, and so does this. */
      raming_document_begin_edit (document, NULL);
      one_edit (document, rand, log);
      raming_document_end_edit (document);
    }
}
