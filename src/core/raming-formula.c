/* raming-formula.c: parsed and compiled estimate formulas
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

/* The parser recurses once per level of parentheses and the text is
 * untrusted (files from others, fuzzers), so both are bounded. */
#define MAX_LENGTH 10000
#define MAX_DEPTH 200

/* Every level of nesting keeps at most three values waiting on the
 * stack (a sum, a product and a function argument), so MAX_DEPTH levels
 * fit with room to spare; evaluation then needs no allocation. */
#define MAX_STACK 1024

/* How much of a long token or text is repeated in an error message. */
#define MAX_QUOTED_CHARS 40

typedef enum
{
  OP_NUMBER,
  OP_NAME,
  OP_ADD,
  OP_SUBTRACT,
  OP_MULTIPLY,
  OP_DIVIDE,
  OP_NEGATE,
  OP_PERCENT,
  OP_MIN,
  OP_MAX,
  OP_ROUND,
} OpCode;

/* min and max are compiled pairwise so that a call with many arguments
 * needs no more stack than one with two. OP_MIN and OP_MAX therefore
 * carry the position of the argument they fold in (1 only for a call
 * with a single argument), and whether it is the last one, which is
 * all raming_formula_to_string() needs to print the call again. */
typedef struct
{
  guint8  op;
  guint8  last;
  guint32 arg;       /* OP_NAME: name index; OP_MIN, OP_MAX: argument position;
                      * OP_ROUND: number of arguments */
  double  number;    /* OP_NUMBER */
} Instruction;

struct _RamingFormula
{
  gatomicrefcount  ref_count;
  char            *text;
  char           **names;
  guint            n_names;
  Instruction     *code;
  guint            n_code;
  guint            stack_size;
};

G_DEFINE_BOXED_TYPE (RamingFormula, raming_formula, raming_formula_ref, raming_formula_unref)

G_DEFINE_QUARK (raming-formula-error-quark, raming_formula_error)

typedef struct
{
  const char *name;
  OpCode      op;
  guint       min_args;
  guint       max_args;
} Function;

static const Function functions[] = {
  { "min", OP_MIN, 1, G_MAXUINT },
  { "max", OP_MAX, 1, G_MAXUINT },
  { "round", OP_ROUND, 1, 2 },
};

/* Lexer and parser */

typedef enum
{
  TOKEN_END,
  TOKEN_NUMBER,
  TOKEN_NAME,
  TOKEN_PLUS,
  TOKEN_MINUS,
  TOKEN_STAR,
  TOKEN_SLASH,
  TOKEN_PERCENT,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_SEPARATOR,
} TokenType;

typedef struct
{
  TokenType type;
  gsize     start;
  gsize     end;
  double    number;
} Token;

typedef struct
{
  const char     *text;
  RamingLanguage  language;
  gsize           pos;
  Token           token;
  guint           depth;
  GArray         *code;
  GPtrArray      *names;
  GHashTable     *name_index;
  guint           stack;
  guint           max_stack;
} Parser;

static inline gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static inline gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Text pasted from a word processor or spreadsheet often carries
 * no-break spaces, which look like ordinary spaces to the adviser. */
static gsize
skip_whitespace (const char *text,
                 gsize       pos)
{
  for (;;)
    {
      const guchar *p = (const guchar *) text + pos;

      if (g_ascii_isspace (p[0]))
        pos += 1;
      else if (p[0] == 0xC2 && p[1] == 0xA0)
        pos += 2;
      else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
        pos += 3;
      else
        return pos;
    }
}

static int
position_of (Parser *parser,
             gsize   offset)
{
  return (int) g_utf8_strlen (parser->text, offset) + 1;
}

/* Repeats a piece of the formula in a message without flooding it. */
static char *
quote_text (const char *text,
            gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);

  if (g_utf8_strlen (valid, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *start = g_utf8_substring (valid, 0, MAX_QUOTED_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&valid);
}

static gboolean
set_unexpected_token (Parser  *parser,
                      GError **error)
{
  const Token *token = &parser->token;
  g_autofree char *quoted = NULL;

  g_assert (token->type != TOKEN_END);

  quoted = quote_text (parser->text + token->start, token->end - token->start);
  g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
               /* Translators: a formula could not be read; the first %s is the
                * piece of the formula, %d the position of its first character */
               _("Unexpected “%s” at position %d"),
               quoted, position_of (parser, token->start));
  return FALSE;
}

static gboolean
set_unexpected_character (Parser  *parser,
                          GError **error)
{
  const char *p = parser->text + parser->pos;
  gunichar c = g_utf8_get_char (p);
  g_autofree char *shown = NULL;

  /* A control character would be invisible in the message. */
  if (g_unichar_isprint (c))
    shown = g_strndup (p, g_utf8_next_char (p) - p);
  else
    shown = g_strdup_printf ("U+%04X", c);

  g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
               /* Translators: %s is one character, %d its position in the formula */
               _("Unexpected character “%s” at position %d"),
               shown, position_of (parser, parser->pos));
  return FALSE;
}

