/* raming-json-reader.c: a strict JSON reader for the loader
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's tree cost more than all the rest of opening a document: a
 * GHashTable and a string copy per object, a slice-allocated node per
 * value, lookups through the hash tables, and then freeing it all, with
 * malloc tidying up after the many small blocks (docs/performance.md,
 * finding 21). This reader builds a tree whose nodes and strings sit
 * next to each other in a few large blocks, freed at once; an object is
 * an array of its members in the order of the text.
 *
 * What it reads is JSON as RFC 8259 defines it, a complete text in
 * memory, with what json-glib allowed and Raming documents may contain:
 *
 *  - a byte order mark at the start is skipped;
 *  - comments count as spaces: block comments, from slash-star to the
 *    next star-slash (json-glib skips those), and line comments, from //
 *    to the end of the line;
 *
 * and refuses:
 *
 *  - anything after the first value (json-glib 1.6 read on after it);
 *  - nesting deeper than max_depth. The reader does not recurse: its
 *    stack of open arrays and objects is an array of its own;
 *  - a name twice in one object: json-glib kept the last value, so what
 *    was read depended on which one a hand edit had left in;
 *  - \u0000 in a string: the loader uses C strings, where it would cut
 *    the text short (json-glib did);
 *  - what json-glib took but JSON is not: numbers such as 0x10, 010, 1.
 *    and .5, strings in single quotes, unknown escapes such as \x, raw
 *    control characters in strings, half of a surrogate pair;
 *  - text that is not UTF-8, and NUL bytes: a text that is read is UTF-8
 *    without NUL, so whoever needs that need not check it again.
 *
 * A number without fraction or exponent that fits in a gint64 is an INT;
 * every other number a DOUBLE (g_ascii_strtod, so 1e999 is infinity: the
 * loader refuses it with the place it is found).
 *
 * An error says where (line and column, counting characters from 1) and
 * what, in words a policy adviser can pass on: "line 3, column 15: a
 * comma or } was expected".
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "raming-json-reader.h"

G_DEFINE_QUARK (raming-json-reader-error-quark, raming_json_reader_error)

/* ------------------------------------------------------------------ */
/* The blocks the tree lives in                                        */

typedef struct _Chunk Chunk;

struct _Chunk
{
  Chunk *next;
};

struct _RamingJsonTree
{
  Chunk          *chunks;
  char           *pos;        /* free space of the newest chunk */
  char           *end;
  gsize           next_size;  /* of the next chunk; doubles */
  RamingJsonNode  root;
  gboolean        has_nonfinite;
};

/* Chunks of at least this size; larger ones as the tree grows. */
#define MIN_CHUNK_SIZE (16 * 1024)
#define MAX_CHUNK_SIZE (64 * 1024 * 1024)

static gpointer
arena_alloc_slow (RamingJsonTree *tree,
                  gsize           size)
{
  gsize chunk_size = MAX (tree->next_size, size + sizeof (Chunk) + 8);
  Chunk *chunk = g_malloc (chunk_size);

  chunk->next = tree->chunks;
  tree->chunks = chunk;
  /* malloc aligns to 16; the header keeps 8-byte alignment after it. */
  tree->pos = (char *) (chunk + 1);
  tree->end = (char *) chunk + chunk_size;
  tree->next_size = MIN (tree->next_size * 2, MAX_CHUNK_SIZE);

  tree->pos += size;
  return tree->pos - size;
}

/* size bytes aligned to align (1 or 8). */
static inline gpointer
arena_alloc (RamingJsonTree *tree,
             gsize           size,
             gsize           align)
{
  gsize pad = (-(guintptr) tree->pos) & (align - 1);

  if (G_UNLIKELY ((gsize) (tree->end - tree->pos) < pad + size))
    return arena_alloc_slow (tree, size);
  tree->pos += pad + size;
  return tree->pos - size;
}

/* Gives back the end of the newest allocation, which was too large. */
static inline void
arena_shrink_last (RamingJsonTree *tree,
                   gpointer        last,
                   gsize           used)
{
  tree->pos = (char *) last + used;
}

