/* raming-document-io.c: reading and writing .raming files
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading is all or nothing: the whole file is checked while a detached
 * document is built, and only a document that passed every check is
 * returned (and goes live). Any problem is a GError naming the place in
 * the file (measures[3].realistic) and the problem, in words a policy
 * adviser understands. Members this version does not know are kept and
 * written back on save.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "raming-document-private.h"
#include "raming-json-reader.h"
#include "raming-json-writer.h"
#include "raming-private.h"
#include "raming-util.h"

typedef struct
{
  RamingDocument *document;
  RamingLanguage  language;
  GHashTable     *measure_ids;   /* id → path where first seen */
  GHashTable     *source_ids;
  GPtrArray      *source_refs;   /* pairs: path, id */
  GPtrArray      *measure_refs;  /* pairs: path, id */
  RamingJsonTree *tree;
} Reader;

static void
set_invalid (GError     **error,
             const char  *path,
             const char  *problem)
{
  g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
               "%s: %s", path, problem);
}

/* ------------------------------------------------------------------ */
/* Member access with checks                                           */

/* A member given as null is not given. */
static inline const RamingJsonNode *
member (const RamingJsonNode *object,
        const char           *name)
{
  const RamingJsonNode *node = raming_json_object_get_member (object, name);

  if (node != NULL && node->kind == RAMING_JSON_NULL)
    return NULL;
  return node;
}

/* "path.name", made only when there is a problem to report: building
 * the path of every member read cost more than reading it. */
static char *
member_path (const char *path,
             const char *name)
{
  return path != NULL ? g_strconcat (path, ".", name, NULL) : g_strdup (name);
}

static void
set_invalid_member (GError     **error,
                    const char  *path,
                    const char  *name,
                    const char  *problem)
{
  g_autofree char *where = member_path (path, name);

  set_invalid (error, where, problem);
}

static gboolean
read_string (const RamingJsonNode  *object,
             const char            *name,
             const char            *path,
             gboolean               required,
             char                 **out,
             GError               **error)
{
  const RamingJsonNode *node = member (object, name);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        {
          set_invalid_member (error, path, name, _("this is missing"));
          return FALSE;
        }
      return TRUE;
    }
  if (node->kind != RAMING_JSON_STRING)
    {
      set_invalid_member (error, path, name, _("expected text"));
      return FALSE;
    }
  if (required && node->length == 0)
    {
      set_invalid_member (error, path, name, _("this may not be empty"));
      return FALSE;
    }
  *out = g_memdup2 (node->v.string, node->length + 1);
  return TRUE;
}

typedef enum
{
  RANGE_ANY,
  RANGE_NON_NEGATIVE,
  RANGE_FRACTION,      /* 0 … 1, a share or coverage */
} NumberRange;

