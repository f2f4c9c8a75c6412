/* raming-cell-input.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "raming-cell-input.h"
#include "raming-error.h"
#include "raming-format.h"
#include "raming-private.h"

struct _RamingCellInput
{
  gatomicrefcount      ref_count;
  RamingCellInputKind  kind;
  RamingCellStatus     status;
  double               amount;
  char                *formula_text;
  RamingFormula       *formula;
  GError              *formula_error;
  char                *label;
  RamingCellInput     *low;
  RamingCellInput     *high;
  char                *source;
  char                *page;
  char                *note;
  JsonObject          *extra;     /* members this version does not know */
};

G_DEFINE_BOXED_TYPE (RamingCellInput, raming_cell_input,
                     raming_cell_input_ref, raming_cell_input_unref)

static const struct {
  RamingCellStatus status;
  const char *id;
  const char *nl;
  const char *en;
} statuses[] = {
  { RAMING_CELL_STATUS_UNKNOWN, "unknown", "Niet bekend", "Unknown" },
  { RAMING_CELL_STATUS_NONE, "none", "Geen", "None" },
  { RAMING_CELL_STATUS_TO_EXPLORE, "to-explore", "Verkennen we", "To be explored" },
  { RAMING_CELL_STATUS_NOT_APPLICABLE, "not-applicable", "Nvt", "N/a" },
  { RAMING_CELL_STATUS_EMPTY, "empty", "-", "-" },
};

/* Other ways advisers write the same status; typed in a cell they keep
 * their wording as the cell's label. */
static const struct {
  RamingCellStatus status;
  const char *word;
} synonyms[] = {
  { RAMING_CELL_STATUS_UNKNOWN, "onbekend" },
  { RAMING_CELL_STATUS_UNKNOWN, "nog niet bekend" },
  { RAMING_CELL_STATUS_TO_EXPLORE, "gaan we verkennen" },
  { RAMING_CELL_STATUS_TO_EXPLORE, "te verkennen" },
  { RAMING_CELL_STATUS_TO_EXPLORE, "nader te verkennen" },
  { RAMING_CELL_STATUS_TO_EXPLORE, "to explore" },
  { RAMING_CELL_STATUS_NOT_APPLICABLE, "n.v.t." },
  { RAMING_CELL_STATUS_NOT_APPLICABLE, "nvt." },
  { RAMING_CELL_STATUS_NOT_APPLICABLE, "niet van toepassing" },
  { RAMING_CELL_STATUS_NOT_APPLICABLE, "n/a" },
  { RAMING_CELL_STATUS_NOT_APPLICABLE, "not applicable" },
  { RAMING_CELL_STATUS_EMPTY, "\342\200\223" },   /* en dash */
  { RAMING_CELL_STATUS_EMPTY, "\342\200\224" },   /* em dash */
};

const char *
raming_cell_status_to_id (RamingCellStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i].status == status)
      return statuses[i].id;
  return NULL;
}

RamingCellStatus
raming_cell_status_from_id (const char *id)
{
  if (id == NULL)
    return RAMING_CELL_STATUS_NONE_SET;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i].id, id))
      return statuses[i].status;
  return RAMING_CELL_STATUS_NONE_SET;
}

const char *
raming_cell_status_to_word (RamingCellStatus status,
                            RamingLanguage   language)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i].status == status)
      return language == RAMING_LANGUAGE_EN ? statuses[i].en : statuses[i].nl;
  return "";
}

/* Canonical words and ids of both languages; returns NONE_SET when the
 * word is not a status at all. */
RamingCellStatus
raming_cell_status_from_word (const char *word)
{
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  if (word == NULL)
    return RAMING_CELL_STATUS_NONE_SET;

  stripped = g_strstrip (g_strdup (word));
  folded = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *nl = g_utf8_casefold (statuses[i].nl, -1);
      g_autofree char *en = g_utf8_casefold (statuses[i].en, -1);

      if (g_str_equal (folded, statuses[i].id) ||
          g_str_equal (folded, nl) ||
          g_str_equal (folded, en))
        return statuses[i].status;
    }

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (folded, synonyms[i].word))
      return synonyms[i].status;

  return RAMING_CELL_STATUS_NONE_SET;
}