static gboolean
lex_number (Parser  *parser,
            GError **error)
{
  const char *text = parser->text;
  gsize start = parser->pos;
  gsize pos = start;
  gboolean has_point = FALSE;
  g_autofree char *copy = NULL;
  char *end = NULL;
  double number;

  while (g_ascii_isdigit (text[pos]))
    pos++;

  /* In a Dutch formula “max(1,5; 2)” holds the number 1,5 while
   * “max(1, 5)” holds two numbers: only a comma between digits is a
   * decimal comma. */
  if (text[pos] == '.' ||
      (parser->language == RAMING_LANGUAGE_NL && text[pos] == ',' &&
       pos > start && g_ascii_isdigit (text[pos + 1])))
    {
      has_point = TRUE;
      pos++;
      while (g_ascii_isdigit (text[pos]))
        pos++;
    }

  if (has_point && g_ascii_isdigit (text[pos - 1]) &&
      (text[pos] == '.' ||
       (parser->language == RAMING_LANGUAGE_NL && text[pos] == ',')) &&
      g_ascii_isdigit (text[pos + 1]))
    {
      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                   /* Translators: %d is a position in the formula */
                   _("The number at position %d has more than one decimal separator; "
                     "thousands separators are not allowed in formulas"),
                   position_of (parser, start));
      return FALSE;
    }

  /* An “e” that is not followed by digits is left for the parser,
   * which then reports it as unexpected. */
  if (text[pos] == 'e' || text[pos] == 'E')
    {
      gsize exponent = pos + 1;

      if (text[exponent] == '+' || text[exponent] == '-')
        exponent++;

      if (g_ascii_isdigit (text[exponent]))
        {
          pos = exponent;
          while (g_ascii_isdigit (text[pos]))
            pos++;
        }
    }

  copy = g_strndup (text + start, pos - start);
  g_strdelimit (copy, ",", '.');
  number = g_ascii_strtod (copy, &end);
  g_assert (end != NULL && *end == '\0');

  if (!isfinite (number))
    {
      g_autofree char *quoted = quote_text (text + start, pos - start);

      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                   /* Translators: %s is a number as written, %d its position */
                   _("The number “%s” at position %d is too large"),
                   quoted, position_of (parser, start));
      return FALSE;
    }

  parser->token.type = TOKEN_NUMBER;
  parser->token.number = number;
  parser->token.end = pos;
  parser->pos = pos;

  return TRUE;
}

static gboolean
advance (Parser  *parser,
         GError **error)
{
  const char *text = parser->text;
  gsize pos = skip_whitespace (text, parser->pos);
  char c = text[pos];

  parser->pos = pos;
  parser->token.start = pos;
  parser->token.end = pos + 1;
  parser->token.number = 0;

  switch (c)
    {
    case '\0':
      parser->token.type = TOKEN_END;
      parser->token.end = pos;
      return TRUE;
    case '+':
      parser->token.type = TOKEN_PLUS;
      break;
    case '-':
      parser->token.type = TOKEN_MINUS;
      break;
    case '*':
      parser->token.type = TOKEN_STAR;
      break;
    case '/':
      parser->token.type = TOKEN_SLASH;
      break;
    case '%':
      parser->token.type = TOKEN_PERCENT;
      break;
    case '(':
      parser->token.type = TOKEN_OPEN;
      break;
    case ')':
      parser->token.type = TOKEN_CLOSE;
      break;
    case ';':
    case ',':
      parser->token.type = TOKEN_SEPARATOR;
      break;
    default:
      if (g_ascii_isdigit (c) || (c == '.' && g_ascii_isdigit (text[pos + 1])))
        return lex_number (parser, error);

      if (is_name_start (c))
        {
          pos++;
          while (is_name_char (text[pos]))
            pos++;

          if (text[pos] == '.' && is_name_start (text[pos + 1]))
            {
              pos++;
              while (is_name_char (text[pos]))
                pos++;
            }

          parser->token.type = TOKEN_NAME;
          parser->token.end = pos;
          parser->pos = pos;
          return TRUE;
        }

      return set_unexpected_character (parser, error);
    }

  parser->pos = pos + 1;
  return TRUE;
}

static void
emit (Parser *parser,
      OpCode  op,
      guint   arg,
      double  number)
{
  Instruction instruction = { op, FALSE, arg, number };

  switch (op)
    {
    case OP_NUMBER:
    case OP_NAME:
      parser->stack++;
      break;
    case OP_ADD:
    case OP_SUBTRACT:
    case OP_MULTIPLY:
    case OP_DIVIDE:
      parser->stack--;
      break;
    case OP_NEGATE:
    case OP_PERCENT:
      break;
    case OP_MIN:
    case OP_MAX:
      if (arg >= 2)
        parser->stack--;
      break;
    case OP_ROUND:
      if (arg == 2)
        parser->stack--;
      break;
    default:
      g_assert_not_reached ();
    }

  parser->max_stack = MAX (parser->max_stack, parser->stack);
  g_array_append_val (parser->code, instruction);
}