void
raming_json_tree_free (RamingJsonTree *tree)
{
  Chunk *chunk, *next;

  if (tree == NULL)
    return;
  for (chunk = tree->chunks; chunk != NULL; chunk = next)
    {
      next = chunk->next;
      g_free (chunk);
    }
  g_free (tree);
}

const RamingJsonNode *
raming_json_tree_get_root (RamingJsonTree *tree)
{
  g_return_val_if_fail (tree != NULL, NULL);

  return &tree->root;
}

/* Whether a number somewhere in the tree is infinite (1e999), so that a
 * reader that checks known members as it goes can look for it in the
 * rest only when there is one. */
gboolean
raming_json_tree_has_nonfinite (RamingJsonTree *tree)
{
  g_return_val_if_fail (tree != NULL, FALSE);

  return tree->has_nonfinite;
}

/* ------------------------------------------------------------------ */
/* The parser                                                          */

/* An open array or object. Its elements or members so far are on the
 * parser's stack of nodes or of members from start on; when it closes
 * they are copied into the tree in one piece. */
typedef struct
{
  guint32     start;
  guint32     parent_slot;  /* where the parent keeps it, for the path */
  gboolean    is_object;
  GHashTable *names;        /* of a large object, to find a name twice */
} Frame;

/* Objects with more members than this find a name twice with a hash
 * table instead of comparing with every member before it. */
#define MANY_MEMBERS 16

typedef struct
{
  const guchar     *text;      /* after the byte order mark: line 1, column 1 */
  const guchar     *p;
  const guchar     *end;
  RamingJsonTree   *tree;
  guint             max_depth;

  Frame            *frames;
  guint             n_frames;
  guint             frames_size;

  RamingJsonNode   *nodes;     /* elements of the open arrays */
  guint32           n_nodes;
  guint32           nodes_size;
  RamingJsonMember *members;   /* members of the open objects */
  guint32           n_members;
  guint32           members_size;

  GError          **error;
} Parser;

static void
where_in_text (Parser       *parser,
               const guchar *at,
               guint        *line,
               guint        *column)
{
  *line = 1;
  *column = 1;
  for (const guchar *q = parser->text; q < at; q++)
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((*q & 0xC0) != 0x80)   /* not the middle of a character */
        (*column)++;
    }
}

static gboolean fail (Parser                *parser,
                      const guchar          *at,
                      RamingJsonReaderError  code,
                      const char            *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Sets the error at the place at, and returns FALSE. */
static gboolean
fail (Parser                *parser,
      const guchar          *at,
      RamingJsonReaderError  code,
      const char            *format,
      ...)
{
  g_autofree char *problem = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  where_in_text (parser, at, &line, &column);
  /* Translators: where a damaged file goes wrong, e.g. "line 3, column
   * 15: a comma or } was expected" */
  g_set_error (parser->error, RAMING_JSON_READER_ERROR, code,
               _("line %u, column %u: %s"), line, column, problem);
  return FALSE;
}

static gboolean
fail_ends (Parser *parser)
{
  return fail (parser, parser->end, RAMING_JSON_READER_ERROR_SYNTAX,
               "%s", _("the text ends too early"));
}

/* The length of the UTF-8 character at p, or 0 when it is not one. */
static inline guint
utf8_length (const guchar *p,
             const guchar *end)
{
  guchar c = p[0];
  gsize left = end - p;

  if (c < 0x80)
    return 1;
  if (c < 0xC2)
    return 0;   /* a byte from the middle, or too long a form */
  if (c < 0xE0)
    return left >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0)
    {
      if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xE0 && p[1] < 0xA0) ||    /* too long a form */
          (c == 0xED && p[1] >= 0xA0))     /* a surrogate */
        return 0;
      return 3;
    }
  if (c < 0xF5)
    {
      if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xF0 && p[1] < 0x90) ||    /* too long a form */
          (c == 0xF4 && p[1] >= 0x90))     /* above U+10FFFF */
        return 0;
      return 4;
    }
  return 0;
}