static gboolean
is_canonical_word (const char       *word,
                   RamingCellStatus  status)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *nl = NULL;
      g_autofree char *en = NULL;

      if (statuses[i].status != status)
        continue;
      nl = g_utf8_casefold (statuses[i].nl, -1);
      en = g_utf8_casefold (statuses[i].en, -1);
      return g_str_equal (folded, nl) || g_str_equal (folded, en) ||
             g_str_equal (folded, statuses[i].id);
    }
  return FALSE;
}

static RamingCellInput *
cell_input_alloc (RamingCellInputKind kind)
{
  RamingCellInput *self = g_new0 (RamingCellInput, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->status = RAMING_CELL_STATUS_NONE_SET;
  return self;
}

/* Every measure starts with four blank cells, and most files leave many
 * cells blank: they share one input (inputs do not change once made). */
RamingCellInput *
raming_cell_input_new_blank (void)
{
  static RamingCellInput *blank;

  if (g_once_init_enter (&blank))
    g_once_init_leave (&blank, cell_input_alloc (RAMING_CELL_INPUT_BLANK));
  return raming_cell_input_ref (blank);
}

RamingCellInput *
raming_cell_input_new_amount (double amount)
{
  RamingCellInput *self;

  g_return_val_if_fail (isfinite (amount), NULL);

  self = cell_input_alloc (RAMING_CELL_INPUT_AMOUNT);
  self->amount = amount;
  return self;
}

RamingCellInput *
raming_cell_input_new_status (RamingCellStatus  status,
                              const char       *label)
{
  RamingCellInput *self;

  g_return_val_if_fail (status != RAMING_CELL_STATUS_NONE_SET, NULL);

  self = cell_input_alloc (RAMING_CELL_INPUT_STATUS);
  self->status = status;
  if (label != NULL && label[0] != '\0')
    self->label = g_strdup (label);
  return self;
}

/* A formula that does not parse is still kept, with its error, so that
 * the adviser sees what they typed and why it is wrong. */
RamingCellInput *
raming_cell_input_new_formula (const char     *text,
                               RamingLanguage  language)
{
  RamingCellInput *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = cell_input_alloc (RAMING_CELL_INPUT_FORMULA);
  self->formula_text = g_strdup (text);
  self->formula = raming_formula_parse (text, language, &self->formula_error);
  return self;
}

static void
copy_meta (RamingCellInput *to,
           RamingCellInput *from)
{
  to->source = g_strdup (from->source);
  to->page = g_strdup (from->page);
  to->note = g_strdup (from->note);
  if (from->extra != NULL)
    to->extra = json_object_ref (from->extra);
}

static RamingCellInput *
cell_input_dup (RamingCellInput *self)
{
  RamingCellInput *copy = cell_input_alloc (self->kind);

  copy->status = self->status;
  copy->amount = self->amount;
  copy->formula_text = g_strdup (self->formula_text);
  if (self->formula != NULL)
    copy->formula = raming_formula_ref (self->formula);
  if (self->formula_error != NULL)
    copy->formula_error = g_error_copy (self->formula_error);
  copy->label = g_strdup (self->label);
  if (self->low != NULL)
    copy->low = raming_cell_input_ref (self->low);
  if (self->high != NULL)
    copy->high = raming_cell_input_ref (self->high);
  copy_meta (copy, self);
  return copy;
}

RamingCellInput *
raming_cell_input_copy_with_range (RamingCellInput *self,
                                   RamingCellInput *low,
                                   RamingCellInput *high)
{
  RamingCellInput *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cell_input_dup (self);
  g_clear_pointer (&copy->low, raming_cell_input_unref);
  g_clear_pointer (&copy->high, raming_cell_input_unref);
  if (low != NULL && !raming_cell_input_is_blank (low))
    copy->low = raming_cell_input_ref (low);
  if (high != NULL && !raming_cell_input_is_blank (high))
    copy->high = raming_cell_input_ref (high);
  return copy;
}

static char *
dup_nonempty (const char *s)
{
  return (s != NULL && s[0] != '\0') ? g_strdup (s) : NULL;
}

RamingCellInput *
raming_cell_input_copy_with_meta (RamingCellInput *self,
                                  const char      *source,
                                  const char      *page,
                                  const char      *note)
{
  RamingCellInput *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cell_input_dup (self);
  g_free (copy->source);
  g_free (copy->page);
  g_free (copy->note);
  copy->source = dup_nonempty (source);
  copy->page = dup_nonempty (page);
  copy->note = dup_nonempty (note);
  return copy;
}

/* Formulas are stored as the adviser wrote them, in the document's
 * language; when the language changes they are rewritten so that
 * "0,89%" keeps meaning the same number. */
RamingCellInput *
raming_cell_input_relanguage (RamingCellInput *self,
                              RamingLanguage   from,
                              RamingLanguage   to)
{
  RamingCellInput *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cell_input_dup (self);
  if (self->kind == RAMING_CELL_INPUT_FORMULA && self->formula != NULL && from != to)
    {
      g_autofree char *text = raming_formula_to_string (self->formula, to);

      g_clear_pointer (&copy->formula, raming_formula_unref);
      g_clear_error (&copy->formula_error);
      g_free (copy->formula_text);
      copy->formula_text = g_strconcat ("=", text, NULL);
      copy->formula = raming_formula_parse (copy->formula_text, to, &copy->formula_error);
    }
  else if (self->kind == RAMING_CELL_INPUT_FORMULA && from != to)
    {
      /* A formula that cannot be read stays as written, but is read the
       * way the saved file will be read from now on: “=max(1,5,2)” is an
       * error in Dutch and 5 in English. */
      g_clear_error (&copy->formula_error);
      copy->formula = raming_formula_parse (copy->formula_text, to, &copy->formula_error);
    }
  if (self->low != NULL)
    {
      g_clear_pointer (&copy->low, raming_cell_input_unref);
      copy->low = raming_cell_input_relanguage (self->low, from, to);
    }
  if (self->high != NULL)
    {
      g_clear_pointer (&copy->high, raming_cell_input_unref);
      copy->high = raming_cell_input_relanguage (self->high, from, to);
    }
  return copy;
}

/* What the input becomes when the assumption @from is renamed @to: its
 * formula, and those of its range, name @to instead. %NULL when none of
 * them uses @from. A formula that cannot be read is left as written. */
RamingCellInput *
raming_cell_input_rename (RamingCellInput *self,
                          const char      *from,
                          const char      *to,
                          RamingLanguage   language)
{
  g_autoptr(RamingCellInput) low = NULL;
  g_autoptr(RamingCellInput) high = NULL;
  g_autofree char *text = NULL;
  RamingCellInput *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (self->kind == RAMING_CELL_INPUT_FORMULA && self->formula != NULL)
    text = raming_formula_rename (self->formula, from, to, language);
  if (self->low != NULL)
    low = raming_cell_input_rename (self->low, from, to, language);
  if (self->high != NULL)
    high = raming_cell_input_rename (self->high, from, to, language);
  if (text == NULL && low == NULL && high == NULL)
    return NULL;

  copy = cell_input_dup (self);
  if (text != NULL)
    {
      g_clear_pointer (&copy->formula, raming_formula_unref);
      g_clear_error (&copy->formula_error);
      g_free (copy->formula_text);
      copy->formula_text = g_strconcat ("=", text, NULL);
      copy->formula = raming_formula_parse (copy->formula_text, language, &copy->formula_error);
    }
  if (low != NULL)
    {
      g_clear_pointer (&copy->low, raming_cell_input_unref);
      copy->low = g_steal_pointer (&low);
    }
  if (high != NULL)
    {
      g_clear_pointer (&copy->high, raming_cell_input_unref);
      copy->high = g_steal_pointer (&high);
    }
  return copy;
}

RamingCellInput *
raming_cell_input_ref (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
raming_cell_input_unref (RamingCellInput *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->formula_text);
  g_clear_pointer (&self->formula, raming_formula_unref);
  g_clear_error (&self->formula_error);
  g_free (self->label);
  g_clear_pointer (&self->low, raming_cell_input_unref);
  g_clear_pointer (&self->high, raming_cell_input_unref);
  g_free (self->source);
  g_free (self->page);
  g_free (self->note);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

/* What an adviser types into a cell: "=…" is a formula, a status word is
 * a status, anything else must be a number in the document's style. */
RamingCellInput *
raming_cell_input_new_from_text (const char      *text,
                                 RamingLanguage   language,
                                 GError         **error)
{
  g_autofree char *stripped = NULL;
  RamingCellStatus status;
  double value;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    return raming_cell_input_new_blank ();

  if (stripped[0] == '=')
    {
      RamingCellInput *self = raming_cell_input_new_formula (stripped, language);

      if (self->formula_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->formula_error));
          raming_cell_input_unref (self);
          return NULL;
        }
      return self;
    }

  status = raming_cell_status_from_word (stripped);
  if (status != RAMING_CELL_STATUS_NONE_SET)
    return raming_cell_input_new_status (status,
                                         is_canonical_word (stripped, status) ? NULL : stripped);

  if (!raming_parse_number (stripped, language, &value, &local_error))
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                   /* Translators: the text the adviser typed into a cell */
                   _("“%s” is not an amount, a formula (starting with “=”) or a status"),
                   stripped);
      return NULL;
    }

  return raming_cell_input_new_amount (value);
}