static void
emit_name (Parser *parser,
           gsize   start,
           gsize   end)
{
  g_autofree char *name = g_strndup (parser->text + start, end - start);
  gpointer index;

  if (!g_hash_table_lookup_extended (parser->name_index, name, NULL, &index))
    {
      index = GUINT_TO_POINTER (parser->names->len);
      g_ptr_array_add (parser->names, g_strdup (name));
      g_hash_table_insert (parser->name_index, g_steal_pointer (&name), index);
    }

  emit (parser, OP_NAME, GPOINTER_TO_UINT (index), 0);
}

static gboolean parse_expression (Parser  *parser,
                                  GError **error);

static gboolean
enter (Parser  *parser,
       GError **error)
{
  if (++parser->depth > MAX_DEPTH)
    {
      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                   /* Translators: %d is a number of levels, such as 200 */
                   _("The formula is nested too deeply: at most %d levels of parentheses are allowed"),
                   MAX_DEPTH);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_close (Parser  *parser,
              GError **error)
{
  if (parser->token.type == TOKEN_END)
    {
      g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                           _("Missing “)” at the end"));
      return FALSE;
    }

  if (parser->token.type != TOKEN_CLOSE)
    return set_unexpected_token (parser, error);

  parser->depth--;
  return advance (parser, error);
}

static gboolean
parse_call (Parser  *parser,
            gsize    name_start,
            gsize    name_end,
            GError **error)
{
  g_autofree char *name = g_strndup (parser->text + name_start, name_end - name_start);
  const Function *function = NULL;
  guint n_args = 0;

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      if (g_ascii_strcasecmp (name, functions[i].name) == 0)
        {
          function = &functions[i];
          break;
        }
    }

  if (function == NULL)
    {
      g_autofree char *quoted = quote_text (name, strlen (name));

      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_UNKNOWN_FUNCTION,
                   /* Translators: %s is a name followed by “(” in a formula */
                   _("Unknown function “%s”"), quoted);
      return FALSE;
    }

  if (!enter (parser, error) || !advance (parser, error))
    return FALSE;

  if (parser->token.type != TOKEN_CLOSE)
    {
      for (;;)
        {
          if (!parse_expression (parser, error))
            return FALSE;

          n_args++;
          if (function->op != OP_ROUND && n_args >= 2)
            emit (parser, function->op, n_args, 0);

          if (parser->token.type != TOKEN_SEPARATOR)
            break;

          if (!advance (parser, error))
            return FALSE;
        }
    }

  if (!expect_close (parser, error))
    return FALSE;

  if (n_args < function->min_args || n_args > function->max_args)
    {
      if (function->max_args == G_MAXUINT)
        g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                     /* Translators: %s is a function name such as “max” */
                     _("“%s” needs at least one value"), name);
      else
        g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: %s is the function name “round” */
                                  "“%s” takes one or two values, but %u was given",
                                  "“%s” takes one or two values, but %u were given",
                                  n_args),
                     name, n_args);
      return FALSE;
    }

  if (function->op == OP_ROUND)
    emit (parser, OP_ROUND, n_args, 0);
  else if (n_args == 1)
    emit (parser, function->op, 1, 0);

  g_array_index (parser->code, Instruction, parser->code->len - 1).last = TRUE;

  return TRUE;
}

static gboolean
parse_primary (Parser  *parser,
               GError **error)
{
  switch (parser->token.type)
    {
    case TOKEN_NUMBER:
      emit (parser, OP_NUMBER, 0, parser->token.number);
      return advance (parser, error);

    case TOKEN_NAME:
      {
        gsize start = parser->token.start;
        gsize end = parser->token.end;

        if (!advance (parser, error))
          return FALSE;

        if (parser->token.type == TOKEN_OPEN)
          return parse_call (parser, start, end, error);

        emit_name (parser, start, end);
        return TRUE;
      }

    case TOKEN_OPEN:
      return enter (parser, error) &&
             advance (parser, error) &&
             parse_expression (parser, error) &&
             expect_close (parser, error);

    case TOKEN_END:
      g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                           _("A value is missing at the end"));
      return FALSE;

    case TOKEN_PLUS:
    case TOKEN_MINUS:
    case TOKEN_STAR:
    case TOKEN_SLASH:
    case TOKEN_PERCENT:
    case TOKEN_CLOSE:
    case TOKEN_SEPARATOR:
    default:
      return set_unexpected_token (parser, error);
    }
}

