/* raming-json-reader.h: a strict JSON reader for the loader
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the core. Reads a whole JSON text into a compact read-only
 * tree that lives in a few large blocks, freed at once. See
 * raming-json-reader.c for what it accepts.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

G_BEGIN_DECLS

#define RAMING_JSON_READER_ERROR (raming_json_reader_error_quark ())

typedef enum
{
  RAMING_JSON_READER_ERROR_SYNTAX,     /* not JSON (or not UTF-8) */
  RAMING_JSON_READER_ERROR_EMPTY,      /* no value at all: only spaces and comments */
  RAMING_JSON_READER_ERROR_TRAILING,   /* something after the first value */
  RAMING_JSON_READER_ERROR_TOO_DEEP,   /* nested deeper than asked */
  RAMING_JSON_READER_ERROR_DUPLICATE,  /* a name twice in one object */
  RAMING_JSON_READER_ERROR_TOO_LONG,   /* 4 GB or more */
} RamingJsonReaderError;

typedef enum
{
  RAMING_JSON_NULL,
  RAMING_JSON_BOOLEAN,
  RAMING_JSON_INT,      /* no fraction or exponent, fits in a gint64 */
  RAMING_JSON_DOUBLE,   /* every other number; can be ±infinity (1e999) */
  RAMING_JSON_STRING,
  RAMING_JSON_ARRAY,
  RAMING_JSON_OBJECT,
} RamingJsonKind;

typedef struct _RamingJsonNode   RamingJsonNode;
typedef struct _RamingJsonMember RamingJsonMember;
typedef struct _RamingJsonTree   RamingJsonTree;

/* Read only, owned by the tree. Strings are NUL-terminated and never
 * contain a NUL (\u0000 is refused), so they can be used as C strings;
 * length is their length in bytes. */
struct _RamingJsonNode
{
  guint32 kind;     /* a RamingJsonKind */
  guint32 length;   /* bytes of a string, elements of an array, members of an object */
  union
  {
    gboolean                boolean;
    gint64                  integer;
    double                  number;
    const char             *string;
    const RamingJsonNode   *elements;
    const RamingJsonMember *members;   /* in the order of the text */
  } v;
};

struct _RamingJsonMember
{
  const char     *name;
  guint32         name_length;
  RamingJsonNode  value;
};

GQuark                raming_json_reader_error_quark  (void);

RamingJsonTree       *raming_json_tree_new_from_data  (const char            *data,
                                                       gsize                  length,
                                                       guint                  max_depth,
                                                       GError               **error);
void                  raming_json_tree_free           (RamingJsonTree        *tree);
const RamingJsonNode *raming_json_tree_get_root       (RamingJsonTree        *tree);
gboolean              raming_json_tree_has_nonfinite  (RamingJsonTree        *tree);

JsonNode             *raming_json_node_to_json_glib   (const RamingJsonNode  *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RamingJsonTree, raming_json_tree_free)

static inline gboolean
raming_json_node_is_string (const RamingJsonNode *node)
{
  return node->kind == RAMING_JSON_STRING;
}

static inline gboolean
raming_json_node_is_number (const RamingJsonNode *node)
{
  return node->kind == RAMING_JSON_INT || node->kind == RAMING_JSON_DOUBLE;
}

/* A number, null, a boolean or a string: what json-glib calls a value
 * (JSON_NODE_VALUE), with null apart. */
static inline gboolean
raming_json_node_is_scalar (const RamingJsonNode *node)
{
  return node->kind >= RAMING_JSON_BOOLEAN && node->kind <= RAMING_JSON_STRING;
}

/* The number of an INT or DOUBLE node, as json_node_get_double(). */
static inline double
raming_json_node_get_double (const RamingJsonNode *node)
{
  return node->kind == RAMING_JSON_INT ? (double) node->v.integer : node->v.number;
}

/* The element of an array, or the member of an object, at index. */
static inline const RamingJsonNode *
raming_json_array_get_element (const RamingJsonNode *array,
                               guint                 index)
{
  return &array->v.elements[index];
}

/* Objects are small: a scan that compares lengths first costs less
 * than hashing the name. */
static inline const RamingJsonNode *
raming_json_object_lookup (const RamingJsonNode *object,
                           const char           *name,
                           gsize                 name_length)
{
  for (guint32 i = 0; i < object->length; i++)
    {
      const RamingJsonMember *member = &object->v.members[i];

      if (member->name_length == name_length && memcmp (member->name, name, name_length) == 0)
        return &member->value;
    }
  return NULL;
}

/* The member called name, or NULL. With a literal name the compiler
 * computes its length. */
#define raming_json_object_get_member(object, name) \
  raming_json_object_lookup ((object), (name), strlen (name))

G_END_DECLS