static gboolean
number_is_sane (double   value,
                const char *where,
                GError **error)
{
  if (!isfinite (value) || fabs (value) > 1e15)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                   _("%s: %g is not a usable amount (it must be a finite number below a million billion)"),
                   where, value);
      return FALSE;
    }
  return TRUE;
}

static RamingCellInput *
from_json_scalar (const RamingJsonNode  *node,
                  RamingLanguage         language,
                  const char            *where,
                  gboolean               allow_status,
                  GError               **error)
{
  if (raming_json_node_is_number (node))
    {
      double value = raming_json_node_get_double (node);

      if (!number_is_sane (value, where, error))
        return NULL;
      return raming_cell_input_new_amount (value);
    }

  if (node->kind == RAMING_JSON_STRING)
    {
      const char *text = node->v.string;
      RamingCellStatus status;

      if (text[0] == '=')
        return raming_cell_input_new_formula (text, language);

      status = raming_cell_status_from_id (text);
      if (allow_status && status != RAMING_CELL_STATUS_NONE_SET)
        return raming_cell_input_new_status (status, NULL);

      if (allow_status)
        g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                     _("%s: “%s” is not an amount, formula or status"), where, text);
      else
        g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                     _("%s: “%s” is not an amount or a formula"), where, text);
      return NULL;
    }

  g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
               _("%s: expected an amount, formula or status"), where);
  return NULL;
}