static gboolean
check_number (double       value,
              const char  *where,
              NumberRange  range,
              GError     **error)
{
  if (!isfinite (value) || fabs (value) > 1e15)
    {
      g_autofree char *problem = g_strdup_printf (_("%g is not a usable number (it must be below a million billion)"),
                                                  value);
      set_invalid (error, where, problem);
      return FALSE;
    }
  if (range != RANGE_ANY && value < 0)
    {
      g_autofree char *problem = g_strdup_printf (_("%g is negative; this figure cannot be below zero"),
                                                  value);
      set_invalid (error, where, problem);
      return FALSE;
    }
  if (range == RANGE_FRACTION && value > 1)
    {
      g_autofree char *problem = g_strdup_printf (_("%g is more than 100 %% (write 80 %% as 0.8)"),
                                                  value);
      set_invalid (error, where, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
number_is_fine (double      value,
                NumberRange range)
{
  return isfinite (value) && fabs (value) <= 1e15 &&
         (range == RANGE_ANY || value >= 0) &&
         (range != RANGE_FRACTION || value <= 1);
}

static gboolean
read_number (const RamingJsonNode  *object,
             const char            *name,
             const char            *path,
             gboolean               required,
             NumberRange            range,
             double                *out,
             GError               **error)
{
  const RamingJsonNode *node = member (object, name);
  g_autofree char *where = NULL;

  *out = NAN;
  if (node == NULL)
    {
      if (required)
        {
          set_invalid_member (error, path, name, _("this is missing"));
          return FALSE;
        }
      return TRUE;
    }

  if (!raming_json_node_is_number (node))
    {
      if (node->kind == RAMING_JSON_STRING)
        {
          g_autofree char *problem = g_strdup_printf (_("“%s” is not a number"),
                                                      node->v.string);
          set_invalid_member (error, path, name, problem);
        }
      else
        set_invalid_member (error, path, name, _("expected a number"));
      return FALSE;
    }

  *out = raming_json_node_get_double (node);
  if (number_is_fine (*out, range))
    return TRUE;
  where = member_path (path, name);
  return check_number (*out, where, range, error);
}

/* "path.member[i]" without printf, which is slow for so many paths. */
static char *
index_path (const char *path,
            const char *member,
            guint       i)
{
  char digits[16];
  char *end = digits + sizeof digits;
  char *p = end;

  *--p = '\0';
  do
    *--p = '0' + i % 10;
  while ((i /= 10) > 0);
  return g_strconcat (path, member, "[", p, "]", NULL);
}

static gboolean
read_bool (const RamingJsonNode  *object,
           const char            *name,
           const char            *path,
           gboolean              *out,
           GError               **error)
{
  const RamingJsonNode *node = member (object, name);

  if (node == NULL)
    return TRUE;
  if (node->kind != RAMING_JSON_BOOLEAN)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

      set_invalid (error, where, _("expected true or false"));
      return FALSE;
    }
  *out = node->v.boolean;
  return TRUE;
}

static gboolean
read_array (const RamingJsonNode   *object,
            const char             *name,
            const char             *path,
            const RamingJsonNode  **out,
            GError                **error)
{
  const RamingJsonNode *node = member (object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (node->kind != RAMING_JSON_ARRAY)
    {
      g_autofree char *where = path != NULL ? g_strdup_printf ("%s.%s", path, name) : g_strdup (name);

      set_invalid (error, where, _("expected a list"));
      return FALSE;
    }
  *out = node;
  return TRUE;
}

static gboolean
read_id_list (Reader                *reader,
              const RamingJsonNode  *object,
              const char            *name,
              const char            *path,
              char                ***out,
              GError               **error)
{
  const RamingJsonNode *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  *out = NULL;
  if (!read_array (object, name, path, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      const RamingJsonNode *node = raming_json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, name, i);

      if (node->kind != RAMING_JSON_STRING)
        {
          set_invalid (error, where, _("expected the id of a measure"));
          return FALSE;
        }
      g_strv_builder_add (builder, node->v.string);
      g_ptr_array_add (reader->measure_refs, g_steal_pointer (&where));
      g_ptr_array_add (reader->measure_refs, g_strdup (node->v.string));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
is_known (const RamingJsonMember *member,
          const char * const     *known)
{
  for (guint i = 0; known[i] != NULL; i++)
    if (member->name[0] == known[i][0] && strcmp (member->name, known[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Everything a known member list does not name goes into "extra", as
 * json-glib nodes, which is how it is written back on saving. */
static JsonObject *
collect_extra (const RamingJsonNode *object,
               const char * const   *known)
{
  JsonObject *extra = NULL;

  /* In file order (kept on saving). */
  for (guint32 i = 0; i < object->length; i++)
    {
      const RamingJsonMember *m = &object->v.members[i];

      if (is_known (m, known))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, m->name, raming_json_node_to_json_glib (&m->value));
    }
  return extra;
}

static void
keep_extra (gpointer              target,
            const RamingJsonNode *object,
            const char * const   *known)
{
  JsonObject *extra = collect_extra (object, known);

  if (extra != NULL)
    {
      _raming_set_extra (target, extra);
      json_object_unref (extra);
    }
}

static const RamingJsonNode *
expect_object (const RamingJsonNode  *node,
               const char            *where,
               GError               **error)
{
  if (node == NULL || node->kind != RAMING_JSON_OBJECT)
    {
      set_invalid (error, where, _("expected an object with named fields"));
      return NULL;
    }
  return node;
}

static gboolean
read_source_ref (Reader                *reader,
                 const RamingJsonNode  *object,
                 const char            *path,
                 char                 **source,
                 char                 **page,
                 GError               **error)
{
  if (!read_string (object, "source", path, FALSE, source, error))
    return FALSE;
  if (page != NULL && !read_string (object, "page", path, FALSE, page, error))
    return FALSE;
  if (*source != NULL)
    {
      g_ptr_array_add (reader->source_refs, g_strconcat (path, ".source", NULL));
      g_ptr_array_add (reader->source_refs, g_strdup (*source));
    }
  return TRUE;
}

static gboolean
check_identifier (const char  *value,
                  const char  *where,
                  GError     **error)
{
  if (!raming_is_identifier (value))
    {
      g_autofree char *problem =
        g_strdup_printf (_("“%s” cannot be used in formulas: use letters, digits and _ only, "
                           "starting with a letter, at most 64 characters"), value);
      set_invalid (error, where, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
enum_from_id (const char         *value,
              const char * const *ids,
              guint              *out)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (value, ids[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_enum (const RamingJsonNode  *object,
           const char            *name,
           const char            *path,
           const char * const    *ids,
           guint                 *out,
           GError               **error)
{
  g_autofree char *value = NULL;

  if (!read_string (object, name, path, FALSE, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  if (!enum_from_id (value, ids, out))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      g_autofree char *choices = g_strjoinv (", ", (char **) ids);
      g_autofree char *problem = g_strdup_printf (_("“%s” is not one of: %s"), value, choices);

      set_invalid (error, where, problem);
      return FALSE;
    }
  return TRUE;
}

static const char * const unit_ids[] = { "euro", "percent", "count", "factor", NULL };
static const char * const assumption_status_ids[] = { "final", "provisional", NULL };
static const char * const role_ids[] = { "", "macro-share", "savings-target", NULL };
static const char * const partner_kind_ids[] = { "referrer", "partner", NULL };
static const char * const action_status_ids[] = { "open", "in-progress", "done", "dropped", NULL };
static const char * const language_ids[] = { "nl", "en", NULL };

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static gboolean
read_metadata (Reader                *reader,
               const RamingJsonNode  *root,
               GError               **error)
{
  static const char * const known[] = {
    "title", "municipality", "note_title", "date", "language", NULL
  };
  const RamingJsonNode *node = member (root, "metadata");
  const RamingJsonNode *object;
  g_autofree char *title = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *note_title = NULL;
  g_autofree char *date = NULL;
  guint language = RAMING_LANGUAGE_NL;

  if (node == NULL)
    return TRUE;
  if (!(object = expect_object (node, "metadata", error)))
    return FALSE;

  if (!read_string (object, "title", "metadata", FALSE, &title, error) ||
      !read_string (object, "municipality", "metadata", FALSE, &municipality, error) ||
      !read_string (object, "note_title", "metadata", FALSE, &note_title, error) ||
      !read_string (object, "date", "metadata", FALSE, &date, error) ||
      !read_enum (object, "language", "metadata", language_ids, &language, error))
    return FALSE;

  if (date != NULL)
    {
      GDate parsed;

      if (!raming_parse_iso_date (date, &parsed))
        {
          g_autofree char *problem = g_strdup_printf (_("“%s” is not a date like 2021-04-13"), date);

          set_invalid (error, "metadata.date", problem);
          return FALSE;
        }
    }

  reader->language = language;
  g_object_set (reader->document,
                "title", title,
                "municipality", municipality,
                "note-title", note_title,
                "date", date,
                "language", language,
                NULL);
  keep_extra (reader->document, object, known);
  return TRUE;
}

static gboolean
read_settings (Reader                *reader,
               const RamingJsonNode  *root,
               GError               **error)
{
  static const char * const known[] = {
    "rounding", "uncertainty_seed", "uncertainty_samples",
    "show_national_total", "show_group_subtotals", NULL
  };
  const RamingJsonNode *node = member (root, "settings");
  const RamingJsonNode *object;
  double rounding, seed, samples;
  gboolean show_national_total = FALSE;
  gboolean show_group_subtotals = FALSE;

  if (node == NULL)
    return TRUE;
  if (!(object = expect_object (node, "settings", error)))
    return FALSE;

  if (!read_number (object, "rounding", "settings", FALSE, RANGE_NON_NEGATIVE, &rounding, error) ||
      !read_number (object, "uncertainty_seed", "settings", FALSE, RANGE_NON_NEGATIVE, &seed, error) ||
      !read_number (object, "uncertainty_samples", "settings", FALSE, RANGE_NON_NEGATIVE, &samples, error) ||
      !read_bool (object, "show_national_total", "settings", &show_national_total, error) ||
      !read_bool (object, "show_group_subtotals", "settings", &show_group_subtotals, error))
    return FALSE;

  if (!isnan (rounding))
    {
      if (rounding > 1e9)
        {
          set_invalid (error, "settings.rounding", _("rounding is at most to a billion"));
          return FALSE;
        }
      g_object_set (reader->document, "rounding", rounding, NULL);
    }
  if (!isnan (seed))
    {
      if (seed != floor (seed) || seed > G_MAXUINT32)
        {
          set_invalid (error, "settings.uncertainty_seed",
                       _("the seed must be a whole number from 0 to 4294967295"));
          return FALSE;
        }
      g_object_set (reader->document, "uncertainty-seed", (guint) seed, NULL);
    }
  if (!isnan (samples))
    {
      if (samples != floor (samples) || samples > 1000000)
        {
          set_invalid (error, "settings.uncertainty_samples",
                       _("the number of draws must be a whole number up to 1.000.000"));
          return FALSE;
        }
      g_object_set (reader->document, "uncertainty-samples", (guint) samples, NULL);
    }
  g_object_set (reader->document,
                "show-national-total", show_national_total,
                "show-group-subtotals", show_group_subtotals,
                NULL);

  {
    JsonObject *extra = collect_extra (object, known);

    if (extra != NULL)
      {
        g_object_set_data_full (G_OBJECT (reader->document), "raming-settings-extra",
                                extra, (GDestroyNotify) json_object_unref);
      }
  }
  return TRUE;
}

static gboolean
read_sources (Reader                *reader,
              const RamingJsonNode  *root,
              GError               **error)
{
  static const char * const known[] = { "id", "title", "author", "year", "url", "note", NULL };
  GListStore *store = G_LIST_STORE (raming_document_get_sources (reader->document));
  const RamingJsonNode *array;

  if (!read_array (root, "sources", NULL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = g_strdup_printf ("sources[%u]", i);
      g_autoptr(RamingSource) source = NULL;
      g_autofree char *id = NULL, *title = NULL, *author = NULL;
      g_autofree char *year = NULL, *url = NULL, *note = NULL;
      const RamingJsonNode *object;

      if (!(object = expect_object (raming_json_array_get_element (array, i), path, error)))
        return FALSE;
      if (!read_string (object, "id", path, TRUE, &id, error) ||
          !read_string (object, "title", path, FALSE, &title, error) ||
          !read_string (object, "author", path, FALSE, &author, error) ||
          !read_string (object, "year", path, FALSE, &year, error) ||
          !read_string (object, "url", path, FALSE, &url, error) ||
          !read_string (object, "note", path, FALSE, &note, error))
        return FALSE;

      if (g_hash_table_contains (reader->source_ids, id))
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_DUPLICATE,
                       _("%s.id: “%s” is used by two sources"), path, id);
          return FALSE;
        }
      g_hash_table_add (reader->source_ids, g_strdup (id));

      source = g_object_new (RAMING_TYPE_SOURCE,
                             "id", id, "title", title, "author", author,
                             "year", year, "url", url, "note", note, NULL);
      keep_extra (source, object, known);
      g_list_store_append (store, source);
    }
  return TRUE;
}

static gboolean
read_assumptions (Reader                *reader,
                  const RamingJsonNode  *root,
                  GError               **error)
{
  static const char * const known[] = {
    "key", "label", "value", "low", "high", "unit", "source", "page",
    "status", "role", "note", NULL
  };
  GListStore *store = G_LIST_STORE (raming_document_get_assumptions (reader->document));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean roles_seen[3] = { FALSE, };
  const RamingJsonNode *array;

  if (!read_array (root, "assumptions", NULL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = g_strdup_printf ("assumptions[%u]", i);
      g_autofree char *where = NULL;
      g_autoptr(RamingAssumption) assumption = NULL;
      g_autoptr(RamingCellInput) input = NULL;
      g_autofree char *key = NULL, *label = NULL, *source = NULL, *page = NULL, *note = NULL;
      guint unit = RAMING_UNIT_EURO, status = RAMING_ASSUMPTION_FINAL, role = 0;
      double low, high;
      const RamingJsonNode *object;
      const RamingJsonNode *value;

      if (!(object = expect_object (raming_json_array_get_element (array, i), path, error)))
        return FALSE;
      if (!read_string (object, "key", path, TRUE, &key, error))
        return FALSE;
      where = g_strdup_printf ("%s.key", path);
      if (!check_identifier (key, where, error))
        return FALSE;
      if (g_hash_table_contains (keys, key))
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_DUPLICATE,
                       _("%s.key: “%s” is used by two assumptions"), path, key);
          return FALSE;
        }
      g_hash_table_add (keys, g_strdup (key));

      if (!read_string (object, "label", path, FALSE, &label, error) ||
          !read_source_ref (reader, object, path, &source, &page, error) ||
          !read_string (object, "note", path, FALSE, &note, error) ||
          !read_enum (object, "unit", path, unit_ids, &unit, error) ||
          !read_enum (object, "status", path, assumption_status_ids, &status, error) ||
          !read_enum (object, "role", path, role_ids, &role, error) ||
          !read_number (object, "low", path, FALSE, RANGE_ANY, &low, error) ||
          !read_number (object, "high", path, FALSE, RANGE_ANY, &high, error))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("%s.value", path);
      value = member (object, "value");
      if (value == NULL)
        {
          set_invalid (error, where, _("this is missing"));
          return FALSE;
        }
      if (!raming_json_node_is_scalar (value) ||
          (value->kind == RAMING_JSON_STRING && value->v.string[0] != '='))
        {
          if (value->kind == RAMING_JSON_STRING)
            {
              g_autofree char *problem = g_strdup_printf (_("“%s” is not a number or a formula"),
                                                          value->v.string);
              set_invalid (error, where, problem);
            }
          else
            set_invalid (error, where, _("expected a number or a formula"));
          return FALSE;
        }
      if (!(input = _raming_cell_input_new_from_reader (value, reader->language, where, error)))
        return FALSE;

      if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT)
        {
          double v = raming_cell_input_get_amount (input);

          if ((unit == RAMING_UNIT_COUNT && v < 0) ||
              (role == RAMING_ASSUMPTION_ROLE_SAVINGS_TARGET && v < 0))
            {
              g_autofree char *problem = g_strdup_printf (_("%g is negative; this figure cannot be below zero"), v);
              set_invalid (error, where, problem);
              return FALSE;
            }
          if (role == RAMING_ASSUMPTION_ROLE_MACRO_SHARE && !(v > 0 && v <= 1))
            {
              g_autofree char *problem = g_strdup_printf (_("%g is not a share of the national budget: it must lie above 0 and at most 1 (0,89 %% is 0.0089)"), v);
              set_invalid (error, where, problem);
              return FALSE;
            }
          if ((!isnan (low) && low > v) || (!isnan (high) && high < v))
            {
              g_autofree char *problem = g_strdup_printf (_("the value %g lies outside its own range"), v);
              set_invalid (error, where, problem);
              return FALSE;
            }
        }
      if (!isnan (low) && !isnan (high) && low > high)
        {
          g_autofree char *low_where = g_strdup_printf ("%s.low", path);

          set_invalid (error, low_where, _("the low end of the range is above the high end"));
          return FALSE;
        }
      if (role != 0)
        {
          if (roles_seen[role])
            {
              g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_DUPLICATE,
                           _("%s.role: two assumptions have the role “%s”"), path, role_ids[role]);
              return FALSE;
            }
          roles_seen[role] = TRUE;
        }

      assumption = g_object_new (RAMING_TYPE_ASSUMPTION,
                                 "key", key, "label", label, "input", input,
                                 "low", low, "high", high, "unit", unit,
                                 "source", source, "page", page, "status", status,
                                 "role", role, "note", note, NULL);
      keep_extra (assumption, object, known);
      g_list_store_append (store, assumption);
    }
  return TRUE;
}

static gboolean
read_cell (Reader                *reader,
           const RamingJsonNode  *object,
           const char            *name,
           const char            *path,
           RamingCellInput      **out,
           GError               **error)
{
  const RamingJsonNode *node = member (object, name);
  g_autofree char *where = NULL;
  RamingCellInput *input;

  /* A missing cell, an amount or a formula needs its path only to report
   * a problem: it is made then (reading the cell again to say what is
   * wrong with it), not for every cell of the file. */
  if (node == NULL || raming_json_node_is_scalar (node))
    input = _raming_cell_input_new_from_reader (node, reader->language, "", NULL);
  else
    input = NULL;
  if (input == NULL)
    {
      where = member_path (path, name);
      input = _raming_cell_input_new_from_reader (node, reader->language, where, error);
      if (input == NULL)
        return FALSE;
    }

  /* The note's cells are savings: a measure that costs money is not
   * entered as a negative saving. */
  if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT &&
      raming_cell_input_get_amount (input) < 0)
    {
      g_autofree char *problem =
        g_strdup_printf (_("%g is negative; savings are entered as positive amounts"),
                         raming_cell_input_get_amount (input));
      set_invalid_member (error, path, name, problem);
      raming_cell_input_unref (input);
      return FALSE;
    }
  if (raming_cell_input_get_source (input) != NULL)
    {
      g_ptr_array_add (reader->source_refs, member_path (path, name));
      g_ptr_array_add (reader->source_refs, g_strdup (raming_cell_input_get_source (input)));
    }
  *out = input;
  return TRUE;
}

static gboolean
read_estimates (Reader                *reader,
                const RamingJsonNode  *object,
                const char            *path,
                RamingMeasure         *measure,
                GError               **error)
{
  static const char * const known[] = { "label", "low", "high", "max", "source", "page", NULL };
  const RamingJsonNode *array;

  if (!read_array (object, "national_estimates", path, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *sub = index_path (path, ".national_estimates", i);
      g_autoptr(RamingEstimate) estimate = NULL;
      g_autofree char *label = NULL, *source = NULL, *page = NULL;
      double low, high, max;
      const RamingJsonNode *e;

      if (!(e = expect_object (raming_json_array_get_element (array, i), sub, error)))
        return FALSE;
      if (!read_string (e, "label", sub, FALSE, &label, error) ||
          !read_source_ref (reader, e, sub, &source, &page, error) ||
          !read_number (e, "low", sub, FALSE, RANGE_ANY, &low, error) ||
          !read_number (e, "high", sub, FALSE, RANGE_ANY, &high, error) ||
          !read_number (e, "max", sub, FALSE, RANGE_NON_NEGATIVE, &max, error))
        return FALSE;

      if (!isnan (max))
        {
          if (!isnan (low) || !isnan (high))
            {
              set_invalid (error, sub, _("give either a range (low and high) or a maximum, not both"));
              return FALSE;
            }
          estimate = raming_estimate_new_maximum (label, max);
        }
      else
        {
          if (isnan (low) || isnan (high))
            {
              set_invalid (error, sub, _("a national estimate needs a low and a high figure, or a maximum"));
              return FALSE;
            }
          if (low > high)
            {
              set_invalid (error, sub, _("the low figure is above the high figure"));
              return FALSE;
            }
          estimate = raming_estimate_new_range (label, low, high);
        }
      raming_estimate_set_source (estimate, source);
      raming_estimate_set_page (estimate, page);
      keep_extra (estimate, e, known);
      _raming_measure_add_estimate (measure, estimate);
    }
  return TRUE;
}

static gboolean
read_results (Reader                *reader,
              const RamingJsonNode  *object,
              const char            *path,
              RamingMeasure         *measure,
              GError               **error)
{
  static const char * const known[] = { "value", "label", "source", "page", NULL };
  const RamingJsonNode *array;

  if (!read_array (object, "results", path, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *sub = index_path (path, ".results", i);
      g_autofree char *where = g_strconcat (sub, ".value", NULL);
      g_autoptr(RamingResultEntry) entry = NULL;
      g_autoptr(RamingCellInput) input = NULL;
      g_autofree char *label = NULL, *source = NULL, *page = NULL;
      const RamingJsonNode *r;
      const RamingJsonNode *value;

      if (!(r = expect_object (raming_json_array_get_element (array, i), sub, error)))
        return FALSE;
      if (!read_string (r, "label", sub, FALSE, &label, error) ||
          !read_source_ref (reader, r, sub, &source, &page, error))
        return FALSE;

      value = member (r, "value");
      if (value == NULL || !raming_json_node_is_scalar (value) ||
          (value->kind == RAMING_JSON_STRING && value->v.string[0] != '='))
        {
          set_invalid (error, where, _("a result needs an amount or a formula"));
          return FALSE;
        }
      if (!read_cell (reader, r, "value", sub, &input, error))
        return FALSE;

      entry = raming_result_entry_new (input, label);
      raming_result_entry_set_source (entry, source);
      raming_result_entry_set_page (entry, page);
      keep_extra (entry, r, known);
      _raming_measure_add_result (measure, entry);
    }
  return TRUE;
}

static gboolean check_finite_numbers (RamingJsonTree        *tree,
                                      const RamingJsonNode  *node,
                                      const char            *path,
                                      GError               **error);

static gboolean read_measure_list (Reader                *reader,
                                   const RamingJsonNode  *array,
                                   const char            *path,
                                   GListStore            *store,
                                   guint                  depth,
                                   GError               **error);

static gboolean
read_measure (Reader                *reader,
              const RamingJsonNode  *object,
              const char            *path,
              guint                  depth,
              RamingMeasure        **out,
              GError               **error)
{
  static const char * const known[] = {
    "id", "title", "note", "footnote", "source", "page", "group", "children",
    "national_estimates", "national", "results", "result", "original", "realistic", NULL
  };
  g_autoptr(RamingMeasure) measure = NULL;
  g_autofree char *id = NULL, *title = NULL, *note = NULL, *footnote = NULL;
  g_autofree char *source = NULL, *page = NULL, *where = NULL;
  gboolean is_group = FALSE;
  const RamingJsonNode *children = NULL;
  const char *first_path;

  if (!read_string (object, "id", path, TRUE, &id, error) ||
      !read_string (object, "title", path, FALSE, &title, error) ||
      !read_string (object, "note", path, FALSE, &note, error) ||
      !read_string (object, "footnote", path, FALSE, &footnote, error) ||
      !read_source_ref (reader, object, path, &source, &page, error) ||
      !read_bool (object, "group", path, &is_group, error) ||
      !read_array (object, "children", path, &children, error))
    return FALSE;

  where = g_strconcat (path, ".id", NULL);
  if (!check_identifier (id, where, error))
    return FALSE;
  if ((first_path = g_hash_table_lookup (reader->measure_ids, id)))
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_DUPLICATE,
                   _("%s: “%s” is already the id of %s"), where, id, first_path);
      return FALSE;
    }
  g_hash_table_insert (reader->measure_ids, g_strdup (id), g_strdup (path));

  is_group = is_group || children != NULL;
  measure = is_group ? raming_measure_new_group (id, title) : raming_measure_new (id, title);
  raming_measure_set_note (measure, note);
  raming_measure_set_footnote (measure, footnote);
  raming_measure_set_source (measure, source);
  raming_measure_set_page (measure, page);

  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      const char *name = raming_column_to_property (c);
      g_autoptr(RamingCellInput) input = NULL;

      if (!read_cell (reader, object, name, path, &input, error))
        return FALSE;
      if (is_group && c != RAMING_COLUMN_NATIONAL && !raming_cell_input_is_blank (input))
        {
          g_autofree char *cell_where = g_strdup_printf ("%s.%s", path, name);

          set_invalid (error, cell_where,
                       _("a group row has no figures of its own; they are the sum of its measures"));
          return FALSE;
        }
      raming_measure_set_input (measure, c, input);
    }

  if (!read_estimates (reader, object, path, measure, error) ||
      !read_results (reader, object, path, measure, error))
    return FALSE;

  if (_raming_measure_n_results (measure) > 0 &&
      !raming_cell_input_is_blank (raming_measure_get_input (measure, RAMING_COLUMN_RESULT)))
    {
      g_autofree char *result_where = g_strdup_printf ("%s.result", path);

      set_invalid (error, result_where,
                   _("give either results per year or one result cell, not both"));
      return FALSE;
    }
  if (is_group && _raming_measure_n_results (measure) > 0)
    {
      g_autofree char *results_where = g_strdup_printf ("%s.results", path);

      set_invalid (error, results_where,
                   _("a group row has no figures of its own; they are the sum of its measures"));
      return FALSE;
    }

  if (children != NULL)
    {
      g_autofree char *children_path = g_strconcat (path, ".children", NULL);

      if (!read_measure_list (reader, children, children_path,
                              G_LIST_STORE (raming_measure_get_children (measure)),
                              depth + 1, error))
        return FALSE;
    }

  keep_extra (measure, object, known);
  *out = g_steal_pointer (&measure);
  return TRUE;
}

static gboolean
read_measure_list (Reader                *reader,
                   const RamingJsonNode  *array,
                   const char            *path,
                   GListStore            *store,
                   guint                  depth,
                   GError               **error)
{
  /* An empty list nests nothing: a group at the deepest level is saved
   * with "children": []. */
  if (depth > 8 && array->length > 0)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_TOO_LARGE,
                   _("%s: groups are nested more than 8 deep"), path);
      return FALSE;
    }

  {
    guint n = array->length;
    g_autoptr(GPtrArray) measures = g_ptr_array_new_full (n, g_object_unref);

    for (guint i = 0; i < n; i++)
      {
        g_autofree char *sub = index_path (path, "", i);
        RamingMeasure *measure = NULL;
        const RamingJsonNode *node = raming_json_array_get_element (array, i);
        const RamingJsonNode *object;

        if (!(object = expect_object (node, sub, error)))
          return FALSE;
        if (!read_measure (reader, object, sub, depth, &measure, error))
          return FALSE;
        g_ptr_array_add (measures, measure);

        /* Unreadable numbers in this measure's unknown members are
         * reported before the next measure's problems, as they were when
         * the tree was freed measure by measure. */
        if (!check_finite_numbers (reader->tree, node, sub, error))
          return FALSE;
      }

    /* In one go: one "items-changed" per list, not one per measure. */
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                         measures->pdata, measures->len);
  }
  return TRUE;
}

static gboolean
read_partners (Reader                *reader,
               const RamingJsonNode  *root,
               GError               **error)
{
  static const char * const known[] = {
    "id", "name", "kind", "count", "coverage", "target_coverage", "referrals",
    "note", "source", "page", "measures", NULL
  };
  static const char * const field_members[] = {
    "count", "coverage", "target_coverage", "referrals",
  };
  GListStore *store = G_LIST_STORE (raming_document_get_partners (reader->document));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const RamingJsonNode *array;

  if (!read_array (root, "partners", NULL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = g_strdup_printf ("partners[%u]", i);
      g_autofree char *where = NULL;
      g_autoptr(RamingPartner) partner = NULL;
      g_autofree char *id = NULL, *name = NULL, *note = NULL, *source = NULL, *page = NULL;
      g_auto(GStrv) measures = NULL;
      guint kind = RAMING_PARTNER_REFERRER;
      const RamingJsonNode *object;

      if (!(object = expect_object (raming_json_array_get_element (array, i), path, error)))
        return FALSE;
      if (!read_string (object, "id", path, TRUE, &id, error))
        return FALSE;
      where = g_strdup_printf ("%s.id", path);
      if (!check_identifier (id, where, error))
        return FALSE;
      if (g_hash_table_contains (ids, id))
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_DUPLICATE,
                       _("%s.id: “%s” is used by two referral partners"), path, id);
          return FALSE;
        }
      g_hash_table_add (ids, g_strdup (id));

      if (!read_string (object, "name", path, FALSE, &name, error) ||
          !read_string (object, "note", path, FALSE, &note, error) ||
          !read_source_ref (reader, object, path, &source, &page, error) ||
          !read_enum (object, "kind", path, partner_kind_ids, &kind, error) ||
          !read_id_list (reader, object, "measures", path, &measures, error))
        return FALSE;

      partner = raming_partner_new (id, name);
      for (guint f = 0; f < RAMING_PARTNER_N_FIELDS; f++)
        {
          double value;
          NumberRange range = (f == RAMING_PARTNER_FIELD_COVERAGE ||
                               f == RAMING_PARTNER_FIELD_TARGET_COVERAGE)
                                ? RANGE_FRACTION : RANGE_NON_NEGATIVE;

          if (!read_number (object, field_members[f], path, FALSE, range, &value, error))
            return FALSE;
          raming_partner_set_field (partner, f, value);
        }
      raming_partner_set_kind (partner, kind);
      raming_partner_set_note (partner, note);
      raming_partner_set_source (partner, source);
      raming_partner_set_page (partner, page);
      raming_partner_set_measures (partner, (const char * const *) measures);
      keep_extra (partner, object, known);
      g_list_store_append (store, partner);
    }
  return TRUE;
}

static gboolean
read_actions (Reader                *reader,
              const RamingJsonNode  *root,
              GError               **error)
{
  static const char * const known[] = {
    "id", "title", "description", "owner", "due", "period", "status",
    "measures", "source", "page", NULL
  };
  GListStore *store = G_LIST_STORE (raming_document_get_actions (reader->document));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const RamingJsonNode *array;

  if (!read_array (root, "actions", NULL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = g_strdup_printf ("actions[%u]", i);
      g_autoptr(RamingAction) action = NULL;
      g_autofree char *id = NULL, *title = NULL, *description = NULL, *owner = NULL;
      g_autofree char *due = NULL, *period = NULL, *source = NULL, *page = NULL;
      g_auto(GStrv) measures = NULL;
      guint status = RAMING_ACTION_OPEN;
      const RamingJsonNode *object;

      if (!(object = expect_object (raming_json_array_get_element (array, i), path, error)))
        return FALSE;
      if (!read_string (object, "id", path, TRUE, &id, error) ||
          !read_string (object, "title", path, TRUE, &title, error) ||
          !read_string (object, "description", path, FALSE, &description, error) ||
          !read_string (object, "owner", path, FALSE, &owner, error) ||
          !read_string (object, "due", path, FALSE, &due, error) ||
          !read_string (object, "period", path, FALSE, &period, error) ||
          !read_source_ref (reader, object, path, &source, &page, error) ||
          !read_enum (object, "status", path, action_status_ids, &status, error) ||
          !read_id_list (reader, object, "measures", path, &measures, error))
        return FALSE;

      if (g_hash_table_contains (ids, id))
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_DUPLICATE,
                       _("%s.id: “%s” is used by two action items"), path, id);
          return FALSE;
        }
      g_hash_table_add (ids, g_strdup (id));

      if (due != NULL)
        {
          GDate date;

          if (!raming_parse_iso_date (due, &date))
            {
              g_autofree char *where = g_strdup_printf ("%s.due", path);
              g_autofree char *problem = g_strdup_printf (_("“%s” is not a date like 2021-10-01"), due);

              set_invalid (error, where, problem);
              return FALSE;
            }
        }

      action = g_object_new (RAMING_TYPE_ACTION,
                             "id", id, "title", title, "description", description,
                             "owner", owner, "due", due, "period", period,
                             "status", status, "measures", measures,
                             "source", source, "page", page, NULL);
      keep_extra (action, object, known);
      g_list_store_append (store, action);
    }
  return TRUE;
}

static gboolean
check_references (Reader  *reader,
                  GError **error)
{
  for (guint i = 0; i + 1 < reader->measure_refs->len; i += 2)
    if (!g_hash_table_contains (reader->measure_ids, reader->measure_refs->pdata[i + 1]))
      {
        g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_REFERENCE,
                     _("%s: there is no measure “%s”"),
                     (char *) reader->measure_refs->pdata[i],
                     (char *) reader->measure_refs->pdata[i + 1]);
        return FALSE;
      }
  for (guint i = 0; i + 1 < reader->source_refs->len; i += 2)
    if (!g_hash_table_contains (reader->source_ids, reader->source_refs->pdata[i + 1]))
      {
        g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_REFERENCE,
                     _("%s: there is no source “%s” in the list of sources"),
                     (char *) reader->source_refs->pdata[i],
                     (char *) reader->source_refs->pdata[i + 1]);
        return FALSE;
      }
  return TRUE;
}

/* A number such as 1e999 is read as infinity, which cannot be written
 * back: kept in a member this version does not know, it would make the
 * next save unreadable. Known members are checked as they are read; this
 * finds such a number anywhere else. The path is built only on the way
 * back from a find: the walk itself allocates nothing. It recurses as
 * deep as the tree, which the reader limited to RAMING_MAX_NESTING. */
static gboolean
find_nonfinite (const RamingJsonNode *node,
                GString              *where)
{
  switch ((RamingJsonKind) node->kind)
    {
    case RAMING_JSON_OBJECT:
      for (guint32 i = 0; i < node->length; i++)
        if (find_nonfinite (&node->v.members[i].value, where))
          {
            g_string_prepend (where, node->v.members[i].name);
            g_string_prepend_c (where, '.');
            return TRUE;
          }
      return FALSE;

    case RAMING_JSON_ARRAY:
      for (guint32 i = 0; i < node->length; i++)
        if (find_nonfinite (&node->v.elements[i], where))
          {
            g_autofree char *index = g_strdup_printf ("[%u]", i);

            g_string_prepend (where, index);
            return TRUE;
          }
      return FALSE;

    case RAMING_JSON_DOUBLE:
      return !isfinite (node->v.number);

    case RAMING_JSON_NULL:
    case RAMING_JSON_BOOLEAN:
    case RAMING_JSON_INT:
    case RAMING_JSON_STRING:
    default:
      return FALSE;
    }
}

static gboolean
check_finite_numbers (RamingJsonTree        *tree,
                      const RamingJsonNode  *node,
                      const char            *path,
                      GError               **error)
{
  g_autoptr(GString) where = NULL;

  /* The reader knows whether there is one at all: most often the walk
   * is not needed. */
  if (!raming_json_tree_has_nonfinite (tree))
    return TRUE;

  where = g_string_new (NULL);
  if (!find_nonfinite (node, where))
    return TRUE;

  g_string_prepend (where, path);
  if (where->str[0] == '.')
    g_string_erase (where, 0, 1);
  set_invalid (error, where->str, _("the number is too large to be read"));
  return FALSE;
}

/* The reader's problems in the loader's words and codes. */
static void
set_not_readable (GError **error,
                  GError  *parse_error)
{
  switch (parse_error->code)
    {
    case RAMING_JSON_READER_ERROR_TOO_DEEP:
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_TOO_LARGE,
                   _("The file is nested more than %d levels deep; a Raming document never is"),
                   RAMING_MAX_NESTING);
      break;

    case RAMING_JSON_READER_ERROR_TRAILING:
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_JSON,
                   _("The file is damaged or not a Raming document (there is more after its end)"));
      break;

    case RAMING_JSON_READER_ERROR_EMPTY:
      /* Only spaces or comments: JSON without a value. */
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_RAMING,
                   _("The file is not a Raming document"));
      break;

    case RAMING_JSON_READER_ERROR_DUPLICATE:
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_DUPLICATE,
                   _("The file is damaged or not a Raming document (%s)"), parse_error->message);
      break;

    case RAMING_JSON_READER_ERROR_SYNTAX:
    case RAMING_JSON_READER_ERROR_TOO_LONG:
    default:
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_JSON,
                   _("The file is damaged or not a Raming document (%s)"), parse_error->message);
      break;
    }
}

