/* test-json-reader.c: the loader's JSON reader
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kind of value, escape and number, what is refused and where, and
 * a differential test: for seeded random documents and every file the
 * tests and the fuzzer keep, the reader's tree and json-glib's tree of
 * the same text are the same, or both refuse the text.
 *
 * Texts are given to the reader in a block of exactly their length, not
 * followed by a NUL, so that valgrind and ASan see a read past the end.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "random-document.h"
#include "raming-document.h"
#include "raming-json-reader.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef struct
{
  char           *copy;
  RamingJsonTree *tree;
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->tree, raming_json_tree_free);
  g_clear_pointer (&parsed->copy, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static RamingJsonTree *
parse_len (Parsed      *parsed,
           const char  *text,
           gsize        length,
           guint        max_depth,
           GError     **error)
{
  /* g_malloc (0) is NULL: the reader takes NULL with length 0. */
  parsed->copy = g_memdup2 (text, length);
  parsed->tree = raming_json_tree_new_from_data (parsed->copy, length, max_depth, error);
  return parsed->tree;
}

static const RamingJsonNode *
parse_ok (Parsed     *parsed,
          const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!parse_len (parsed, text, strlen (text), RAMING_MAX_NESTING, &error))
    g_error ("“%s” refused: %s", text, error->message);
  return raming_json_tree_get_root (parsed->tree);
}