static gboolean
get_optional_string (const RamingJsonNode  *object,
                     const char            *member,
                     const char            *where,
                     char                 **out,
                     GError               **error)
{
  const RamingJsonNode *node = raming_json_object_get_member (object, member);

  if (node == NULL || node->kind == RAMING_JSON_NULL)
    return TRUE;

  if (node->kind != RAMING_JSON_STRING)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                   _("%s.%s: expected text"), where, member);
      return FALSE;
    }

  *out = dup_nonempty (node->v.string);
  return TRUE;
}

/* A cell as the file has it (docs/file-format.md, "Cells"): absent or
 * null (blank), a number, a text (a formula or a status), or an object
 * with one of those and its label, range, source, page and note. The
 * loader's reader gives the node; where names it in a message. */
RamingCellInput *
_raming_cell_input_new_from_reader (const RamingJsonNode  *node,
                                    RamingLanguage         language,
                                    const char            *where,
                                    GError               **error)
{
  g_autoptr(RamingCellInput) self = NULL;
  const RamingJsonNode *member;
  static const char * const known[] = {
    "amount", "formula", "status", "label", "low", "high", "source", "page", "note",
  };

  g_return_val_if_fail (where != NULL, NULL);

  if (node == NULL || node->kind == RAMING_JSON_NULL)
    return raming_cell_input_new_blank ();

  if (raming_json_node_is_scalar (node))
    return from_json_scalar (node, language, where, TRUE, error);

  if (node->kind != RAMING_JSON_OBJECT)
    {
      g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                   _("%s: expected an amount, formula or status"), where);
      return NULL;
    }

  if ((member = raming_json_object_get_member (node, "amount")) != NULL)
    {
      g_autofree char *sub = g_strdup_printf ("%s.amount", where);

      if (!raming_json_node_is_number (member))
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                       _("%s: expected a number"), sub);
          return NULL;
        }
      if (!(self = from_json_scalar (member, language, sub, FALSE, error)))
        return NULL;
    }
  else if ((member = raming_json_object_get_member (node, "formula")) != NULL)
    {
      g_autofree char *sub = g_strdup_printf ("%s.formula", where);

      if (member->kind != RAMING_JSON_STRING)
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                       _("%s: expected a formula as text"), sub);
          return NULL;
        }
      self = raming_cell_input_new_formula (member->v.string, language);
    }
  else if ((member = raming_json_object_get_member (node, "status")) != NULL)
    {
      RamingCellStatus status = RAMING_CELL_STATUS_NONE_SET;

      if (member->kind == RAMING_JSON_STRING)
        status = raming_cell_status_from_id (member->v.string);
      if (status == RAMING_CELL_STATUS_NONE_SET)
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                       _("%s.status: not one of unknown, none, to-explore, not-applicable, empty"),
                       where);
          return NULL;
        }
      self = raming_cell_input_new_status (status, NULL);
    }
  else
    self = cell_input_alloc (RAMING_CELL_INPUT_BLANK);   /* filled in below */

  if (!get_optional_string (node, "label", where, &self->label, error) ||
      !get_optional_string (node, "source", where, &self->source, error) ||
      !get_optional_string (node, "page", where, &self->page, error) ||
      !get_optional_string (node, "note", where, &self->note, error))
    return NULL;

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "low" : "high";
      const RamingJsonNode *bound = raming_json_object_get_member (node, name);
      g_autofree char *sub = NULL;
      RamingCellInput *parsed;

      if (bound == NULL || bound->kind == RAMING_JSON_NULL)
        continue;

      sub = g_strdup_printf ("%s.%s", where, name);
      if (!raming_json_node_is_scalar (bound))
        {
          g_set_error (error, RAMING_DOCUMENT_ERROR, RAMING_DOCUMENT_ERROR_INVALID,
                       _("%s: expected an amount or a formula"), sub);
          return NULL;
        }
      if (!(parsed = from_json_scalar (bound, language, sub, FALSE, error)))
        return NULL;
      if (i == 0)
        self->low = parsed;
      else
        self->high = parsed;
    }

  /* Unknown members, in the order of the file, as json-glib nodes: that
   * is how they are written back. */
  for (guint32 i = 0; i < node->length; i++)
    {
      const RamingJsonMember *m = &node->v.members[i];
      gboolean is_known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (known) && !is_known; k++)
        is_known = g_str_equal (m->name, known[k]);
      if (is_known)
        continue;
      if (self->extra == NULL)
        self->extra = json_object_new ();
      json_object_set_member (self->extra, m->name, raming_json_node_to_json_glib (&m->value));
    }

  return g_steal_pointer (&self);
}