/* Reads and checks the whole file into a detached document: the engine
 * has not computed anything yet. */
static RamingDocument *
read_document (const char  *data,
               gssize       length,
               GError     **error)
{
  g_autoptr(RamingJsonTree) tree = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(RamingDocument) document = NULL;
  const RamingJsonNode *root;
  const RamingJsonNode *format, *version;
  Reader reader = { 0, };
  gboolean ok;
  static const char * const known[] = {
    "format", "version", "metadata", "settings", "sources", "assumptions",
    "measures", "partners", "actions", NULL
  };

  if (length < 0)
    length = strlen (data);

  if ((gsize) length > RAMING_MAX_FILE_SIZE)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB; a Raming document never is"),
                   RAMING_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_JSON,
                   _("The file is empty"));
      return NULL;
    }
  /* The reader does not recurse, so a hostile file nested ten thousand
   * deep costs nothing; the limit keeps the walks over the tree
   * (find_nonfinite, copying unknown members) shallow. */
  tree = raming_json_tree_new_from_data (data, length, RAMING_MAX_NESTING, &parse_error);
  if (tree == NULL)
    {
      /* Text that is not UTF-8 anywhere has a message of its own, also
       * when the reader stopped at another problem before it. A text
       * the reader read is UTF-8 without NUL: checking only here saves a
       * pass over every file that opens. */
      if (!g_utf8_validate (data, length, NULL) || memchr (data, '\0', length) != NULL)
        g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_JSON,
                     _("The file is not a Raming document: it is not text (UTF-8)"));
      else
        set_not_readable (error, parse_error);
      return NULL;
    }

  root = raming_json_tree_get_root (tree);
  if (root->kind != RAMING_JSON_OBJECT)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_RAMING,
                   _("The file is not a Raming document"));
      return NULL;
    }

  format = member (root, "format");
  if (format == NULL || format->kind != RAMING_JSON_STRING ||
      !g_str_equal (format->v.string, RAMING_FORMAT_NAME))
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_RAMING,
                   _("The file is not a Raming document (its “format” is not “raming”)"));
      return NULL;
    }

  version = member (root, "version");
  if (version == NULL || version->kind != RAMING_JSON_INT || version->v.integer < 1)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NOT_RAMING,
                   _("version: the file does not say which version of the format it uses"));
      return NULL;
    }
  if (version->v.integer > RAMING_FORMAT_VERSION)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_NEWER_VERSION,
                   _("This document was made with a newer version of Raming (file format %d; "
                     "this version reads up to format %d). Update Raming to open it."),
                   (int) MIN (version->v.integer, G_MAXINT), RAMING_FORMAT_VERSION);
      return NULL;
    }

  document = _raming_document_new_detached ();
  reader.document = document;
  reader.language = RAMING_LANGUAGE_NL;
  reader.measure_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.source_refs = g_ptr_array_new_with_free_func (g_free);
  reader.measure_refs = g_ptr_array_new_with_free_func (g_free);
  reader.tree = tree;

  ok = read_metadata (&reader, root, error) &&
       read_settings (&reader, root, error) &&
       read_sources (&reader, root, error) &&
       read_assumptions (&reader, root, error);
  if (ok)
    {
      const RamingJsonNode *measures;

      ok = read_array (root, "measures", NULL, &measures, error) &&
           (measures == NULL ||
            read_measure_list (&reader, measures, "measures",
                               G_LIST_STORE (raming_document_get_measures (document)), 0, error));
    }
  ok = ok &&
       read_partners (&reader, root, error) &&
       read_actions (&reader, root, error) &&
       check_references (&reader, error) &&
       check_finite_numbers (tree, root, "", error);

  g_hash_table_unref (reader.measure_ids);
  g_hash_table_unref (reader.source_ids);
  g_ptr_array_unref (reader.source_refs);
  g_ptr_array_unref (reader.measure_refs);

  if (!ok)
    return NULL;

  {
    JsonObject *extra = collect_extra (root, known);

    if (extra != NULL)
      g_object_set_data_full (G_OBJECT (document), "raming-root-extra",
                              extra, (GDestroyNotify) json_object_unref);
  }

  /* Returning frees the tree, before the document goes live: a few
   * large blocks, where json-glib's tree was ~100.000 small ones that
   * malloc then had to tidy up. */
  return g_steal_pointer (&document);
}