static gboolean
fail_not_utf8 (Parser       *parser,
               const guchar *at)
{
  return fail (parser, at, RAMING_JSON_READER_ERROR_SYNTAX,
               "%s", _("this is not UTF-8 text"));
}

/* The text of a comment: UTF-8 without NUL, like every other part of a
 * text that is read, so that a text read is a text that is UTF-8. */
static gboolean
check_comment (Parser       *parser,
               const guchar *from,
               const guchar *to)
{
  for (const guchar *q = from; q < to;)
    {
      guint n = *q == '\0' ? 0 : utf8_length (q, to);

      if (n == 0)
        return fail_not_utf8 (parser, q);
      q += n;
    }
  return TRUE;
}

/* Spaces and comments. FALSE after an error (a comment not closed). */
static gboolean
skip_space_slow (Parser *parser)
{
  const guchar *p = parser->p;
  const guchar *end = parser->end;

  for (;;)
    {
      while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
      if (end - p >= 2 && p[0] == '/' && p[1] == '*')
        {
          const guchar *close = NULL;

          for (const guchar *q = p + 2; end - q >= 2; q++)
            if (q[0] == '*' && q[1] == '/')
              {
                close = q;
                break;
              }
          if (close == NULL)
            return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                         "%s", _("a comment /* is not closed with */"));
          if (!check_comment (parser, p + 2, close))
            return FALSE;
          p = close + 2;
          continue;
        }
      if (end - p >= 2 && p[0] == '/' && p[1] == '/')
        {
          const guchar *newline = memchr (p + 2, '\n', end - p - 2);
          const guchar *stop = newline != NULL ? newline : end;

          if (!check_comment (parser, p + 2, stop))
            return FALSE;
          p = stop;
          continue;
        }
      parser->p = p;
      return TRUE;
    }
}

static inline gboolean
skip_space (Parser *parser)
{
  /* Most often there is nothing to skip. */
  if (parser->p < parser->end && *parser->p > ' ' && *parser->p != '/')
    return TRUE;
  return skip_space_slow (parser);
}

/* What a byte means inside a string: 0 is an ordinary character. */
enum
{
  PLAIN,
  QUOTE,
  BACKSLASH,
  CONTROL,
  NON_ASCII,
};

static const guint8 string_class[256] = {
  /* 0x00–0x1F: control characters must be escaped */
  CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL,
  CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL,
  CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL,
  CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL, CONTROL,
  [0x22] = QUOTE,
  [0x5C] = BACKSLASH,
  [0x80 ... 0xFF] = NON_ASCII,
};

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits after "\u" at p (p points at the backslash), or -1. */
static int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int value = 0;

  if (end - p < 6)
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Checks the escape at p (a backslash): its length in the text, and
 * the character it stands for in *c. */
static gboolean
check_escape (Parser        *parser,
              const guchar  *p,
              guint         *length,
              gunichar      *c)
{
  const guchar *end = parser->end;
  int high, low;

  if (end - p < 2)
    return fail_ends (parser);
  switch (p[1])
    {
    case '"':  *c = '"';  break;
    case '\\': *c = '\\'; break;
    case '/':  *c = '/';  break;
    case 'b':  *c = '\b'; break;
    case 'f':  *c = '\f'; break;
    case 'n':  *c = '\n'; break;
    case 'r':  *c = '\r'; break;
    case 't':  *c = '\t'; break;
    case 'u':
      if ((high = read_hex4 (p, end)) < 0)
        return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                     "%s", _("\\u must be followed by four hexadecimal digits"));
      if (high == 0)
        return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                     "%s", _("\\u0000 (the character zero) cannot be used in text"));
      if (high >= 0xDC00 && high <= 0xDFFF)
        return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                     _("\\u%04X is the second half of a character written as two escapes, without its first half"),
                     (guint) high);
      if (high >= 0xD800 && high <= 0xDBFF)
        {
          if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
              (low = read_hex4 (p + 6, end)) < 0xDC00 || low > 0xDFFF)
            return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                         _("\\u%04X is the first half of a character written as two escapes, without its second half"),
                         (guint) high);
          *c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
          *length = 12;
          return TRUE;
        }
      *c = high;
      *length = 6;
      return TRUE;
    default:
      {
        guint n = utf8_length (p + 1, end);

        if (n == 0)
          return fail_not_utf8 (parser, p + 1);
        return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                     _("“\\%.*s” is not an escape that JSON knows"),
                     (int) n, (const char *) p + 1);
      }
    }
  *length = 2;
  return TRUE;
}