static gboolean
parse_unary (Parser  *parser,
             GError **error)
{
  guint n_negations = 0;

  /* A loop rather than recursion: “------1” must not eat the stack. */
  while (parser->token.type == TOKEN_PLUS || parser->token.type == TOKEN_MINUS)
    {
      if (parser->token.type == TOKEN_MINUS)
        n_negations++;

      if (!advance (parser, error))
        return FALSE;
    }

  if (!parse_primary (parser, error))
    return FALSE;

  while (parser->token.type == TOKEN_PERCENT)
    {
      emit (parser, OP_PERCENT, 0, 0);
      if (!advance (parser, error))
        return FALSE;
    }

  for (guint i = 0; i < n_negations; i++)
    emit (parser, OP_NEGATE, 0, 0);

  return TRUE;
}

static gboolean
parse_term (Parser  *parser,
            GError **error)
{
  if (!parse_unary (parser, error))
    return FALSE;

  while (parser->token.type == TOKEN_STAR || parser->token.type == TOKEN_SLASH)
    {
      OpCode op = parser->token.type == TOKEN_STAR ? OP_MULTIPLY : OP_DIVIDE;

      if (!advance (parser, error) || !parse_unary (parser, error))
        return FALSE;

      emit (parser, op, 0, 0);
    }

  return TRUE;
}

static gboolean
parse_expression (Parser  *parser,
                  GError **error)
{
  if (!parse_term (parser, error))
    return FALSE;

  while (parser->token.type == TOKEN_PLUS || parser->token.type == TOKEN_MINUS)
    {
      OpCode op = parser->token.type == TOKEN_PLUS ? OP_ADD : OP_SUBTRACT;

      if (!advance (parser, error) || !parse_term (parser, error))
        return FALSE;

      emit (parser, op, 0, 0);
    }

  return TRUE;
}

/* The limit is on what the formula says, not on how it is spaced: the
 * canonical form puts spaces around every operator, and must read back
 * whenever the formula itself does. */
static gsize
length_without_spaces (const char *text)
{
  gboolean leading = TRUE;
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      /* Nor on the "=" before it, which a cell adds. */
      if (!(leading && *p == '='))
        n++;
      leading = FALSE;
    }
  return n;
}

static void
set_too_long (GError **error)
{
  g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
               /* Translators: %d is a number of characters, such as 10000 */
               _("The formula is too long: at most %d characters are allowed"),
               MAX_LENGTH);
}

/**
 * raming_formula_parse:
 * @text: the formula as the adviser wrote it, with or without a leading “=”
 * @language: the language of the document, which decides whether a comma
 *   between digits is a decimal comma
 * @error: return location for a #GError
 *
 * Reads and compiles a formula. Names are recorded but not checked:
 * the caller resolves them.
 *
 * Returns: (transfer full) (nullable): the formula, or %NULL with @error set
 */
/* At least the length of raming_formula_to_string() without spaces, in
 * either language. A name, function or operator is written in at most
 * twice its length ("dekking" ↔ "coverage", "count" → "aantal"), with at
 * most a pair of parentheses and a separator around it: three times the
 * text. Numbers are written out in full ("1e300" is 301 digits): at most
 * 17 significant digits, the zeros of the exponent, sign and separator. */
static gsize
canonical_length_bound (RamingFormula *self,
                        gsize          text_length)
{
  gsize bound = 3 * text_length;

  for (guint i = 0; i < self->n_code; i++)
    if (self->code[i].op == OP_NUMBER)
      {
        double magnitude = fabs (self->code[i].number);
        int exponent = isfinite (magnitude) && magnitude > 0 ? (int) floor (log10 (magnitude)) : 0;

        bound += 20 + (gsize) ABS (exponent);
      }
  return bound;
}