RamingDocument *
raming_document_load_from_data (const char  *data,
                                gssize       length,
                                GError     **error)
{
  RamingDocument *document;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!(document = read_document (data, length, error)))
    return NULL;

  _raming_document_go_live (document);
  return document;
}

static void
set_too_large (GError **error)
{
  g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_TOO_LARGE,
               _("The file is larger than %d MB; a Raming document never is"),
               RAMING_MAX_FILE_SIZE / (1024 * 1024));
}

/* g_file_load_contents() without a limit: a device such as /dev/zero, or
 * a file that grows after its size was asked, reports a small size and
 * then fills the memory. This stops one byte past the limit. */
static gboolean
load_contents_at_most (GFile         *file,
                       GCancellable  *cancellable,
                       char         **data,
                       gsize         *length,
                       char         **etag,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) contents = g_byte_array_new ();
  g_autofree guint8 *buffer = g_malloc (64 * 1024);

  if (!(stream = g_file_read (file, cancellable, error)))
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024,
                                      cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (contents->len + (gsize) n > RAMING_MAX_FILE_SIZE)
        {
          set_too_large (error);
          return FALSE;
        }
      g_byte_array_append (contents, buffer, n);
    }

  /* As g_file_load_contents(): the etag of what was read. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
  *etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
  *length = contents->len;
  g_byte_array_append (contents, (const guint8 *) "", 1);
  *data = (char *) g_byte_array_free (g_steal_pointer (&contents), FALSE);
  return TRUE;
}

RamingDocument *
raming_document_load_from_file (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *etag = NULL;
  RamingDocument *document;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Refuse a huge file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("This is a folder, not a Raming document"));
      return NULL;
    }
  if (g_file_info_get_size (info) > RAMING_MAX_FILE_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  if (!load_contents_at_most (file, cancellable, &data, &length, &etag, error))
    return NULL;

  if (!(document = raming_document_load_from_data (data, length, error)))
    return NULL;

  raming_document_set_file (document, file);
  _raming_document_set_etag (document, etag);
  raming_document_set_modified (document, FALSE);
  return document;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, name, value);
}

static void
set_number (JsonObject *object,
            const char *name,
            double      value)
{
  if (isnan (value))
    return;
  if (value == floor (value) && fabs (value) < 9e15)
    json_object_set_int_member (object, name, (gint64) value);
  else
    json_object_set_double_member (object, name, value);
}

static void
set_id_list (JsonObject         *object,
             const char         *name,
             const char * const *ids)
{
  JsonArray *array;

  if (ids == NULL || ids[0] == NULL)
    return;
  array = json_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    json_array_add_string_element (array, ids[i]);
  json_object_set_array_member (object, name, array);
}

static void
set_cell (JsonObject      *object,
          const char      *name,
          RamingCellInput *input)
{
  if (raming_cell_input_is_blank (input) && raming_cell_input_get_label (input) == NULL &&
      raming_cell_input_get_source (input) == NULL && raming_cell_input_get_note (input) == NULL)
    return;
  json_object_set_member (object, name, raming_cell_input_to_json (input));
}

static void
add_extra (JsonObject *object,
           JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (const GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data,
                              json_node_copy (json_object_get_member (extra, l->data)));
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonArray *
write_measures (GListModel *measures)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(RamingMeasure) m = g_list_model_get_item (measures, i);
      JsonObject *object = json_object_new ();
      GListModel *estimates = raming_measure_get_estimates (m);
      GListModel *results = raming_measure_get_results (m);

      set_string (object, "id", raming_measure_get_id (m));
      set_string (object, "title", raming_measure_get_title (m));
      if (raming_measure_get_is_group (m))
        json_object_set_boolean_member (object, "group", TRUE);
      set_string (object, "note", raming_measure_get_note (m));
      set_string (object, "footnote", raming_measure_get_footnote (m));
      set_string (object, "source", raming_measure_get_source (m));
      set_string (object, "page", raming_measure_get_page (m));

      if (g_list_model_get_n_items (estimates) > 0)
        {
          JsonArray *list = json_array_new ();

          for (guint e = 0; e < g_list_model_get_n_items (estimates); e++)
            {
              g_autoptr(RamingEstimate) estimate = g_list_model_get_item (estimates, e);
              JsonObject *eo = json_object_new ();

              set_string (eo, "label", raming_estimate_get_label (estimate));
              if (raming_estimate_get_maximum (estimate))
                set_number (eo, "max", raming_estimate_get_high (estimate));
              else
                {
                  set_number (eo, "low", raming_estimate_get_low (estimate));
                  set_number (eo, "high", raming_estimate_get_high (estimate));
                }
              set_string (eo, "source", raming_estimate_get_source (estimate));
              set_string (eo, "page", raming_estimate_get_page (estimate));
              add_extra (eo, _raming_get_extra (estimate));
              json_array_add_object_element (list, eo);
            }
          json_object_set_array_member (object, "national_estimates", list);
        }

      set_cell (object, "national", raming_measure_get_input (m, RAMING_COLUMN_NATIONAL));

      if (g_list_model_get_n_items (results) > 0)
        {
          JsonArray *list = json_array_new ();

          for (guint r = 0; r < g_list_model_get_n_items (results); r++)
            {
              g_autoptr(RamingResultEntry) entry = g_list_model_get_item (results, r);
              JsonObject *ro = json_object_new ();

              json_object_set_member (ro, "value",
                                      raming_cell_input_to_json (raming_result_entry_get_input (entry)));
              set_string (ro, "label", raming_result_entry_get_label (entry));
              set_string (ro, "source", raming_result_entry_get_source (entry));
              set_string (ro, "page", raming_result_entry_get_page (entry));
              add_extra (ro, _raming_get_extra (entry));
              json_array_add_object_element (list, ro);
            }
          json_object_set_array_member (object, "results", list);
        }
      else
        set_cell (object, "result", raming_measure_get_input (m, RAMING_COLUMN_RESULT));

      set_cell (object, "original", raming_measure_get_input (m, RAMING_COLUMN_ORIGINAL));
      set_cell (object, "realistic", raming_measure_get_input (m, RAMING_COLUMN_REALISTIC));

      if (raming_measure_get_is_group (m))
        json_object_set_array_member (object, "children",
                                      write_measures (raming_measure_get_children (m)));

      add_extra (object, _raming_get_extra (m));
      json_array_add_object_element (array, object);
    }
  return array;
}

static JsonNode *
document_to_json (RamingDocument *self)
{
  JsonObject *root = json_object_new ();
  JsonObject *metadata = json_object_new ();
  JsonObject *settings = json_object_new ();
  JsonArray *list;
  GListModel *model;

  json_object_set_string_member (root, "format", RAMING_FORMAT_NAME);
  json_object_set_int_member (root, "version", RAMING_FORMAT_VERSION);

  set_string (metadata, "title", raming_document_get_title (self));
  set_string (metadata, "municipality", raming_document_get_municipality (self));
  set_string (metadata, "note_title", raming_document_get_note_title (self));
  set_string (metadata, "date", raming_document_get_date (self));
  json_object_set_string_member (metadata, "language", language_ids[raming_document_get_language (self)]);
  add_extra (metadata, _raming_get_extra (self));
  json_object_set_object_member (root, "metadata", metadata);

  set_number (settings, "rounding", raming_document_get_rounding (self));
  set_number (settings, "uncertainty_seed", raming_document_get_uncertainty_seed (self));
  set_number (settings, "uncertainty_samples", raming_document_get_uncertainty_samples (self));
  json_object_set_boolean_member (settings, "show_national_total",
                                  raming_document_get_show_national_total (self));
  json_object_set_boolean_member (settings, "show_group_subtotals",
                                  raming_document_get_show_group_subtotals (self));
  add_extra (settings, g_object_get_data (G_OBJECT (self), "raming-settings-extra"));
  json_object_set_object_member (root, "settings", settings);

  list = json_array_new ();
  model = raming_document_get_sources (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RamingSource) s = g_list_model_get_item (model, i);
      JsonObject *o = json_object_new ();

      set_string (o, "id", raming_source_get_id (s));
      set_string (o, "title", raming_source_get_title (s));
      set_string (o, "author", raming_source_get_author (s));
      set_string (o, "year", raming_source_get_year (s));
      set_string (o, "url", raming_source_get_url (s));
      set_string (o, "note", raming_source_get_note (s));
      add_extra (o, _raming_get_extra (s));
      json_array_add_object_element (list, o);
    }
  json_object_set_array_member (root, "sources", list);

  list = json_array_new ();
  model = raming_document_get_assumptions (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RamingAssumption) a = g_list_model_get_item (model, i);
      JsonObject *o = json_object_new ();
      RamingAssumptionRole role = raming_assumption_get_role (a);

      set_string (o, "key", raming_assumption_get_key (a));
      set_string (o, "label", raming_assumption_get_label (a));
      json_object_set_member (o, "value", raming_cell_input_to_json (raming_assumption_get_input (a)));
      set_number (o, "low", raming_assumption_get_low (a));
      set_number (o, "high", raming_assumption_get_high (a));
      json_object_set_string_member (o, "unit", unit_ids[raming_assumption_get_unit (a)]);
      set_string (o, "source", raming_assumption_get_source (a));
      set_string (o, "page", raming_assumption_get_page (a));
      json_object_set_string_member (o, "status",
                                     assumption_status_ids[raming_assumption_get_status (a)]);
      if (role != RAMING_ASSUMPTION_ROLE_NONE)
        json_object_set_string_member (o, "role", role_ids[role]);
      set_string (o, "note", raming_assumption_get_note (a));
      add_extra (o, _raming_get_extra (a));
      json_array_add_object_element (list, o);
    }
  json_object_set_array_member (root, "assumptions", list);

  json_object_set_array_member (root, "measures",
                                write_measures (raming_document_get_measures (self)));

  list = json_array_new ();
  model = raming_document_get_partners (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RamingPartner) p = g_list_model_get_item (model, i);
      JsonObject *o = json_object_new ();
      static const char *field_members[] = { "count", "coverage", "target_coverage", "referrals" };

      set_string (o, "id", raming_partner_get_id (p));
      set_string (o, "name", raming_partner_get_name (p));
      json_object_set_string_member (o, "kind", partner_kind_ids[raming_partner_get_kind (p)]);
      for (guint f = 0; f < RAMING_PARTNER_N_FIELDS; f++)
        set_number (o, field_members[f], raming_partner_get_field (p, f));
      set_string (o, "note", raming_partner_get_note (p));
      set_string (o, "source", raming_partner_get_source (p));
      set_string (o, "page", raming_partner_get_page (p));
      set_id_list (o, "measures", raming_partner_get_measures (p));
      add_extra (o, _raming_get_extra (p));
      json_array_add_object_element (list, o);
    }
  json_object_set_array_member (root, "partners", list);

  list = json_array_new ();
  model = raming_document_get_actions (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RamingAction) a = g_list_model_get_item (model, i);
      JsonObject *o = json_object_new ();

      set_string (o, "id", raming_action_get_id (a));
      set_string (o, "title", raming_action_get_title (a));
      set_string (o, "description", raming_action_get_description (a));
      set_string (o, "owner", raming_action_get_owner (a));
      set_string (o, "due", raming_action_get_due (a));
      set_string (o, "period", raming_action_get_period (a));
      json_object_set_string_member (o, "status", action_status_ids[raming_action_get_status (a)]);
      set_id_list (o, "measures", raming_action_get_measures (a));
      set_string (o, "source", raming_action_get_source (a));
      set_string (o, "page", raming_action_get_page (a));
      add_extra (o, _raming_get_extra (a));
      json_array_add_object_element (list, o);
    }
  json_object_set_array_member (root, "actions", list);

  add_extra (root, g_object_get_data (G_OBJECT (self), "raming-root-extra"));

  return object_node (root);
}

char *
raming_document_save_to_data (RamingDocument *self,
                              gsize          *length)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), NULL);

  node = document_to_json (self);
  return raming_json_to_string (node, TRUE, length);
}

/* Writes a temporary file next to the target and renames it over the
 * target (g_file_replace_contents), so the file on disk is always the old
 * or the new version, never a mix; the old one stays as "<name>~". With
 * check_changed_on_disk, a file someone else saved since we loaded or
 * saved it is not overwritten: RAMING_DOCUMENT_ERROR_CHANGED_ON_DISK. */