/* The string whose opening quote is at parser->p, into the tree. */
static gboolean
read_string (Parser       *parser,
             const char  **out,
             guint32      *out_length)
{
  const guchar *open = parser->p;
  const guchar *start = open + 1;
  const guchar *p = start;
  const guchar *end = parser->end;
  gboolean escaped = FALSE;
  gsize raw_length;
  char *s;

  /* First find its end, checking everything on the way. */
  for (;;)
    {
      while (p < end && string_class[*p] == PLAIN)
        p++;
      if (p == end)
        return fail (parser, open, RAMING_JSON_READER_ERROR_SYNTAX,
                     "%s", _("the text in quotes that starts here is not closed"));
      switch (string_class[*p])
        {
        case QUOTE:
          goto closed;
        case BACKSLASH:
          {
            guint length;
            gunichar c;

            if (!check_escape (parser, p, &length, &c))
              return FALSE;
            escaped = TRUE;
            p += length;
          }
          break;
        case CONTROL:
          return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                       "%s", _("a control character (such as a line break or a tab) inside quotes; "
                               "it must be written as an escape such as \\n or \\t"));
        case NON_ASCII:
        default:
          {
            guint n = utf8_length (p, end);

            if (n == 0)
              return fail_not_utf8 (parser, p);
            p += n;
          }
          break;
        }
    }

closed:
  raw_length = p - start;
  parser->p = p + 1;

  /* Unescaping never makes a string longer. */
  s = arena_alloc (parser->tree, raw_length + 1, 1);
  if (!escaped)
    {
      memcpy (s, start, raw_length);
      s[raw_length] = '\0';
      *out_length = raw_length;
    }
  else
    {
      char *o = s;

      for (const guchar *q = start; q < p;)
        {
          const guchar *plain = q;
          guint length;
          gunichar c;

          while (q < p && *q != '\\')
            q++;
          memcpy (o, plain, q - plain);
          o += q - plain;
          if (q == p)
            break;
          /* Checked above: cannot fail. */
          if (!check_escape (parser, q, &length, &c))
            g_assert_not_reached ();
          o += g_unichar_to_utf8 (c, o);
          q += length;
        }
      *o = '\0';
      *out_length = o - s;
      arena_shrink_last (parser->tree, s, o - s + 1);
    }
  *out = s;
  return TRUE;
}

static inline gboolean
is_digit (guchar c)
{
  return c >= '0' && c <= '9';
}