RamingFormula *
raming_formula_parse (const char      *text,
                      RamingLanguage   language,
                      GError         **error)
{
  Parser parser = { 0 };
  g_autoptr(GArray) code = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) name_index = NULL;
  RamingFormula *self;
  const char *invalid = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language == RAMING_LANGUAGE_NL || language == RAMING_LANGUAGE_EN, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  length = strlen (text);
  if (length_without_spaces (text) > MAX_LENGTH)
    {
      set_too_long (error);
      return NULL;
    }

  if (!g_utf8_validate (text, length, &invalid))
    {
      g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                   /* Translators: %d is a position in the formula */
                   _("The formula contains unreadable text at position %d"),
                   (int) g_utf8_strlen (text, invalid - text) + 1);
      return NULL;
    }

  code = g_array_new (FALSE, FALSE, sizeof (Instruction));
  names = g_ptr_array_new_with_free_func (g_free);
  name_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  parser.text = text;
  parser.language = language;
  parser.code = code;
  parser.names = names;
  parser.name_index = name_index;
  parser.pos = skip_whitespace (text, 0);
  if (text[parser.pos] == '=')
    parser.pos++;

  if (!advance (&parser, error))
    return NULL;

  if (parser.token.type == TOKEN_END)
    {
      g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                           _("The formula is empty"));
      return NULL;
    }

  if (!parse_expression (&parser, error))
    return NULL;

  if (parser.token.type != TOKEN_END)
    {
      set_unexpected_token (&parser, error);
      return NULL;
    }

  g_assert (parser.stack == 1);
  g_assert (parser.depth == 0);

  /* Not reachable within MAX_DEPTH, but evaluation relies on it. */
  if (parser.max_stack > MAX_STACK)
    {
      g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_SYNTAX,
                           _("The formula is too complex"));
      return NULL;
    }

  self = g_new0 (RamingFormula, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text);
  self->n_names = names->len;
  g_ptr_array_add (names, NULL);
  self->names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  self->n_code = code->len;
  self->code = (Instruction *) (void *) g_array_free (g_steal_pointer (&code), FALSE);
  self->stack_size = parser.max_stack;

  /* A language switch writes the formula back in canonical form: it must
   * be within the limit too. Writing it is 4 % of opening a document, so
   * only when it could be too long (canonical_length_bound). */
  if (canonical_length_bound (self, length_without_spaces (text)) > MAX_LENGTH)
    {
      g_autofree char *canonical = raming_formula_to_string (self, language);

      if (length_without_spaces (canonical) > MAX_LENGTH)
        {
          raming_formula_unref (self);
          set_too_long (error);
          return NULL;
        }
    }

  return self;
}

RamingFormula *
raming_formula_ref (RamingFormula *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
raming_formula_unref (RamingFormula *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_strfreev (self->names);
      g_free (self->code);
      g_free (self);
    }
}

const char *
raming_formula_get_text (RamingFormula *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

guint
raming_formula_get_n_names (RamingFormula *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_names;
}

/**
 * raming_formula_get_name:
 * @self: a formula
 * @position: a position below raming_formula_get_n_names()
 *
 * Returns the name at @position, in the order in which the names first
 * appear in the formula. The values passed to raming_formula_evaluate()
 * follow this order.
 *
 * Returns: (transfer none): the name as written, for example “huisartsen.dekking”
 */
const char *
raming_formula_get_name (RamingFormula *self,
                         guint          position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->n_names, NULL);

  return self->names[position];
}

/* Printing */

enum
{
  PRECEDENCE_SUM = 1,
  PRECEDENCE_PRODUCT,
  PRECEDENCE_UNARY,
  PRECEDENCE_PERCENT,
  PRECEDENCE_ATOM,
};

typedef struct
{
  GString *text;
  int      precedence;
} Piece;

static void
wrap (Piece *piece)
{
  g_string_prepend_c (piece->text, '(');
  g_string_append_c (piece->text, ')');
  piece->precedence = PRECEDENCE_ATOM;
}

static const char *
function_name (OpCode op)
{
  switch (op)
    {
    case OP_MIN:
      return "min";
    case OP_MAX:
      return "max";
    case OP_ROUND:
      return "round";
    default:
      g_assert_not_reached ();
    }
}

/* The formula in its canonical form, with the name @from written as @to
 * (when @from is not %NULL). */