static JsonNode *
scalar_to_json (RamingCellInput *self)
{
  switch (self->kind)
    {
    case RAMING_CELL_INPUT_BLANK:
      return json_node_new (JSON_NODE_NULL);

    case RAMING_CELL_INPUT_AMOUNT:
      {
        JsonNode *node = json_node_new (JSON_NODE_VALUE);

        /* Whole amounts stay integers in the file, for people who read it. */
        if (self->amount == floor (self->amount) && fabs (self->amount) < 9e15)
          json_node_set_int (node, (gint64) self->amount);
        else
          json_node_set_double (node, self->amount);
        return node;
      }

    case RAMING_CELL_INPUT_FORMULA:
      {
        JsonNode *node = json_node_new (JSON_NODE_VALUE);

        json_node_set_string (node, self->formula_text);
        return node;
      }

    case RAMING_CELL_INPUT_STATUS:
      {
        JsonNode *node = json_node_new (JSON_NODE_VALUE);

        json_node_set_string (node, raming_cell_status_to_id (self->status));
        return node;
      }

    default:
      g_assert_not_reached ();
    }
}

JsonNode *
raming_cell_input_to_json (RamingCellInput *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->label == NULL && self->low == NULL && self->high == NULL &&
      self->source == NULL && self->page == NULL && self->note == NULL &&
      self->extra == NULL)
    return scalar_to_json (self);

  object = json_object_new ();
  switch (self->kind)
    {
    case RAMING_CELL_INPUT_AMOUNT:
      json_object_set_member (object, "amount", scalar_to_json (self));
      break;
    case RAMING_CELL_INPUT_FORMULA:
      json_object_set_member (object, "formula", scalar_to_json (self));
      break;
    case RAMING_CELL_INPUT_STATUS:
      json_object_set_member (object, "status", scalar_to_json (self));
      break;
    case RAMING_CELL_INPUT_BLANK:
    default:
      break;
    }
  if (self->label != NULL)
    json_object_set_string_member (object, "label", self->label);
  if (self->low != NULL)
    json_object_set_member (object, "low", scalar_to_json (self->low));
  if (self->high != NULL)
    json_object_set_member (object, "high", scalar_to_json (self->high));
  if (self->source != NULL)
    json_object_set_string_member (object, "source", self->source);
  if (self->page != NULL)
    json_object_set_string_member (object, "page", self->page);
  if (self->note != NULL)
    json_object_set_string_member (object, "note", self->note);
  if (self->extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (self->extra);

      for (const GList *l = members; l != NULL; l = l->next)
        if (!json_object_has_member (object, l->data))
          json_object_set_member (object, l->data,
                                  json_node_copy (json_object_get_member (self->extra, l->data)));
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* Number fields refuse an exponent (“1e5” is not a number there), yet
 * raming_format_plain() gives one to numbers below 10^-10: the text shown
 * for editing writes such an amount out in full, so that it reads back. */
static char *
amount_to_text (double          amount,
                RamingLanguage  language)
{
  g_autofree char *plain = raming_format_plain (amount, language);
  const char *e = strchr (plain, 'e');
  int exponent;
  GString *out;

  if (e == NULL || (exponent = atoi (e + 1)) >= 0)
    return g_steal_pointer (&plain);

  out = g_string_new (amount < 0 ? "-0" : "0");
  g_string_append_c (out, language == RAMING_LANGUAGE_NL ? ',' : '.');
  for (int i = 1; i < -exponent; i++)
    g_string_append_c (out, '0');
  for (const char *p = plain; p < e; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The text an adviser sees when editing the cell. */
char *
raming_cell_input_to_text (RamingCellInput *self,
                           RamingLanguage   language)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case RAMING_CELL_INPUT_BLANK:
      return g_strdup ("");
    case RAMING_CELL_INPUT_AMOUNT:
      return amount_to_text (self->amount, language);
    case RAMING_CELL_INPUT_FORMULA:
      return g_strdup (self->formula_text);
    case RAMING_CELL_INPUT_STATUS:
      return g_strdup (self->label != NULL ? self->label
                                           : raming_cell_status_to_word (self->status, language));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
str_equal0 (const char *a,
            const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

gboolean
raming_cell_input_equal (RamingCellInput *a,
                         RamingCellInput *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->kind != b->kind || a->status != b->status)
    return FALSE;
  if (a->kind == RAMING_CELL_INPUT_AMOUNT && a->amount != b->amount)
    return FALSE;
  /* The same text read in another language can mean something else. */
  if ((a->formula == NULL) != (b->formula == NULL) ||
      (a->formula_error != NULL && b->formula_error != NULL &&
       !g_str_equal (a->formula_error->message, b->formula_error->message)))
    return FALSE;
  if (!str_equal0 (a->formula_text, b->formula_text) ||
      !str_equal0 (a->label, b->label) ||
      !str_equal0 (a->source, b->source) ||
      !str_equal0 (a->page, b->page) ||
      !str_equal0 (a->note, b->note))
    return FALSE;
  if ((a->low == NULL) != (b->low == NULL) || (a->high == NULL) != (b->high == NULL))
    return FALSE;
  if (a->low != NULL && !raming_cell_input_equal (a->low, b->low))
    return FALSE;
  if (a->high != NULL && !raming_cell_input_equal (a->high, b->high))
    return FALSE;
  if ((a->extra == NULL) != (b->extra == NULL))
    return FALSE;
  if (a->extra != NULL && !json_object_equal (a->extra, b->extra))
    return FALSE;
  return TRUE;
}

RamingCellInputKind
raming_cell_input_get_kind (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, RAMING_CELL_INPUT_BLANK);
  return self->kind;
}

double
raming_cell_input_get_amount (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->amount;
}

RamingFormula *
raming_cell_input_get_formula (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->formula;
}

const char *
raming_cell_input_get_formula_text (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->formula_text;
}

const GError *
raming_cell_input_get_formula_error (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->formula_error;
}

RamingCellStatus
raming_cell_input_get_status (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, RAMING_CELL_STATUS_NONE_SET);
  return self->status;
}

const char *
raming_cell_input_get_label (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

RamingCellInput *
raming_cell_input_get_low (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->low;
}

RamingCellInput *
raming_cell_input_get_high (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->high;
}

const char *
raming_cell_input_get_source (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source;
}

const char *
raming_cell_input_get_page (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->page;
}

const char *
raming_cell_input_get_note (RamingCellInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->note;
}

gboolean
raming_cell_input_is_blank (RamingCellInput *self)
{
  return self == NULL || self->kind == RAMING_CELL_INPUT_BLANK;
}