/* Refused with code, and a message that contains part (when not NULL). */
static void
assert_refused_len (const char *text,
                    gsize       length,
                    int         code,
                    const char *part)
{
  g_auto(Parsed) parsed = { 0, };
  g_autoptr(GError) error = NULL;
  /* The input may not be UTF-8 (or hold a NUL): TAP output must be. */
  g_autofree char *shown = g_utf8_make_valid (text, MIN (length, 80));

  if (parse_len (&parsed, text, length, RAMING_MAX_NESTING, &error))
    g_error ("“%s” was read, but should be refused", shown);
  g_test_message ("“%s”: %s", shown, error->message);
  g_assert_error (error, RAMING_JSON_READER_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%.*s”: expected “%s” in “%s”", (int) length, text, part, error->message);
}

static void
assert_refused (const char *text,
                int         code,
                const char *part)
{
  assert_refused_len (text, strlen (text), code, part);
}

#define SYNTAX RAMING_JSON_READER_ERROR_SYNTAX

static void
assert_string (const char *json,
               const char *expected,
               gsize       expected_length)
{
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *node = parse_ok (&parsed, json);

  g_assert_cmpuint (node->kind, ==, RAMING_JSON_STRING);
  g_assert_cmpuint (node->length, ==, expected_length);
  g_assert_cmpmem (node->v.string, node->length, expected, expected_length);
  g_assert_cmpint (node->v.string[node->length], ==, '\0');
}

static void
assert_int (const char *json,
            gint64      expected)
{
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *node = parse_ok (&parsed, json);

  g_assert_cmpuint (node->kind, ==, RAMING_JSON_INT);
  g_assert_cmpint (node->v.integer, ==, expected);
}

static void
assert_double (const char *json,
               double      expected)
{
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *node = parse_ok (&parsed, json);

  g_assert_cmpuint (node->kind, ==, RAMING_JSON_DOUBLE);
  /* Bit for bit: -0.0 is not 0.0 here. */
  if (memcmp (&node->v.number, &expected, sizeof expected) != 0)
    g_error ("“%s” read as %.17g, not %.17g", json, node->v.number, expected);
}

/* ------------------------------------------------------------------ */
/* Kinds of values                                                     */

static void
test_kinds (void)
{
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *root, *node, *list;

  root = parse_ok (&parsed,
                   "{\"n\": null, \"t\": true, \"f\": false, \"i\": -42, \"d\": 2.5,"
                   " \"s\": \"tekst\", \"a\": [1, \"twee\", [], {}], \"o\": {\"x\": {\"y\": []}}}");
  g_assert_cmpuint (root->kind, ==, RAMING_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 8);

  /* Members in the order of the text. */
  {
    static const char * const names[] = { "n", "t", "f", "i", "d", "s", "a", "o" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_assert_cmpstr (root->v.members[i].name, ==, names[i]);
        g_assert_cmpuint (root->v.members[i].name_length, ==, 1);
      }
  }

  g_assert_cmpuint (raming_json_object_get_member (root, "n")->kind, ==, RAMING_JSON_NULL);
  node = raming_json_object_get_member (root, "t");
  g_assert_cmpuint (node->kind, ==, RAMING_JSON_BOOLEAN);
  g_assert_true (node->v.boolean);
  node = raming_json_object_get_member (root, "f");
  g_assert_cmpuint (node->kind, ==, RAMING_JSON_BOOLEAN);
  g_assert_false (node->v.boolean);
  node = raming_json_object_get_member (root, "i");
  g_assert_cmpuint (node->kind, ==, RAMING_JSON_INT);
  g_assert_cmpint (node->v.integer, ==, -42);
  g_assert_cmpfloat (raming_json_node_get_double (node), ==, -42.0);
  node = raming_json_object_get_member (root, "d");
  g_assert_cmpuint (node->kind, ==, RAMING_JSON_DOUBLE);
  g_assert_cmpfloat (raming_json_node_get_double (node), ==, 2.5);
  node = raming_json_object_get_member (root, "s");
  g_assert_cmpuint (node->kind, ==, RAMING_JSON_STRING);
  g_assert_cmpstr (node->v.string, ==, "tekst");
  g_assert_cmpuint (node->length, ==, 5);

  list = raming_json_object_get_member (root, "a");
  g_assert_cmpuint (list->kind, ==, RAMING_JSON_ARRAY);
  g_assert_cmpuint (list->length, ==, 4);
  g_assert_cmpint (raming_json_array_get_element (list, 0)->v.integer, ==, 1);
  g_assert_cmpstr (raming_json_array_get_element (list, 1)->v.string, ==, "twee");
  g_assert_cmpuint (raming_json_array_get_element (list, 2)->kind, ==, RAMING_JSON_ARRAY);
  g_assert_cmpuint (raming_json_array_get_element (list, 2)->length, ==, 0);
  g_assert_cmpuint (raming_json_array_get_element (list, 3)->kind, ==, RAMING_JSON_OBJECT);
  g_assert_cmpuint (raming_json_array_get_element (list, 3)->length, ==, 0);

  node = raming_json_object_get_member (root, "o");
  node = raming_json_object_get_member (node, "x");
  node = raming_json_object_get_member (node, "y");
  g_assert_cmpuint (node->kind, ==, RAMING_JSON_ARRAY);

  /* Lookup compares whole names. */
  g_assert_null (raming_json_object_get_member (root, "nn"));
  g_assert_null (raming_json_object_get_member (root, ""));
  g_assert_true (raming_json_object_lookup (root, "ab", 1) == raming_json_object_get_member (root, "a"));

  /* Any value can be the whole text. */
  parsed_clear (&parsed);
  g_assert_cmpuint (parse_ok (&parsed, "null")->kind, ==, RAMING_JSON_NULL);
  assert_int ("7", 7);
  assert_string ("\"\"", "", 0);
}

static void
test_long_lists (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *root;
  const guint n = 100000;

  /* Many elements and members: the parser's stacks and the tree's
   * blocks grow several times. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"k%u\": %u, \"s\": \"%u\"}", i ? "," : "", i, i, i);
  g_string_append (text, "]");

  root = parse_ok (&parsed, text->str);
  g_assert_cmpuint (root->length, ==, n);
  for (guint i = 0; i < n; i += 997)
    {
      const RamingJsonNode *object = raming_json_array_get_element (root, i);
      g_autofree char *key = g_strdup_printf ("k%u", i);
      g_autofree char *s = g_strdup_printf ("%u", i);

      g_assert_cmpint (raming_json_object_get_member (object, key)->v.integer, ==, i);
      g_assert_cmpstr (raming_json_object_get_member (object, "s")->v.string, ==, s);
    }
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */

static void
test_escapes (void)
{
  assert_string ("\"a\\nb\"", "a\nb", 3);
  assert_string ("\"\\t\"", "\t", 1);
  assert_string ("\"\\\"\"", "\"", 1);
  assert_string ("\"\\\\\"", "\\", 1);
  assert_string ("\"\\/\"", "/", 1);
  assert_string ("\"\\b\\f\\r\"", "\b\f\r", 3);
  assert_string ("\"x\\u0041y\"", "xAy", 3);
  assert_string ("\"\\u00e9\\u00E9\"", "éé", 4);
  assert_string ("\"\\u20ac 5\"", "€ 5", 5);
  assert_string ("\"\\u0001\"", "\x01", 1);
  assert_string ("\"\\u007f\x7f\"", "\x7f\x7f", 2);     /* DEL needs no escape */
  /* A pair of surrogates is one character. */
  assert_string ("\"\\ud83d\\ude00\"", "😀", 4);
  assert_string ("\"\\uD834\\uDD1E!\"", "𝄞!", 5);
  /* Raw UTF-8 of every length. */
  assert_string ("\"é€😀\"", "é€😀", 9);
  /* Escapes next to each other and at both ends. */
  assert_string ("\"\\n\\n\"", "\n\n", 2);

  assert_refused ("\"\\ud800\"", SYNTAX, "\\uD800");
  assert_refused ("\"\\ud800x\"", SYNTAX, "without its second half");
  assert_refused ("\"\\ud800\\u0041\"", SYNTAX, "without its second half");
  assert_refused ("\"\\ud800\\ud800\"", SYNTAX, "without its second half");
  assert_refused ("\"\\udc00\"", SYNTAX, "without its first half");
  assert_refused ("\"\\ude00\\ud83d\"", SYNTAX, "without its first half");
  assert_refused ("\"a\\u0000b\"", SYNTAX, "\\u0000");
  assert_refused ("\"\\u12\"", SYNTAX, "four hexadecimal digits");
  assert_refused ("\"\\uZZZZ\"", SYNTAX, "four hexadecimal digits");
  assert_refused ("\"\\u12", SYNTAX, NULL);
  assert_refused ("\"\\x41\"", SYNTAX, "“\\x”");
  assert_refused ("\"\\é\"", SYNTAX, "“\\é”");
  assert_refused ("\"\\", SYNTAX, "ends too early");
  assert_refused ("\"a\tb\"", SYNTAX, "control character");
  assert_refused ("\"a\nb\"", SYNTAX, "control character");
  assert_refused_len ("\"a\0b\"", 5, SYNTAX, "control character");
  assert_refused ("'single'", SYNTAX, NULL);
  assert_refused ("\"not closed", SYNTAX, "not closed");

  /* Not UTF-8, inside and outside strings. */
  assert_refused ("\"\xff\"", SYNTAX, "UTF-8");
  assert_refused ("\"\xc3\"", SYNTAX, "UTF-8");              /* a first byte alone */
  assert_refused ("\"\xc3\x28\"", SYNTAX, "UTF-8");
  assert_refused ("\"\xc0\xaf\"", SYNTAX, "UTF-8");          /* too long a form of / */
  assert_refused ("\"\xe0\x80\xaf\"", SYNTAX, "UTF-8");
  assert_refused ("\"\xed\xa0\x80\"", SYNTAX, "UTF-8");      /* a surrogate */
  assert_refused ("\"\xf4\x90\x80\x80\"", SYNTAX, "UTF-8");  /* above U+10FFFF */
  assert_refused ("\"\xf8\x88\x80\x80\x80\"", SYNTAX, "UTF-8");
  assert_refused ("[1]\xff", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused ("[\xc3\xa9]", SYNTAX, "a value was expected");
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

static void
test_numbers (void)
{
  assert_int ("0", 0);
  assert_int ("-0", 0);
  assert_int ("12345", 12345);
  assert_int ("-12345", -12345);
  assert_int ("9223372036854775807", G_MAXINT64);
  assert_int ("-9223372036854775808", G_MININT64);
  /* One past: a double, not wrapped round as json-glib does. */
  assert_double ("9223372036854775808", 9223372036854775808.0);
  assert_double ("-9223372036854775809", -9223372036854775809.0);
  assert_double ("123456789012345678901234567890", 123456789012345678901234567890.0);

  assert_double ("1e2", 100);
  assert_double ("1E2", 100);
  assert_double ("1E+2", 100);
  assert_double ("1e-2", 0.01);
  assert_double ("-1.5e-3", -0.0015);
  assert_double ("0.0089", 0.0089);
  assert_double ("-0.0", -0.0);
  assert_double ("0e0", 0);
  assert_double ("2.5", 2.5);
  assert_double ("0.1", 0.1);
  assert_double ("1.7976931348623157e308", 1.7976931348623157e308);
  assert_double ("4.9e-324", 4.9e-324);
  assert_double ("1e-400", 0);

  /* Too large: infinity, and the tree says there is one. */
  {
    g_auto(Parsed) parsed = { 0, };
    const RamingJsonNode *node = parse_ok (&parsed, "[1, 1e999]");

    g_assert_true (raming_json_tree_has_nonfinite (parsed.tree));
    g_assert_cmpuint (raming_json_array_get_element (node, 1)->kind, ==, RAMING_JSON_DOUBLE);
    g_assert_true (isinf (raming_json_array_get_element (node, 1)->v.number));
  }
  {
    g_auto(Parsed) parsed = { 0, };

    parse_ok (&parsed, "[1, -1e999]");
    g_assert_true (raming_json_tree_has_nonfinite (parsed.tree));
    parsed_clear (&parsed);
    parse_ok (&parsed, "[1, 1e308, 1e-999]");
    g_assert_false (raming_json_tree_has_nonfinite (parsed.tree));
  }

  /* A number longer than the reader's buffer for it. */
  {
    g_autoptr(GString) text = g_string_new ("1.");

    for (guint i = 0; i < 200; i++)
      g_string_append_c (text, '5');
    assert_double (text->str, 1.5555555555555556);
  }

  assert_refused ("01", SYNTAX, "cannot start with 0");
  assert_refused ("-01", SYNTAX, "cannot start with 0");
  assert_refused ("00", SYNTAX, "cannot start with 0");
  assert_refused ("1.", SYNTAX, "ends too early");
  assert_refused ("[1.]", SYNTAX, "after the decimal point");
  assert_refused ("1.e5", SYNTAX, "after the decimal point");
  assert_refused (".5", SYNTAX, "a value was expected");
  assert_refused ("-", SYNTAX, "ends too early");
  assert_refused ("- 1", SYNTAX, "a digit was expected");
  assert_refused ("-x", SYNTAX, "a digit was expected");
  assert_refused ("+1", SYNTAX, "a value was expected");
  assert_refused ("1e", SYNTAX, "ends too early");
  assert_refused ("[1e]", SYNTAX, "in the exponent");
  assert_refused ("[1e+]", SYNTAX, "in the exponent");
  assert_refused ("0x10", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused ("[0x10]", SYNTAX, "a comma or ]");
  assert_refused ("NaN", SYNTAX, "“NaN”");
  assert_refused ("[NaN]", SYNTAX, "“NaN”");
  assert_refused ("Infinity", SYNTAX, "“Infinity”");
  assert_refused ("-Infinity", SYNTAX, "a digit was expected");
  assert_refused ("True", SYNTAX, "“True”");
  assert_refused ("nul", SYNTAX, "“nul”");
  assert_refused ("truefalse", SYNTAX, "“truefalse”");
}

/* ------------------------------------------------------------------ */
/* Spaces, comments, byte order mark                                   */

static void
test_whitespace (void)
{
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *root;

  root = parse_ok (&parsed, " \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n} \t\r\n");
  g_assert_cmpuint (raming_json_object_get_member (root, "a")->length, ==, 2);

  assert_refused ("[\f1]", SYNTAX, "a value was expected");
  assert_refused ("[\v1]", SYNTAX, "a value was expected");
  assert_refused ("[\xc2\xa0" "1]", SYNTAX, "a value was expected");   /* no-break space */
}

static void
test_comments (void)
{
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *root;

  root = parse_ok (&parsed,
                   "/* before */ { /* a [ { comment */ \"a\" /**/ : // to the end of the line ]\n"
                   "  [1 /* * / */, // \"x\": 2 }\n 2] /* é */ } // after, without a line break");
  g_assert_cmpuint (root->length, ==, 1);
  g_assert_cmpuint (raming_json_object_get_member (root, "a")->length, ==, 2);
  parsed_clear (&parsed);

  root = parse_ok (&parsed, "[1] /* nested /* does not nest */");
  g_assert_cmpuint (root->length, ==, 1);

  assert_refused ("[1] /* not closed", SYNTAX, "not closed");
  assert_refused ("[1] /* not closed *", SYNTAX, "not closed");
  assert_refused ("[1] /* nested /* */ */", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused ("[1 / 2]", SYNTAX, "a comma or ]");
  assert_refused ("[1] /", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused ("# not a comment\n[1]", SYNTAX, "a value was expected");
  assert_refused ("[1] /* \xff */", SYNTAX, "UTF-8");
  assert_refused ("[1] // \xff", SYNTAX, "UTF-8");
  /* A text that is read is UTF-8 without NUL, comments too. */
  assert_refused_len ("[1] /* \0 */", 11, SYNTAX, "line 1, column 8: this is not UTF-8 text");
  assert_refused_len ("[1] // \0", 9, SYNTAX, "line 1, column 8: this is not UTF-8 text");
  /* A comment is not a value. */
  assert_refused ("/* only */ // a comment", RAMING_JSON_READER_ERROR_EMPTY, NULL);
}

static void
test_byte_order_mark (void)
{
  g_auto(Parsed) parsed = { 0, };

  g_assert_cmpuint (parse_ok (&parsed, "\xEF\xBB\xBF{\"a\": 1}")->kind, ==, RAMING_JSON_OBJECT);
  assert_refused ("\xEF\xBB\xBF", RAMING_JSON_READER_ERROR_EMPTY, NULL);
  /* Only at the start; the mark does not count as a column. */
  assert_refused ("\xEF\xBB\xBF[\xEF\xBB\xBF" "1]", SYNTAX, "line 1, column 2: a value was expected");
  assert_refused (" \xEF\xBB\xBF[1]", SYNTAX, "line 1, column 2: a value was expected");
}

static void
test_empty (void)
{
  assert_refused_len ("", 0, RAMING_JSON_READER_ERROR_EMPTY, "no value");
  assert_refused ("   \n\t ", RAMING_JSON_READER_ERROR_EMPTY, "no value");
}

static void
test_trailing (void)
{
  assert_refused ("{} {}", RAMING_JSON_READER_ERROR_TRAILING, "line 1, column 4: there is more after its end");
  assert_refused ("[][]", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused ("1 2", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused ("{}\n\nx", RAMING_JSON_READER_ERROR_TRAILING, "line 3, column 1");
  assert_refused ("{},", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused ("\"a\"\"b\"", RAMING_JSON_READER_ERROR_TRAILING, NULL);
  assert_refused_len ("{}\0", 3, RAMING_JSON_READER_ERROR_TRAILING, NULL);
}

/* ------------------------------------------------------------------ */
/* Structure                                                           */

static void
test_structure_errors (void)
{
  assert_refused ("[1,]", SYNTAX, "a value was expected");
  assert_refused ("[,1]", SYNTAX, "a value was expected");
  assert_refused ("[1 2]", SYNTAX, "a comma or ] was expected");
  assert_refused ("[1}", SYNTAX, "a comma or ] was expected");
  assert_refused ("{\"a\":1,}", SYNTAX, "a name in double quotes was expected");
  assert_refused ("{\"a\":1 \"b\":2}", SYNTAX, "a comma or } was expected");
  assert_refused ("{\"a\":1]", SYNTAX, "a comma or } was expected");
  assert_refused ("{\"a\" 1}", SYNTAX, "a colon");
  assert_refused ("{\"a\"}", SYNTAX, "a colon");
  assert_refused ("{\"a\":}", SYNTAX, "a value was expected");
  assert_refused ("{a:1}", SYNTAX, "a name in double quotes was expected");
  assert_refused ("{1:1}", SYNTAX, "a name in double quotes was expected");
  assert_refused ("]", SYNTAX, "a value was expected");
  assert_refused ("}", SYNTAX, "a value was expected");
  assert_refused ("[", SYNTAX, "ends too early");
  assert_refused ("{", SYNTAX, "ends too early");
  assert_refused ("{\"a\"", SYNTAX, "ends too early");
  assert_refused ("{\"a\":", SYNTAX, "ends too early");
  assert_refused ("{\"a\":1", SYNTAX, "ends too early");
  assert_refused ("[1,", SYNTAX, "ends too early");
  assert_refused ("tru", SYNTAX, "“tru”");
}

/* Where an error is: lines, and columns in characters. */
static void
test_error_position (void)
{
  assert_refused ("{\n  \"a\": 1\n  \"b\": 2\n}", SYNTAX,
                  "line 3, column 3: a comma or } was expected");
  assert_refused ("{\r\n  \"a\": 1,\r\n  \"b\": x\r\n}", SYNTAX, "line 3, column 8:");
  assert_refused ("[\"é€😀\" x]", SYNTAX, "line 1, column 8: a comma or ] was expected");
  assert_refused ("[1,\n\n\n  ]", SYNTAX, "line 4, column 3: a value was expected");
  /* The end of the text. */
  assert_refused ("[1,\n  2", SYNTAX, "line 2, column 4: the text ends too early");
  /* A string that is not closed: where it starts. */
  assert_refused ("[\n \"abc", SYNTAX, "line 2, column 2: the text in quotes that starts here is not closed");
  /* Inside a string: the byte that is wrong. */
  assert_refused ("[\"é\\q\"]", SYNTAX, "line 1, column 4: ");
  assert_refused ("[\"é\xff\"]", SYNTAX, "line 1, column 4: ");
}

static void
test_deep_nesting (void)
{
  const guint n = 100000;
  g_autofree char *deep = g_malloc (2 * n);
  gint64 start;

  memset (deep, '[', n);
  memset (deep + n, ']', n);

  /* Refused at the first level too many, at once. */
  start = g_get_monotonic_time ();
  assert_refused_len (deep, n, RAMING_JSON_READER_ERROR_TOO_DEEP,
                      "line 1, column 65: lists and objects are nested more than 64 deep");
  assert_refused_len (deep, 2 * n, RAMING_JSON_READER_ERROR_TOO_DEEP, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  /* Exactly as deep as allowed is fine; objects count too. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_auto(Parsed) parsed = { 0, };

    for (guint i = 0; i < RAMING_MAX_NESTING / 2; i++)
      g_string_append (text, "{\"a\":[");
    for (guint i = 0; i < RAMING_MAX_NESTING / 2; i++)
      g_string_append (text, "]}");
    parse_ok (&parsed, text->str);

    g_string_insert (text, 0, "[");
    g_string_append (text, "]");
    assert_refused (text->str, RAMING_JSON_READER_ERROR_TOO_DEEP, NULL);
  }

  /* Without a limit the reader still does not recurse: 100.000 levels
   * read, and freed, without a deep stack. */
  {
    g_auto(Parsed) parsed = { 0, };
    g_autoptr(GError) error = NULL;
    const RamingJsonNode *node;
    guint depth = 0;

    g_assert_nonnull (parse_len (&parsed, deep, 2 * n, G_MAXUINT, &error));
    g_assert_no_error (error);
    for (node = raming_json_tree_get_root (parsed.tree); node->length > 0;
         node = raming_json_array_get_element (node, 0))
      depth++;
    g_assert_cmpuint (depth, ==, n - 1);
  }
}

static void
test_duplicates (void)
{
  g_autoptr(GString) large = g_string_new ("{");
  g_auto(Parsed) parsed = { 0, };
  const RamingJsonNode *root;

  assert_refused ("{\"a\": 1, \"a\": 2}", RAMING_JSON_READER_ERROR_DUPLICATE,
                  "line 1, column 10: “a” is there twice");
  assert_refused ("{\"a\": 1, \"b\": 2, \"a\": 1}", RAMING_JSON_READER_ERROR_DUPLICATE, "“a”");
  /* Escapes make the same name. */
  assert_refused ("{\"ab\": 1, \"a\\u0062\": 2}", RAMING_JSON_READER_ERROR_DUPLICATE, "“ab”");
  assert_refused ("{\"measures\": [{\"id\": \"m\"}, {\"children\": [{\"title\": \"x\", \"title\": \"y\"}]}]}",
                  RAMING_JSON_READER_ERROR_DUPLICATE,
                  "line 1, column 57: measures[1].children[0] has “title” twice");
  assert_refused ("[{}, [0, {\"\": 0, \"\": 1}]]", RAMING_JSON_READER_ERROR_DUPLICATE, "[1][1] has “” twice");

  /* A long name is cut in the message, at a character. */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autofree char *text = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (name, "é");
    text = g_strdup_printf ("{\"%s\": 1, \"%s\": 2}", name->str, name->str);
    assert_refused (text, RAMING_JSON_READER_ERROR_DUPLICATE, "éé…” is there twice");
  }

  /* The same name in different objects, and names that only start the
   * same, are fine. */
  root = parse_ok (&parsed, "{\"a\": {\"a\": 1}, \"ab\": 2, \"b\": {\"a\": 3}}");
  g_assert_cmpuint (root->length, ==, 3);
  parsed_clear (&parsed);

  /* A large object uses a hash table. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (large, "%s\"m%u\": %u", i ? ", " : "", i, i);
  g_string_append (large, "}");
  root = parse_ok (&parsed, large->str);
  g_assert_cmpuint (root->length, ==, 1000);
  g_assert_cmpint (raming_json_object_get_member (root, "m999")->v.integer, ==, 999);

  g_string_truncate (large, large->len - 1);
  g_string_append (large, ", \"m17\": 0}");
  assert_refused (large->str, RAMING_JSON_READER_ERROR_DUPLICATE, "“m17” is there twice");
  /* A duplicate among the first members of an object that grows large. */
  assert_refused ("{\"a\":0,\"b\":0,\"c\":0,\"d\":0,\"e\":0,\"f\":0,\"g\":0,\"h\":0,\"i\":0,"
                  "\"j\":0,\"k\":0,\"l\":0,\"m\":0,\"n\":0,\"o\":0,\"p\":0,\"q\":0,\"r\":0,\"b\":0}",
                  RAMING_JSON_READER_ERROR_DUPLICATE, "“b” is there twice");
}

/* Every prefix of a document is refused, without reading past it. */
static void
test_truncated (void)
{
  const char *text =
    "\xEF\xBB\xBF{\"s\": \"a\\n\\u00e9\\ud83d\\ude00é\", /* c */ \"n\": [0, -1.5e-3, 12, true, false, null],\n"
    " \"o\": {\"x\": {}, \"y\": []}, // c\n \"z\": -0}";
  gsize length = strlen (text);
  g_auto(Parsed) parsed = { 0, };

  parse_ok (&parsed, text);
  for (gsize i = 0; i < length; i++)
    {
      g_auto(Parsed) prefix = { 0, };
      g_autoptr(GError) error = NULL;

      if (parse_len (&prefix, text, i, RAMING_MAX_NESTING, &error))
        g_error ("the first %" G_GSIZE_FORMAT " bytes were read", i);
      g_assert_true (error->domain == RAMING_JSON_READER_ERROR);
      g_assert_true (error->code == RAMING_JSON_READER_ERROR_SYNTAX ||
                     (i <= 3 && error->code == RAMING_JSON_READER_ERROR_EMPTY));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* ------------------------------------------------------------------ */
/* Against json-glib                                                   */

/* NULL when the two are the same, else where they differ. */
static char *
compare (const RamingJsonNode *ours,
         JsonNode             *theirs,
         const char           *path)
{
  switch ((RamingJsonKind) ours->kind)
    {
    case RAMING_JSON_NULL:
      if (JSON_NODE_HOLDS_NULL (theirs))
        return NULL;
      break;

    case RAMING_JSON_BOOLEAN:
      if (JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_BOOLEAN &&
          json_node_get_boolean (theirs) == ours->v.boolean)
        return NULL;
      break;

    case RAMING_JSON_INT:
      if (JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_INT64 &&
          json_node_get_int (theirs) == ours->v.integer)
        return NULL;
      break;

    case RAMING_JSON_DOUBLE:
      if (JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_DOUBLE)
        {
          double d = json_node_get_double (theirs);

          if (memcmp (&d, &ours->v.number, sizeof d) == 0)
            return NULL;
        }
      /* A whole number beyond gint64: json-glib wraps it around (or
       * stops at -1), the reader reads what it says, as a double
       * (docs/file-format.md). Only such a number is a double for the
       * reader and a gint64 for json-glib. */
      if (JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_INT64 &&
          fabs (ours->v.number) >= 9223372036854775808.0)
        return NULL;
      break;

    case RAMING_JSON_STRING:
      if (JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_STRING &&
          strlen (json_node_get_string (theirs)) == ours->length &&
          memcmp (json_node_get_string (theirs), ours->v.string, ours->length + 1) == 0)
        return NULL;
      break;

    case RAMING_JSON_ARRAY:
      if (JSON_NODE_HOLDS_ARRAY (theirs) &&
          json_array_get_length (json_node_get_array (theirs)) == ours->length)
        {
          JsonArray *array = json_node_get_array (theirs);

          for (guint i = 0; i < ours->length; i++)
            {
              g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
              char *difference = compare (&ours->v.elements[i], json_array_get_element (array, i), sub);

              if (difference != NULL)
                return difference;
            }
          return NULL;
        }
      break;

    case RAMING_JSON_OBJECT:
      if (JSON_NODE_HOLDS_OBJECT (theirs) &&
          json_object_get_size (json_node_get_object (theirs)) == ours->length)
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;
          guint i = 0;

          /* The same members in the same order. */
          json_object_iter_init_ordered (&iter, json_node_get_object (theirs));
          while (json_object_iter_next_ordered (&iter, &name, &value))
            {
              const RamingJsonMember *member = &ours->v.members[i++];
              g_autofree char *sub = g_strdup_printf ("%s.%s", path, name);
              char *difference;

              if (!g_str_equal (member->name, name) || strlen (name) != member->name_length)
                return g_strdup_printf ("%s: member “%s” against “%s”", sub, member->name, name);
              if ((difference = compare (&member->value, value, sub)) != NULL)
                return difference;
            }
          return NULL;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  {
    g_autoptr(JsonNode) copy = raming_json_node_to_json_glib (ours);
    g_autofree char *a = json_to_string (copy, FALSE);
    g_autofree char *b = json_to_string (theirs, FALSE);

    return g_strdup_printf ("%s: %.200s against json-glib's %.200s", path, a, b);
  }
}

/* json-glib does not take comments of the // kind (its scanner reads
 * one slash and then the words after it): a copy with those blanked out,
 * outside strings and block comments, for json-glib. */
static char *
blank_line_comments (const char *text,
                     gsize       length)
{
  char *copy = g_malloc (length + 1);
  gboolean in_string = FALSE;

  memcpy (copy, text, length);
  copy[length] = '\0';
  for (gsize i = 0; i < length; i++)
    {
      if (in_string)
        {
          if (copy[i] == '\\')
            i++;
          else if (copy[i] == '"')
            in_string = FALSE;
        }
      else if (copy[i] == '"')
        in_string = TRUE;
      else if (copy[i] == '/' && i + 1 < length && copy[i + 1] == '*')
        {
          const char *end = g_strstr_len (copy + i + 2, length - i - 2, "*/");

          if (end == NULL)
            break;
          i = end - copy + 1;
        }
      else if (copy[i] == '/' && i + 1 < length && copy[i + 1] == '/')
        for (; i < length && copy[i] != '\n'; i++)
          copy[i] = ' ';
    }
  return copy;
}

typedef struct
{
  guint same;
  guint both_refuse;
  guint trailing;
  guint too_deep;
  guint duplicate;
  guint mutants;
  guint mutants_read;
} Tally;

/* The length of the first value of a text the reader refused for what
 * comes after it: the longest prefix it reads. */
static gsize
first_value_length (const char *text,
                    gsize       length)
{
  for (gsize n = length; n > 0; n--)
    {
      g_auto(Parsed) parsed = { 0, };

      if (parse_len (&parsed, text, n, RAMING_MAX_NESTING, NULL))
        return n;
    }
  g_assert_not_reached ();
}

static void
check_same_as_json_glib (const char *name,
                         const char *text,
                         gsize       length,
                         Tally      *tally)
{
  g_auto(Parsed) parsed = { 0, };
  g_autoptr(GError) ours_error = NULL;
  g_autoptr(GError) theirs_error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *theirs_text = blank_line_comments (text, length);
  RamingJsonTree *tree;
  JsonNode *root;

  tree = parse_len (&parsed, text, length, RAMING_MAX_NESTING, &ours_error);

  /* json-glib parses recursively: a text nested deeper than the limit
   * (deep-nesting.raming is 20.000 deep) is not given to it. The loader
   * refused those before json-glib saw them. */
  if (g_error_matches (ours_error, RAMING_JSON_READER_ERROR, RAMING_JSON_READER_ERROR_TOO_DEEP))
    {
      tally->too_deep++;
      return;
    }

  /* json-glib 1.6 reads on after the first value and keeps the first or
   * the last; the loader refused what came after. The first value must
   * be the same. */
  if (g_error_matches (ours_error, RAMING_JSON_READER_ERROR, RAMING_JSON_READER_ERROR_TRAILING))
    {
      gsize first = first_value_length (text, length);

      g_test_message ("%s: %s", name, ours_error->message);
      g_assert_cmpuint (first, <, length);
      tally->trailing++;
      check_same_as_json_glib (name, text, first, tally);
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, theirs_text, length, &theirs_error))
    {
      if (tree != NULL)
        g_error ("%s: json-glib refuses it (%s), the reader reads it", name, theirs_error->message);
      tally->both_refuse++;
      return;
    }
  root = json_parser_get_root (parser);

  if (tree == NULL)
    {
      /* No value at all: json-glib gives no root. */
      if (g_error_matches (ours_error, RAMING_JSON_READER_ERROR, RAMING_JSON_READER_ERROR_EMPTY) &&
          root == NULL)
        {
          tally->both_refuse++;
          return;
        }
      /* json-glib keeps the last of two equal names; the reader refuses
       * them (docs/file-format.md). */
      if (g_error_matches (ours_error, RAMING_JSON_READER_ERROR, RAMING_JSON_READER_ERROR_DUPLICATE))
        {
          g_test_message ("%s: %s", name, ours_error->message);
          tally->duplicate++;
          return;
        }
      g_error ("%s: the reader refuses it (%s), json-glib reads it", name, ours_error->message);
    }

  g_assert_nonnull (root);
  {
    g_autofree char *difference = compare (raming_json_tree_get_root (tree), root, "");

    if (difference != NULL)
      g_error ("%s: the trees differ at %s", name, difference);
  }
  tally->same++;
}

/* A damaged copy of text: the reader may refuse more than json-glib
 * (which takes 0x10, 'text', \x and more), but what it reads, json-glib
 * must read the same. */
static void
check_mutant (GRand      *rand,
              const char *name,
              const char *text,
              gsize       length,
              Tally      *tally)
{
  g_autofree char *mutant = g_memdup2 (text, length + 1);
  static const char replacements[] = "{}[]\",:\\/*0123456789.eE+-tfnu \n";
  g_auto(Parsed) parsed = { 0, };
  gsize n = length;

  if (length == 0)
    return;
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      n = g_rand_int_range (rand, 0, length);   /* cut short */
      break;
    case 1:
      mutant[g_rand_int_range (rand, 0, length)] = replacements[g_rand_int_range (rand, 0, sizeof replacements - 1)];
      break;
    default:
      {
        gsize at = g_rand_int_range (rand, 0, length);

        memmove (mutant + at, mutant + at + 1, length - at);   /* a byte less */
        n = length - 1;
      }
      break;
    }
  tally->mutants++;

  if (parse_len (&parsed, mutant, n, RAMING_MAX_NESTING, NULL))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *difference = NULL;
      g_autofree char *theirs_text = blank_line_comments (mutant, n);

      if (!json_parser_load_from_data (parser, theirs_text, n, &error))
        g_error ("a mutant of %s: json-glib refuses it (%s), the reader reads it:\n%.*s",
                 name, error->message, (int) n, mutant);
      difference = compare (raming_json_tree_get_root (parsed.tree), json_parser_get_root (parser), "");
      if (difference != NULL)
        g_error ("a mutant of %s: the trees differ at %s", name, difference);
      tally->mutants_read++;
    }
}

static void
check_file (const char *path,
            GRand      *rand,
            Tally      *tally)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  check_same_as_json_glib (path, text, length, tally);
  for (guint i = 0; i < 20; i++)
    check_mutant (rand, path, text, length, tally);
}

static guint
check_directory (const char *dir,
                 const char *suffix,
                 gboolean    recurse,
                 GRand      *rand,
                 Tally      *tally)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (recurse)
            n += check_directory (path, suffix, recurse, rand, tally);
          continue;
        }
      if (suffix != NULL && !g_str_has_suffix (name, suffix))
        continue;
      check_file (path, rand, tally);
      n++;
    }
  return n;
}

static void
test_same_as_json_glib_files (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "document", NULL);
  g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "document", NULL);
  g_autofree char *examples = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  Tally tally = { 0, };
  guint n = 0;

  n += check_directory (corpus, NULL, FALSE, rand, &tally);
  n += check_directory (regressions, NULL, FALSE, rand, &tally);
  n += check_directory (examples, ".raming", FALSE, rand, &tally);
  n += check_directory (data, NULL, TRUE, rand, &tally);

  g_test_message ("%u files: %u the same, %u refused by both, %u with more after the first value, "
                  "%u nested too deep, %u with a name twice; %u damaged copies, %u of them read",
                  n, tally.same, tally.both_refuse, tally.trailing, tally.too_deep, tally.duplicate,
                  tally.mutants, tally.mutants_read);
  g_assert_cmpuint (n, >=, 100);
  g_assert_cmpuint (tally.same, >=, 40);
  g_assert_cmpuint (tally.both_refuse, >=, 5);
  g_assert_cmpuint (tally.trailing, >=, 2);
  g_assert_cmpuint (tally.too_deep, >=, 2);
  g_assert_cmpuint (tally.duplicate, >=, 2);
  g_assert_cmpuint (tally.mutants_read, >=, 100);
}

static void
test_same_as_json_glib_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Tally tally = { 0, };
  guint n = g_test_thorough () ? 2000 : 300;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_document_text (rand, i % 40);
      g_autofree char *name = g_strdup_printf ("random document %u", i);

      check_same_as_json_glib (name, text, strlen (text), &tally);
      for (guint j = 0; j < 5; j++)
        check_mutant (rand, name, text, strlen (text), &tally);
    }
  g_test_message ("%u random documents, %u damaged copies, %u of them read",
                  n, tally.mutants, tally.mutants_read);
  g_assert_cmpuint (tally.same, ==, n);
  g_assert_cmpuint (tally.mutants_read, >=, n / 5);
}

/* What the loader keeps of unknown members goes through json-glib. */
static void
test_to_json_glib (void)
{
  const char *text =
    "{\"n\": null, \"b\": [true, false], \"i\": -9223372036854775808, \"d\": -0.0,"
    " \"s\": \"\\u00e9\\n\", \"o\": {\"z\": 1, \"a\": {\"q\": []}}, \"e\": {}}";
  g_auto(Parsed) parsed = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *difference = NULL;
  g_autoptr(GError) error = NULL;

  parse_ok (&parsed, text);
  copy = raming_json_node_to_json_glib (raming_json_tree_get_root (parsed.tree));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_true (json_node_equal (copy, json_parser_get_root (parser)));
  difference = compare (raming_json_tree_get_root (parsed.tree), copy, "");
  g_assert_null (difference);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/kinds", test_kinds);
  g_test_add_func ("/json-reader/long-lists", test_long_lists);
  g_test_add_func ("/json-reader/escapes", test_escapes);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/whitespace", test_whitespace);
  g_test_add_func ("/json-reader/comments", test_comments);
  g_test_add_func ("/json-reader/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/json-reader/empty", test_empty);
  g_test_add_func ("/json-reader/trailing", test_trailing);
  g_test_add_func ("/json-reader/structure-errors", test_structure_errors);
  g_test_add_func ("/json-reader/error-position", test_error_position);
  g_test_add_func ("/json-reader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-reader/duplicates", test_duplicates);
  g_test_add_func ("/json-reader/truncated", test_truncated);
  g_test_add_func ("/json-reader/to-json-glib", test_to_json_glib);
  g_test_add_func ("/json-reader/same-as-json-glib/files", test_same_as_json_glib_files);
  g_test_add_func ("/json-reader/same-as-json-glib/random", test_same_as_json_glib_random);

  return g_test_run ();
}