static char *
formula_write (RamingFormula  *self,
               RamingLanguage  language,
               const char     *from,
               const char     *to)
{
  g_autofree Piece *pieces = NULL;
  const char *separator;
  guint top = 0;

  separator = language == RAMING_LANGUAGE_NL ? "; " : ", ";
  pieces = g_new0 (Piece, self->stack_size);

  for (guint i = 0; i < self->n_code; i++)
    {
      const Instruction *instruction = &self->code[i];
      Piece *left;
      Piece right;
      const char *operator;
      int precedence;

      switch ((OpCode) instruction->op)
        {
        case OP_NUMBER:
          g_assert (top < self->stack_size);
          {
            g_autofree char *number = raming_format_plain (instruction->number, language);

            pieces[top].text = g_string_new (number);
          }
          pieces[top].precedence = PRECEDENCE_ATOM;
          top++;
          break;

        case OP_NAME:
          g_assert (top < self->stack_size);
          pieces[top].text = g_string_new (from != NULL && g_str_equal (self->names[instruction->arg], from)
                                           ? to : self->names[instruction->arg]);
          pieces[top].precedence = PRECEDENCE_ATOM;
          top++;
          break;

        case OP_ADD:
        case OP_SUBTRACT:
        case OP_MULTIPLY:
        case OP_DIVIDE:
          g_assert (top >= 2);
          right = pieces[--top];
          left = &pieces[top - 1];

          switch ((OpCode) instruction->op)
            {
            case OP_ADD:
              operator = " + ";
              precedence = PRECEDENCE_SUM;
              break;
            case OP_SUBTRACT:
              operator = " - ";
              precedence = PRECEDENCE_SUM;
              break;
            case OP_MULTIPLY:
              operator = " * ";
              precedence = PRECEDENCE_PRODUCT;
              break;
            case OP_DIVIDE:
            default:
              operator = " / ";
              precedence = PRECEDENCE_PRODUCT;
              break;
            }

          /* Operators group to the left, so a right operand of the same
           * precedence keeps its parentheses: a - (b - c). Even for + and
           * * they stay, as floating point addition does not regroup
           * exactly. */
          if (left->precedence < precedence)
            wrap (left);
          if (right.precedence <= precedence)
            wrap (&right);

          g_string_append (left->text, operator);
          g_string_append_len (left->text, right.text->str, right.text->len);
          left->precedence = precedence;
          g_string_free (right.text, TRUE);
          break;

        case OP_NEGATE:
          g_assert (top >= 1);
          left = &pieces[top - 1];
          if (left->precedence < PRECEDENCE_UNARY)
            wrap (left);
          g_string_prepend_c (left->text, '-');
          left->precedence = PRECEDENCE_UNARY;
          break;

        case OP_PERCENT:
          g_assert (top >= 1);
          left = &pieces[top - 1];
          if (left->precedence < PRECEDENCE_PERCENT)
            wrap (left);
          g_string_append_c (left->text, '%');
          left->precedence = PRECEDENCE_PERCENT;
          break;

        case OP_MIN:
        case OP_MAX:
        case OP_ROUND:
          g_assert (top >= 1);
          if (instruction->arg == 1)
            {
              left = &pieces[top - 1];
              g_string_prepend_c (left->text, '(');
              g_string_prepend (left->text, function_name (instruction->op));
            }
          else
            {
              g_assert (top >= 2);
              right = pieces[--top];
              left = &pieces[top - 1];

              /* The second argument opens the call; later ones extend it. */
              if (instruction->arg == 2)
                {
                  g_string_prepend_c (left->text, '(');
                  g_string_prepend (left->text, function_name (instruction->op));
                }

              g_string_append (left->text, separator);
              g_string_append_len (left->text, right.text->str, right.text->len);
              g_string_free (right.text, TRUE);
            }

          if (instruction->last)
            g_string_append_c (left->text, ')');
          left->precedence = PRECEDENCE_ATOM;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_assert (top == 1);

  return g_string_free (pieces[0].text, FALSE);
}

/**
 * raming_formula_to_string:
 * @self: a formula
 * @language: the language to write the formula in
 *
 * Writes the formula in a canonical form: no leading “=”, spaces around
 * operators, only the parentheses that are needed, and numbers with the
 * decimal separator and argument separator of @language. Reading the
 * result back gives a formula that computes exactly the same.
 *
 * Returns: (transfer full): the formula as text
 */
char *
raming_formula_to_string (RamingFormula  *self,
                          RamingLanguage  language)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (language == RAMING_LANGUAGE_NL || language == RAMING_LANGUAGE_EN, NULL);

  return formula_write (self, language, NULL, NULL);
}

/**
 * raming_formula_rename:
 * @self: a formula
 * @from: a name the formula may use (an assumption's key)
 * @to: the name to use instead
 * @language: the language to write the formula in
 *
 * The formula as raming_formula_to_string() writes it, with every use of
 * the name @from written as @to: what an assumption's formulas become
 * when it is renamed. Names that only begin with @from
 * (“huisartsen.dekking” for “huisartsen”) are other names and stay.
 *
 * Returns: (transfer full) (nullable): the formula as text, or %NULL when
 *   it does not use @from
 */
char *
raming_formula_rename (RamingFormula  *self,
                       const char     *from,
                       const char     *to,
                       RamingLanguage  language)
{
  gboolean uses = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (language == RAMING_LANGUAGE_NL || language == RAMING_LANGUAGE_EN, NULL);

  for (guint i = 0; i < self->n_names && !uses; i++)
    uses = g_str_equal (self->names[i], from);
  if (!uses)
    return NULL;
  return formula_write (self, language, from, to);
}

/* Evaluation */

static inline double
power_of_ten (int exponent)
{
  static const double exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };

  g_assert (exponent >= 0);

  if (exponent < (int) G_N_ELEMENTS (exact))
    return exact[exponent];

  return pow (10.0, exponent);
}

/* round(x; digits). digits may be negative: round(x; -3) is the nearest
 * thousand. Monotonic in x for a fixed number of digits. */