/* The number at parser->p. */
static gboolean
read_number (Parser         *parser,
             RamingJsonNode *node)
{
  const guchar *start = parser->p;
  const guchar *p = start;
  const guchar *end = parser->end;
  gboolean negative = FALSE;
  gboolean whole = TRUE;
  guint64 magnitude = 0;
  gboolean overflow = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p == end)
    return fail_ends (parser);
  if (*p == '0')
    {
      p++;
      if (p < end && is_digit (*p))
        return fail (parser, start, RAMING_JSON_READER_ERROR_SYNTAX,
                     "%s", _("a number cannot start with 0 (write 7, not 07)"));
    }
  else if (is_digit (*p))
    {
      for (; p < end && is_digit (*p); p++)
        {
          guint digit = *p - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + digit;
        }
    }
  else
    return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                 "%s", _("a digit was expected"));

  if (p < end && *p == '.')
    {
      whole = FALSE;
      p++;
      if (p == end)
        return fail_ends (parser);
      if (!is_digit (*p))
        return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                     "%s", _("a digit was expected after the decimal point"));
      while (p < end && is_digit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end)
        return fail_ends (parser);
      if (!is_digit (*p))
        return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
                     "%s", _("a digit was expected in the exponent"));
      while (p < end && is_digit (*p))
        p++;
    }
  parser->p = p;

  if (whole && !overflow &&
      (negative ? magnitude <= (guint64) G_MAXINT64 + 1 : magnitude <= G_MAXINT64))
    {
      node->kind = RAMING_JSON_INT;
      /* -(2^63) too, without overflowing on the way. */
      if (!negative)
        node->v.integer = (gint64) magnitude;
      else if (magnitude == 0)
        node->v.integer = 0;
      else
        node->v.integer = -(gint64) (magnitude - 1) - 1;
      return TRUE;
    }

  /* The text is not NUL-terminated after the number: a copy is. */
  {
    gsize length = p - start;
    char buffer[64];
    g_autofree char *copy = NULL;
    char *text = buffer;
    char *stop;

    if (length >= sizeof buffer)
      text = copy = g_malloc (length + 1);
    memcpy (text, start, length);
    text[length] = '\0';
    node->kind = RAMING_JSON_DOUBLE;
    node->v.number = g_ascii_strtod (text, &stop);
    g_assert (stop == text + length);
    if (!isfinite (node->v.number))
      parser->tree->has_nonfinite = TRUE;
  }
  return TRUE;
}

/* true, false, null, or a word that is none of them. */
static gboolean
read_word (Parser         *parser,
           RamingJsonNode *node)
{
  static const struct
  {
    const char     *word;
    guint           length;
    RamingJsonKind  kind;
    gboolean        boolean;
  } words[] = {
    { "true", 4, RAMING_JSON_BOOLEAN, TRUE },
    { "false", 5, RAMING_JSON_BOOLEAN, FALSE },
    { "null", 4, RAMING_JSON_NULL, FALSE },
  };
  const guchar *p = parser->p;
  const guchar *q = p;

  while (q < parser->end && q - p < 32 && g_ascii_isalnum (*q))
    q++;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (q - p) == words[i].length && memcmp (p, words[i].word, words[i].length) == 0)
      {
        node->kind = words[i].kind;
        node->v.integer = 0;
        node->v.boolean = words[i].boolean;
        parser->p = q;
        return TRUE;
      }

  /* NaN, Infinity, True, undefined… */
  return fail (parser, p, RAMING_JSON_READER_ERROR_SYNTAX,
               _("“%.*s” is not a number, text in quotes, true, false or null"),
               (int) (q - p), (const char *) p);
}

static gboolean
fail_value_expected (Parser *parser)
{
  if (parser->p == parser->end)
    return fail_ends (parser);
  return fail (parser, parser->p, RAMING_JSON_READER_ERROR_SYNTAX,
               "%s", _("a value was expected"));
}

/* A slot for the next element of the innermost open array. */
static inline void
push_element (Parser *parser)
{
  if (G_UNLIKELY (parser->n_nodes == parser->nodes_size))
    {
      parser->nodes_size = parser->nodes_size == 0 ? 64 : parser->nodes_size * 2;
      parser->nodes = g_renew (RamingJsonNode, parser->nodes, parser->nodes_size);
    }
  parser->n_nodes++;
}

/* A slot for the next member of the innermost open object. */
static inline RamingJsonMember *
push_member (Parser *parser)
{
  if (G_UNLIKELY (parser->n_members == parser->members_size))
    {
      parser->members_size = parser->members_size == 0 ? 64 : parser->members_size * 2;
      parser->members = g_renew (RamingJsonMember, parser->members, parser->members_size);
    }
  return &parser->members[parser->n_members++];
}

