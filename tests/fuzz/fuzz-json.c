/* fuzz-json.c: any bytes through the loader's JSON reader
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, the reader either refuses them with a message of its
 * own error domain, in UTF-8, or gives a tree; it gives a tree only for
 * UTF-8 without NUL bytes, as it promises. The json-glib copy the loader
 * keeps of members it does not know (raming_json_node_to_json_glib())
 * holds the same values in the same order, and a tree without infinite
 * numbers, written out as plain JSON, reads again to the same values.
 * fuzz-document covers the reader too, but only as far as a document
 * gets: this target reaches every corner of the JSON itself
 * (docs/reliability.md).
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raming-fuzz.h"
#include "raming-json-reader.h"

/* As deep as the loader allows documents to nest, and a little more. */
#define MAX_DEPTH 40

static gboolean
is_number (const RamingJsonNode *node)
{
  return node->kind == RAMING_JSON_INT || node->kind == RAMING_JSON_DOUBLE;
}

static double
number_of (const RamingJsonNode *node)
{
  return node->kind == RAMING_JSON_INT ? (double) node->v.integer : node->v.number;
}

/* The same value: json-glib writes a double without a fraction as an
 * integer ("1" for 1.0), so numbers of either kind compare by value. */
static gboolean
same_value (const RamingJsonNode *a,
            const RamingJsonNode *b)
{
  if (is_number (a) && is_number (b))
    {
      if (a->kind == RAMING_JSON_INT && b->kind == RAMING_JSON_INT)
        return a->v.integer == b->v.integer;
      return number_of (a) == number_of (b);
    }
  if (a->kind != b->kind || a->length != b->length)
    return FALSE;

  switch (a->kind)
    {
    case RAMING_JSON_NULL:
      return TRUE;
    case RAMING_JSON_BOOLEAN:
      return !a->v.boolean == !b->v.boolean;
    case RAMING_JSON_STRING:
      return memcmp (a->v.string, b->v.string, a->length) == 0;
    case RAMING_JSON_ARRAY:
      for (guint32 i = 0; i < a->length; i++)
        if (!same_value (&a->v.elements[i], &b->v.elements[i]))
          return FALSE;
      return TRUE;
    case RAMING_JSON_OBJECT:
      for (guint32 i = 0; i < a->length; i++)
        {
          const RamingJsonMember *x = &a->v.members[i];
          const RamingJsonMember *y = &b->v.members[i];

          if (x->name_length != y->name_length ||
              memcmp (x->name, y->name, x->name_length) != 0 ||
              !same_value (&x->value, &y->value))
            return FALSE;
        }
      return TRUE;
    default:
      return FALSE;
    }
}

static void
check_refusal (const GError *error)
{
  RAMING_FUZZ_CHECK (error != NULL, "refused without a message");
  RAMING_FUZZ_CHECK (error->domain == RAMING_JSON_READER_ERROR,
                     "refused with a message of another domain: %s", error->message);
  RAMING_FUZZ_CHECK (error->message[0] != '\0', "refused with an empty message");
  RAMING_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL),
                     "the message is not UTF-8");
}

/* Plain JSON of a tree, written here: json-glib 1.6's generator writes
 * 1e308 as "1e+308.0", which is not JSON. */
static void
write_string (GString    *out,
              const char *text,
              guint32     length)
{
  g_string_append_c (out, '"');
  for (guint32 i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
write_json (GString              *out,
            const RamingJsonNode *node)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (node->kind)
    {
    case RAMING_JSON_NULL:
      g_string_append (out, "null");
      break;
    case RAMING_JSON_BOOLEAN:
      g_string_append (out, node->v.boolean ? "true" : "false");
      break;
    case RAMING_JSON_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, node->v.integer);
      break;
    case RAMING_JSON_DOUBLE:
      g_string_append (out, g_ascii_dtostr (number, sizeof number, node->v.number));
      break;
    case RAMING_JSON_STRING:
      write_string (out, node->v.string, node->length);
      break;
    case RAMING_JSON_ARRAY:
      g_string_append_c (out, '[');
      for (guint32 i = 0; i < node->length; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_json (out, &node->v.elements[i]);
        }
      g_string_append_c (out, ']');
      break;
    case RAMING_JSON_OBJECT:
      g_string_append_c (out, '{');
      for (guint32 i = 0; i < node->length; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_string (out, node->v.members[i].name, node->v.members[i].name_length);
          g_string_append_c (out, ':');
          write_json (out, &node->v.members[i].value);
        }
      g_string_append_c (out, '}');
      break;
    default:
      RAMING_FUZZ_CHECK (FALSE, "a node of unknown kind %u", node->kind);
    }
}