gboolean
raming_document_save_to_file (RamingDocument  *self,
                              GFile           *file,
                              gboolean         check_changed_on_disk,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autofree char *data = NULL;
  g_autofree char *new_etag = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *etag = NULL;
  gsize length;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = raming_document_save_to_data (self, &length);

  /* Never write what cannot be opened again. The edit functions take
   * values the file format refuses (a negative amount typed into a cell,
   * a value outside its own range, a duplicate id…); written, such a
   * document could not be opened any more. The file on disk stays as it
   * was, and the message names the place to correct. */
  {
    g_autoptr(GError) read_error = NULL;
    g_autoptr(RamingDocument) check = read_document (data, length, &read_error);

    if (check == NULL)
      {
        g_set_error (error, read_error->domain, read_error->code,
                     _("The document was not saved, because it could not be opened again: %s"),
                     read_error->message);
        return FALSE;
      }
  }

  if (check_changed_on_disk && self != NULL &&
      raming_document_get_file (self) != NULL &&
      g_file_equal (file, raming_document_get_file (self)))
    etag = _raming_document_get_etag (self);

  if (!g_file_replace_contents (file, data, length, etag, TRUE,
                                G_FILE_CREATE_REPLACE_DESTINATION, &new_etag, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_CHANGED_ON_DISK,
                     _("The file was changed by someone else since it was opened"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  raming_document_set_file (self, file);
  _raming_document_set_etag (self, new_etag);
  raming_document_set_modified (self, FALSE);
  return TRUE;
}

/* Two documents are equal when they save to the same file. */
gboolean
raming_document_equal (RamingDocument *a,
                       RamingDocument *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (RAMING_IS_DOCUMENT (b), FALSE);

  x = raming_document_save_to_data (a, NULL);
  y = raming_document_save_to_data (b, NULL);
  return g_str_equal (x, y);
}