/* "measures[3].children[1]": where the open object or array is. */
static char *
path_of_open (Parser *parser)
{
  GString *path = g_string_new (NULL);

  for (guint i = 1; i < parser->n_frames; i++)
    {
      Frame *parent = &parser->frames[i - 1];
      guint32 slot = parser->frames[i].parent_slot;

      if (parent->is_object)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, parser->members[slot].name);
        }
      else
        g_string_append_printf (path, "[%u]", slot - parent->start);
    }
  return g_string_free (path, FALSE);
}

/* Whether the name of the member just added was given before in its
 * object. */
static gboolean
check_new_name (Parser       *parser,
                const guchar *at)
{
  Frame *frame = &parser->frames[parser->n_frames - 1];
  RamingJsonMember *new_member = &parser->members[parser->n_members - 1];
  guint32 n = parser->n_members - 1 - frame->start;
  gboolean twice = FALSE;

  if (n < MANY_MEMBERS)
    {
      for (guint32 i = frame->start; i < parser->n_members - 1; i++)
        {
          RamingJsonMember *member = &parser->members[i];

          if (member->name_length == new_member->name_length &&
              memcmp (member->name, new_member->name, member->name_length) == 0)
            {
              twice = TRUE;
              break;
            }
        }
    }
  else
    {
      if (frame->names == NULL)
        {
          frame->names = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint32 i = frame->start; i < parser->n_members - 1; i++)
            g_hash_table_add (frame->names, (gpointer) parser->members[i].name);
        }
      twice = !g_hash_table_add (frame->names, (gpointer) new_member->name);
    }

  if (twice)
    {
      g_autofree char *path = path_of_open (parser);
      g_autofree char *name = NULL;

      /* Names are text of any length: a long one is cut, at a character. */
      if (g_utf8_strlen (new_member->name, -1) > 64)
        {
          g_autofree char *start = g_utf8_substring (new_member->name, 0, 64);

          name = g_strconcat (start, "…", NULL);
        }
      else
        name = g_strdup (new_member->name);
      if (path[0] != '\0')
        return fail (parser, at, RAMING_JSON_READER_ERROR_DUPLICATE,
                     /* Translators: the first %s is where in the file (measures[3]), the second a name */
                     _("%s has “%s” twice"), path, name);
      return fail (parser, at, RAMING_JSON_READER_ERROR_DUPLICATE,
                   _("“%s” is there twice"), name);
    }
  return TRUE;
}

static gboolean
open_frame (Parser   *parser,
            gboolean  is_object)
{
  Frame *frame;

  if (parser->n_frames >= parser->max_depth)
    return fail (parser, parser->p, RAMING_JSON_READER_ERROR_TOO_DEEP,
                 _("lists and objects are nested more than %u deep"), parser->max_depth);
  if (parser->n_frames == parser->frames_size)
    {
      parser->frames_size = parser->frames_size == 0 ? 16 : parser->frames_size * 2;
      parser->frames = g_renew (Frame, parser->frames, parser->frames_size);
    }
  frame = &parser->frames[parser->n_frames];
  frame->is_object = is_object;
  frame->start = is_object ? parser->n_members : parser->n_nodes;
  frame->names = NULL;
  /* The slot the parent made for this value is the last one on its stack. */
  if (parser->n_frames > 0)
    frame->parent_slot = parser->frames[parser->n_frames - 1].is_object
                         ? parser->n_members - 1 : parser->n_nodes - 1;
  else
    frame->parent_slot = 0;
  parser->n_frames++;
  parser->p++;
  return TRUE;
}