static double
round_digits (double x,
              double digits)
{
  g_assert (digits == floor (digits));

  if (digits == 0)
    return raming_round_half_away (x);

  if (digits > 0)
    {
      double scale = power_of_ten ((int) MIN (digits, 400));

      /* Beyond this x has no digits left to round away; comparing x
       * itself keeps the function monotonic at the boundary. */
      if (!(fabs (x) < 9007199254740992.0 / scale))
        return x;

      return raming_round_half_away (x * scale) / scale;
    }
  else
    {
      double scale = power_of_ten ((int) MIN (-digits, 400));

      if (isinf (scale))
        return 0.0;

      return raming_round_half_away (x / scale) * scale;
    }
}

static gboolean
set_not_finite (GError **error)
{
  g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_NOT_FINITE,
                       _("The calculation gives a number that is too large"));
  return FALSE;
}

static gboolean
set_bad_digits (GError **error)
{
  g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                       /* Translators: “round” is the name of a formula function */
                       _("The number of decimals in “round” must be a whole number"));
  return FALSE;
}

static gboolean
check_input (RamingFormula  *self,
             guint           i,
             double          value,
             GError        **error)
{
  if (G_LIKELY (isfinite (value)))
    return TRUE;

  g_set_error (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_NOT_FINITE,
               /* Translators: %s is the name of an assumption or partner field */
               _("The value of “%s” is not a finite number"), self->names[i]);
  return FALSE;
}

/**
 * raming_formula_evaluate:
 * @self: a formula
 * @values: (array): one value per name, in the order of raming_formula_get_name()
 * @result: (out): return location for the result
 * @error: return location for a #GError
 *
 * Computes the formula. This allocates nothing unless it fails, so it
 * can run inside a Monte Carlo loop.
 *
 * Returns: %TRUE with @result set, or %FALSE with @error set
 */
gboolean
raming_formula_evaluate (RamingFormula  *self,
                         const double   *values,
                         double         *result,
                         GError        **error)
{
  double stack[MAX_STACK];
  guint top = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (values != NULL || self->n_names == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->n_names; i++)
    {
      if (!check_input (self, i, values[i], error))
        return FALSE;
    }

  for (guint i = 0; i < self->n_code; i++)
    {
      const Instruction *instruction = &self->code[i];
      double value;

      switch ((OpCode) instruction->op)
        {
        case OP_NUMBER:
          stack[top++] = instruction->number;
          continue;

        case OP_NAME:
          stack[top++] = values[instruction->arg];
          continue;

        case OP_ADD:
          top--;
          value = stack[top - 1] + stack[top];
          break;

        case OP_SUBTRACT:
          top--;
          value = stack[top - 1] - stack[top];
          break;

        case OP_MULTIPLY:
          top--;
          value = stack[top - 1] * stack[top];
          break;

        case OP_DIVIDE:
          top--;
          if (G_UNLIKELY (stack[top] == 0.0))
            {
              g_set_error_literal (error, RAMING_FORMULA_ERROR,
                                   RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                                   _("Division by zero"));
              return FALSE;
            }
          value = stack[top - 1] / stack[top];
          break;

        case OP_NEGATE:
          stack[top - 1] = -stack[top - 1];
          continue;

        case OP_PERCENT:
          stack[top - 1] = stack[top - 1] / 100.0;
          continue;

        case OP_MIN:
          if (instruction->arg >= 2)
            {
              top--;
              stack[top - 1] = MIN (stack[top - 1], stack[top]);
            }
          continue;

        case OP_MAX:
          if (instruction->arg >= 2)
            {
              top--;
              stack[top - 1] = MAX (stack[top - 1], stack[top]);
            }
          continue;

        case OP_ROUND:
          if (instruction->arg == 2)
            {
              top--;
              if (G_UNLIKELY (stack[top] != floor (stack[top])))
                return set_bad_digits (error);
              value = round_digits (stack[top - 1], stack[top]);
            }
          else
            {
              value = raming_round_half_away (stack[top - 1]);
            }
          break;

        default:
          g_assert_not_reached ();
        }

      /* Inputs are finite, so only overflow can get here; it is caught
       * where it happens, since a later min() or division could hide it. */
      if (G_UNLIKELY (!isfinite (value)))
        return set_not_finite (error);

      stack[top - 1] = value;
    }

  g_assert (top == 1);
  *result = stack[0];

  return TRUE;
}

/**
 * raming_formula_evaluate_interval:
 * @self: a formula
 * @lows: (array): the lowest value of each name, in the order of raming_formula_get_name()
 * @highs: (array): the highest value of each name
 * @low: (out): return location for the lowest possible result
 * @high: (out): return location for the highest possible result
 * @error: return location for a #GError
 *
 * Computes a range that holds every result the formula can give while
 * each name stays within its range. The range can be wider than needed
 * when a name occurs more than once. When every range is a single value
 * the result is exactly that of raming_formula_evaluate().
 *
 * Returns: %TRUE with @low and @high set, or %FALSE with @error set
 */