/* The json-glib copy the loader keeps of members it does not know holds
 * the same values, members in the same order. */
static gboolean
same_as_json_glib (const RamingJsonNode *a,
                   JsonNode             *b)
{
  switch (a->kind)
    {
    case RAMING_JSON_NULL:
      return JSON_NODE_HOLDS_NULL (b);
    case RAMING_JSON_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (b) && json_node_get_value_type (b) == G_TYPE_BOOLEAN &&
             !json_node_get_boolean (b) == !a->v.boolean;
    case RAMING_JSON_INT:
      return JSON_NODE_HOLDS_VALUE (b) && json_node_get_value_type (b) == G_TYPE_INT64 &&
             json_node_get_int (b) == a->v.integer;
    case RAMING_JSON_DOUBLE:
      return JSON_NODE_HOLDS_VALUE (b) && json_node_get_value_type (b) == G_TYPE_DOUBLE &&
             json_node_get_double (b) == a->v.number;
    case RAMING_JSON_STRING:
      return JSON_NODE_HOLDS_VALUE (b) && json_node_get_value_type (b) == G_TYPE_STRING &&
             strlen (json_node_get_string (b)) == a->length &&
             memcmp (json_node_get_string (b), a->v.string, a->length) == 0;
    case RAMING_JSON_ARRAY:
      {
        JsonArray *array = JSON_NODE_HOLDS_ARRAY (b) ? json_node_get_array (b) : NULL;

        if (array == NULL || json_array_get_length (array) != a->length)
          return FALSE;
        for (guint32 i = 0; i < a->length; i++)
          if (!same_as_json_glib (&a->v.elements[i], json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case RAMING_JSON_OBJECT:
      {
        JsonObject *object = JSON_NODE_HOLDS_OBJECT (b) ? json_node_get_object (b) : NULL;
        g_autoptr(GList) names = object ? json_object_get_members (object) : NULL;
        GList *l = names;

        if (object == NULL || json_object_get_size (object) != a->length)
          return FALSE;
        for (guint32 i = 0; i < a->length; i++, l = l->next)
          {
            const RamingJsonMember *m = &a->v.members[i];

            if (l == NULL || strlen (l->data) != m->name_length ||
                memcmp (l->data, m->name, m->name_length) != 0 ||
                !same_as_json_glib (&m->value, json_object_get_member (object, l->data)))
              return FALSE;
          }
        return TRUE;
      }
    default:
      return FALSE;
    }
}

void
raming_fuzz_json (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GError) error = NULL;
  RamingJsonTree *tree = raming_json_tree_new_from_data ((const char *) data, size, MAX_DEPTH, &error);
  RamingJsonTree *again = NULL;
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (tree == NULL)
    {
      check_refusal (error);
      return;
    }
  RAMING_FUZZ_CHECK (error == NULL, "a tree and an error: %s", error->message);
  RAMING_FUZZ_CHECK (g_utf8_validate ((const char *) data, size, NULL),
                     "read a text that is not UTF-8");
  RAMING_FUZZ_CHECK (memchr (data, '\0', size) == NULL, "read a text with a NUL byte");

  copy = raming_json_node_to_json_glib (raming_json_tree_get_root (tree));
  RAMING_FUZZ_CHECK (same_as_json_glib (raming_json_tree_get_root (tree), copy),
                     "the json-glib copy holds other values");

  if (raming_json_tree_has_nonfinite (tree))
    {
      /* JSON has no way to write infinity: no text to read again. */
      raming_json_tree_free (tree);
      return;
    }

  /* Its plain JSON reads again to the same values. */
  write_json (text, raming_json_tree_get_root (tree));
  again = raming_json_tree_new_from_data (text->str, text->len, MAX_DEPTH, &error);
  RAMING_FUZZ_CHECK (again != NULL, "the plain JSON of a tree does not read again: %s\n%s",
                     error->message, text->str);
  RAMING_FUZZ_CHECK (same_value (raming_json_tree_get_root (tree), raming_json_tree_get_root (again)),
                     "the plain JSON of a tree reads as other values:\n%s", text->str);

  raming_json_tree_free (again);
  raming_json_tree_free (tree);
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
  raming_fuzz_json (data, size);
  return 0;
}
#endif