/* The open array or object is complete: into the tree with it. */
static void
close_frame (Parser         *parser,
             RamingJsonNode *node)
{
  Frame *frame = &parser->frames[parser->n_frames - 1];

  if (frame->is_object)
    {
      guint32 n = parser->n_members - frame->start;
      RamingJsonMember *members = NULL;

      if (n > 0)
        {
          members = arena_alloc (parser->tree, n * sizeof (RamingJsonMember), 8);
          memcpy (members, parser->members + frame->start, n * sizeof (RamingJsonMember));
        }
      node->kind = RAMING_JSON_OBJECT;
      node->length = n;
      node->v.members = members;
      parser->n_members = frame->start;
      g_clear_pointer (&frame->names, g_hash_table_unref);
    }
  else
    {
      guint32 n = parser->n_nodes - frame->start;
      RamingJsonNode *elements = NULL;

      if (n > 0)
        {
          elements = arena_alloc (parser->tree, n * sizeof (RamingJsonNode), 8);
          memcpy (elements, parser->nodes + frame->start, n * sizeof (RamingJsonNode));
        }
      node->kind = RAMING_JSON_ARRAY;
      node->length = n;
      node->v.elements = elements;
      parser->n_nodes = frame->start;
    }
  parser->n_frames--;
  parser->p++;
}

static gboolean
parse (Parser *parser)
{
  RamingJsonNode value;

  if (!skip_space (parser))
    return FALSE;
  if (parser->p == parser->end)
    return fail (parser, parser->p, RAMING_JSON_READER_ERROR_EMPTY,
                 "%s", _("there is no value in the text"));

  /* A state machine instead of recursion: "goto value" reads a value
   * (parser->p is at its first byte or at spaces before it), "goto
   * have_value" puts a complete one where it belongs, "goto name" reads
   * the name of an object's next member. */
value:
  if (!skip_space (parser))
    return FALSE;
  if (parser->p == parser->end)
    return fail_ends (parser);
  value.length = 0;
  switch (*parser->p)
    {
    case '{':
      if (!open_frame (parser, TRUE) || !skip_space (parser))
        return FALSE;
      if (parser->p < parser->end && *parser->p == '}')
        {
          close_frame (parser, &value);
          goto have_value;
        }
      goto name;

    case '[':
      if (!open_frame (parser, FALSE) || !skip_space (parser))
        return FALSE;
      if (parser->p < parser->end && *parser->p == ']')
        {
          close_frame (parser, &value);
          goto have_value;
        }
      push_element (parser);
      goto value;

    case '"':
      value.kind = RAMING_JSON_STRING;
      if (!read_string (parser, &value.v.string, &value.length))
        return FALSE;
      break;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!read_number (parser, &value))
        return FALSE;
      break;

    default:
      if (g_ascii_isalpha (*parser->p))
        {
          if (!read_word (parser, &value))
            return FALSE;
          break;
        }
      return fail_value_expected (parser);
    }

have_value:
  if (parser->n_frames == 0)
    {
      parser->tree->root = value;
      if (!skip_space (parser))
        return FALSE;
      if (parser->p != parser->end)
        return fail (parser, parser->p, RAMING_JSON_READER_ERROR_TRAILING,
                     "%s", _("there is more after its end"));
      return TRUE;
    }

  if (!skip_space (parser))
    return FALSE;
  if (parser->frames[parser->n_frames - 1].is_object)
    {
      parser->members[parser->n_members - 1].value = value;
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          goto name;
        }
      if (parser->p < parser->end && *parser->p == '}')
        {
          close_frame (parser, &value);
          goto have_value;
        }
      if (parser->p == parser->end)
        return fail_ends (parser);
      return fail (parser, parser->p, RAMING_JSON_READER_ERROR_SYNTAX,
                   "%s", _("a comma or } was expected"));
    }
  else
    {
      parser->nodes[parser->n_nodes - 1] = value;
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          push_element (parser);
          goto value;
        }
      if (parser->p < parser->end && *parser->p == ']')
        {
          close_frame (parser, &value);
          goto have_value;
        }
      if (parser->p == parser->end)
        return fail_ends (parser);
      return fail (parser, parser->p, RAMING_JSON_READER_ERROR_SYNTAX,
                   "%s", _("a comma or ] was expected"));
    }