gboolean
raming_formula_evaluate_interval (RamingFormula  *self,
                                  const double   *lows,
                                  const double   *highs,
                                  double         *low,
                                  double         *high,
                                  GError        **error)
{
  double lo[MAX_STACK];
  double hi[MAX_STACK];
  guint top = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lows != NULL || self->n_names == 0, FALSE);
  g_return_val_if_fail (highs != NULL || self->n_names == 0, FALSE);
  g_return_val_if_fail (low != NULL, FALSE);
  g_return_val_if_fail (high != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->n_names; i++)
    {
      if (!check_input (self, i, lows[i], error) ||
          !check_input (self, i, highs[i], error))
        return FALSE;

      g_return_val_if_fail (lows[i] <= highs[i], FALSE);
    }

  for (guint i = 0; i < self->n_code; i++)
    {
      const Instruction *instruction = &self->code[i];
      double a, b, c, d;
      double new_lo, new_hi;

      switch ((OpCode) instruction->op)
        {
        case OP_NUMBER:
          lo[top] = hi[top] = instruction->number;
          top++;
          continue;

        case OP_NAME:
          lo[top] = lows[instruction->arg];
          hi[top] = highs[instruction->arg];
          top++;
          continue;

        case OP_ADD:
          top--;
          new_lo = lo[top - 1] + lo[top];
          new_hi = hi[top - 1] + hi[top];
          break;

        case OP_SUBTRACT:
          top--;
          new_lo = lo[top - 1] - hi[top];
          new_hi = hi[top - 1] - lo[top];
          break;

        case OP_MULTIPLY:
        case OP_DIVIDE:
          top--;
          if (instruction->op == OP_DIVIDE)
            {
              if (lo[top] <= 0.0 && hi[top] >= 0.0)
                {
                  g_set_error_literal (error, RAMING_FORMULA_ERROR,
                                       RAMING_FORMULA_ERROR_DIVISION_BY_ZERO,
                                       lo[top] == hi[top]
                                       ? _("Division by zero")
                                       : _("The range of the divisor includes zero"));
                  return FALSE;
                }

              a = lo[top - 1] / lo[top];
              b = lo[top - 1] / hi[top];
              c = hi[top - 1] / lo[top];
              d = hi[top - 1] / hi[top];
            }
          else
            {
              a = lo[top - 1] * lo[top];
              b = lo[top - 1] * hi[top];
              c = hi[top - 1] * lo[top];
              d = hi[top - 1] * hi[top];
            }

          /* Rounding to nearest is monotonic, so the extremes of the
           * rounded results are at the same corners as the exact ones
           * and no outward rounding is needed. */
          new_lo = MIN (MIN (a, b), MIN (c, d));
          new_hi = MAX (MAX (a, b), MAX (c, d));
          break;

        case OP_NEGATE:
          new_lo = -hi[top - 1];
          new_hi = -lo[top - 1];
          lo[top - 1] = new_lo;
          hi[top - 1] = new_hi;
          continue;

        case OP_PERCENT:
          lo[top - 1] = lo[top - 1] / 100.0;
          hi[top - 1] = hi[top - 1] / 100.0;
          continue;

        case OP_MIN:
          if (instruction->arg >= 2)
            {
              top--;
              lo[top - 1] = MIN (lo[top - 1], lo[top]);
              hi[top - 1] = MIN (hi[top - 1], hi[top]);
            }
          continue;

        case OP_MAX:
          if (instruction->arg >= 2)
            {
              top--;
              lo[top - 1] = MAX (lo[top - 1], lo[top]);
              hi[top - 1] = MAX (hi[top - 1], hi[top]);
            }
          continue;

        case OP_ROUND:
          if (instruction->arg == 2)
            {
              top--;
              /* Rounding is monotonic only for a fixed number of decimals. */
              if (lo[top] != hi[top])
                {
                  g_set_error_literal (error, RAMING_FORMULA_ERROR, RAMING_FORMULA_ERROR_ARGUMENTS,
                                       /* Translators: “round” is the name of a formula function */
                                       _("The number of decimals in “round” must be a fixed number, "
                                         "not a range"));
                  return FALSE;
                }
              if (lo[top] != floor (lo[top]))
                return set_bad_digits (error);
              new_lo = round_digits (lo[top - 1], lo[top]);
              new_hi = round_digits (hi[top - 1], lo[top]);
            }
          else
            {
              new_lo = raming_round_half_away (lo[top - 1]);
              new_hi = raming_round_half_away (hi[top - 1]);
            }
          break;

        default:
          g_assert_not_reached ();
        }

      if (G_UNLIKELY (!isfinite (new_lo) || !isfinite (new_hi)))
        return set_not_finite (error);

      lo[top - 1] = new_lo;
      hi[top - 1] = new_hi;
    }

  g_assert (top == 1);
  *low = lo[0];
  *high = hi[0];

  return TRUE;
}