name:
  {
    const guchar *at;
    RamingJsonMember *member;

    if (!skip_space (parser))
      return FALSE;
    if (parser->p == parser->end)
      return fail_ends (parser);
    if (*parser->p != '"')
      return fail (parser, parser->p, RAMING_JSON_READER_ERROR_SYNTAX,
                   "%s", _("a name in double quotes was expected"));
    at = parser->p;
    member = push_member (parser);
    member->value.kind = RAMING_JSON_NULL;
    if (!read_string (parser, &member->name, &member->name_length) ||
        !check_new_name (parser, at) ||
        !skip_space (parser))
      return FALSE;
    if (parser->p == parser->end)
      return fail_ends (parser);
    if (*parser->p != ':')
      return fail (parser, parser->p, RAMING_JSON_READER_ERROR_SYNTAX,
                   "%s", _("a colon (:) was expected after the name"));
    parser->p++;
    goto value;
  }
}

/* Reads the whole JSON text data (length bytes, UTF-8, not necessarily
 * followed by a NUL), with arrays and objects nested at most max_depth
 * deep (1: a list of numbers). Returns the tree, or NULL with error set
 * in RAMING_JSON_READER_ERROR. */
RamingJsonTree *
raming_json_tree_new_from_data (const char  *data,
                                gsize        length,
                                guint        max_depth,
                                GError     **error)
{
  g_autoptr(RamingJsonTree) tree = NULL;
  Parser parser = { 0, };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Lengths of strings and lists are kept in 32 bits. */
  if (length >= G_MAXUINT32)
    {
      g_set_error (error, RAMING_JSON_READER_ERROR, RAMING_JSON_READER_ERROR_TOO_LONG,
                   _("the text is longer than 4 GB"));
      return NULL;
    }

  if (length == 0)
    data = "";   /* not NULL: NULL + 0 is undefined */

  tree = g_new0 (RamingJsonTree, 1);
  /* The first chunk is as large as the text, and they double from there:
   * a few large blocks. Made now, so that the free space of the newest
   * chunk is never NULL. */
  tree->next_size = CLAMP (length, MIN_CHUNK_SIZE, MAX_CHUNK_SIZE);
  arena_alloc_slow (tree, 0);

  parser.text = (const guchar *) data;
  parser.end = parser.text + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    parser.text += 3;   /* a byte order mark, as some editors write */
  parser.p = parser.text;
  parser.tree = tree;
  parser.max_depth = max_depth;
  parser.error = error;

  ok = parse (&parser);

  for (guint i = 0; i < parser.n_frames; i++)
    g_clear_pointer (&parser.frames[i].names, g_hash_table_unref);
  g_free (parser.frames);
  g_free (parser.nodes);
  g_free (parser.members);

  if (!ok)
    return NULL;
  return g_steal_pointer (&tree);
}

/* ------------------------------------------------------------------ */
/* To json-glib                                                        */

/* A json-glib copy of node, for the members the loader does not know
 * and keeps to write back. Recurses as deep as node is nested, which the
 * tree's max_depth limited. */
JsonNode *
raming_json_node_to_json_glib (const RamingJsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  switch ((RamingJsonKind) node->kind)
    {
    case RAMING_JSON_NULL:
      return json_node_new (JSON_NODE_NULL);

    case RAMING_JSON_BOOLEAN:
      copy = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (copy, node->v.boolean);
      return copy;

    case RAMING_JSON_INT:
      copy = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (copy, node->v.integer);
      return copy;

    case RAMING_JSON_DOUBLE:
      copy = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (copy, node->v.number);
      return copy;

    case RAMING_JSON_STRING:
      copy = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (copy, node->v.string);
      return copy;

    case RAMING_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (node->length);

        for (guint32 i = 0; i < node->length; i++)
          json_array_add_element (array, raming_json_node_to_json_glib (&node->v.elements[i]));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, array);
        return copy;
      }

    case RAMING_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint32 i = 0; i < node->length; i++)
          json_object_set_member (object, node->v.members[i].name,
                                  raming_json_node_to_json_glib (&node->v.members[i].value));
        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (copy, object);
        return copy;
      }

    default:
      g_assert_not_reached ();
    }
}
