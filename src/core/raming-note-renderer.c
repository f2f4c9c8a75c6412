/* raming-note-renderer.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out the appendix of the council note on pages: a title block, the
 * note table, the notes under it, the sources and, on request, the action
 * items. The same code draws the PDF export and the printed page, so the
 * two cannot differ.
 *
 * The layout is a flow of items (paragraphs and table rows) cut into
 * pages. A row is never split unless it is taller than a page by itself;
 * a table's header row is repeated at the top of every page the table
 * continues on. Amounts are aligned on their last digit (the decimal
 * position of whole euros), whatever label follows them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "raming-note-renderer.h"

#define FONT_FAMILY   "Arial, Liberation Sans, Nimbus Sans, Helvetica, Sans"
#define PAD_X         4.0
#define PAD_Y         3.0
#define INDENT_STEP   10.0
#define BULLET_WIDTH  12.0
#define HEADER_MAX_LINES 8

typedef enum
{
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_HEADER,
  STYLE_APPENDIX,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_NOTE,
  STYLE_CAPTION,
  STYLE_FOOTER,
} Style;

static const struct {
  double      size;
  PangoWeight weight;
  PangoStyle  style;
} styles[] = {
  [STYLE_BODY]      = { 9.0,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_BODY_BOLD] = { 9.0,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_HEADER]    = { 8.0,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_APPENDIX]  = { 9.0,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_TITLE]     = { 14.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_SUBTITLE]  = { 9.5,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_HEADING]   = { 10.5, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_NOTE]      = { 8.0,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_CAPTION]   = { 8.0,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  [STYLE_FOOTER]    = { 8.0,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
};

typedef enum
{
  ROW_HEADER,
  ROW_MEASURE,
  ROW_GROUP,
  ROW_TOTAL,
  ROW_ACTION,
} RowKind;

typedef struct
{
  char        *text;
  char        *anchor;     /* the amount at the start of text, aligned on its last digit */
  PangoLayout *layout;
  double       x;          /* within the cell's column */
  double       y;          /* within the row */
} Cell;

typedef struct
{
  RowKind  kind;
  guint    depth;
  Cell    *cells;
  double   height;
} Row;

typedef struct
{
  guint        n_columns;
  gboolean     numeric[RAMING_N_COLUMNS + 1];
  double       widths[RAMING_N_COLUMNS + 1];
  double       anchor_x[RAMING_N_COLUMNS + 1];
  gboolean     labelled[RAMING_N_COLUMNS + 1];   /* some amounts have a label after them */
  Row          header;
  GPtrArray   *rows;        /* Row* */
  char        *caption;     /* above the repeated header: "… (vervolg)" */
  PangoLayout *caption_layout;
  gboolean     started;     /* some rows are already on an earlier page */
} Table;

typedef enum
{
  ITEM_PARAGRAPH,
  ITEM_ROW,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  double       space_before;
  gboolean     keep_with_next;
  double       height;
  PangoLayout *layout;      /* paragraph */
  gboolean     bullet;      /* paragraph in a list */
  Table       *table;       /* row */
  Row         *row;         /* row */
} Item;

typedef enum
{
  PLACE_ITEM,
  PLACE_HEADER,
  PLACE_CAPTION,
} PlaceKind;

typedef struct
{
  PlaceKind kind;
  guint     item;           /* PLACE_ITEM */
  Table    *table;          /* PLACE_HEADER, PLACE_CAPTION */
  double    y;              /* top on the page */
  double    from;           /* the part of the item on this page, in the item's own */
  double    to;             /* coordinates: all of it unless it is split */
} Placement;

struct _RamingNoteRenderer
{
  GObject       parent_instance;

  double        page_width;
  double        page_height;
  double        margin;
  gboolean      include_actions;
  RamingLanguage language;

  char         *appendix;
  char         *title;
  char         *subtitle;
  char         *page_of;
  char         *sources_heading;
  char         *actions_heading;
  char         *gap_text;
  char         *band_text;
  GPtrArray    *footnotes;
  GPtrArray    *sources;
  Table         note;
  Table         actions;

  PangoContext *context;
  GPtrArray    *items;      /* Item* */
  GPtrArray    *pages;      /* GArray of Placement */
  PangoLayout  *bullet_layout;
};

G_DEFINE_FINAL_TYPE (RamingNoteRenderer, raming_note_renderer, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Content, copied from the note table                                 */

static void
cell_init (Cell       *cell,
           const char *text,
           const char *anchor)
{
  cell->text = raming_export_clean_text (text);
  if (anchor != NULL && anchor[0] != '\0' && g_str_has_prefix (text, anchor))
    cell->anchor = raming_export_clean_text (anchor);
}

static void
row_clear (Row *row)
{
  if (row->cells == NULL)
    return;
  /* n_columns is not stored in the row: the cell array ends with a NULL text */
  for (guint c = 0; row->cells[c].text != NULL; c++)
    {
      g_free (row->cells[c].text);
      g_free (row->cells[c].anchor);
      g_clear_object (&row->cells[c].layout);
    }
  g_clear_pointer (&row->cells, g_free);
}

static void
row_free (Row *row)
{
  row_clear (row);
  g_free (row);
}

static Row *
row_new (RowKind kind,
         guint   depth,
         guint   n_columns)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  row->depth = depth;
  row->cells = g_new0 (Cell, n_columns + 1);
  return row;
}

static void
table_init (Table *table,
            guint  n_columns)
{
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  table->header.kind = ROW_HEADER;
  table->header.cells = g_new0 (Cell, n_columns + 1);
}

static void
table_clear (Table *table)
{
  row_clear (&table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->caption, g_free);
  g_clear_object (&table->caption_layout);
}

static Row *
note_row (const RamingNoteRow *source)
{
  RowKind kinds[] = {
    [RAMING_NOTE_ROW_MEASURE] = ROW_MEASURE,
    [RAMING_NOTE_ROW_GROUP] = ROW_GROUP,
    [RAMING_NOTE_ROW_TOTAL] = ROW_TOTAL,
  };
  Row *row = row_new (kinds[source->kind], source->depth, RAMING_N_COLUMNS + 1);

  cell_init (&row->cells[0], source->title, NULL);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      const RamingNoteCell *cell = &source->cells[c];

      cell_init (&row->cells[c + 1], cell->text,
                 cell->shown && cell->kind == RAMING_CELL_VALUE ? cell->amount_text : NULL);
    }
  return row;
}

static void
copy_strings (GPtrArray *to,
              GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, raming_export_clean_text (from->pdata[i]));
}

void
raming_note_renderer_get_page_size (const RamingExportOptions *options,
                                    double                    *width_pt,
                                    double                    *height_pt)
{
  gboolean landscape = options != NULL && options->landscape;

  g_return_if_fail (width_pt != NULL && height_pt != NULL);

  *width_pt = landscape ? RAMING_A4_HEIGHT_PT : RAMING_A4_WIDTH_PT;
  *height_pt = landscape ? RAMING_A4_WIDTH_PT : RAMING_A4_HEIGHT_PT;
}

RamingNoteRenderer *
raming_note_renderer_new (RamingNoteTable           *table,
                          const RamingExportOptions *options,
                          double                     page_width_pt,
                          double                     page_height_pt,
                          double                     margin_pt)
{
  RamingNoteRenderer *self;
  g_autofree char *caption = NULL;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (page_width_pt > 2 * margin_pt + 72, NULL);
  g_return_val_if_fail (page_height_pt > 2 * margin_pt + 144, NULL);
  g_return_val_if_fail (margin_pt >= 0, NULL);

  self = g_object_new (RAMING_TYPE_NOTE_RENDERER, NULL);
  self->page_width = page_width_pt;
  self->page_height = page_height_pt;
  self->margin = margin_pt;
  self->include_actions = options != NULL && options->include_actions;
  self->language = raming_note_table_get_language (table);

  self->appendix = raming_export_clean_text (raming_note_table_get_string (table, "appendix"));
  self->title = raming_export_clean_text (raming_note_table_get_title (table));
  self->subtitle = raming_export_clean_text (raming_note_table_get_subtitle (table));
  self->page_of = g_strdup (raming_note_table_get_string (table, "page-of"));
  self->sources_heading = raming_export_clean_text (raming_note_table_get_string (table, "sources"));
  self->actions_heading = raming_export_clean_text (raming_note_table_get_string (table, "actions"));
  self->gap_text = raming_export_clean_text (raming_note_table_get_gap_text (table));
  self->band_text = raming_export_clean_text (raming_note_table_get_band_text (table));
  copy_strings (self->footnotes, raming_note_table_get_footnotes (table));
  copy_strings (self->sources, raming_note_table_get_sources (table));

  table_init (&self->note, RAMING_N_COLUMNS + 1);
  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    {
      cell_init (&self->note.header.cells[c], raming_note_table_get_header (table, c), NULL);
      self->note.numeric[c] = c > 0;
    }
  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    g_ptr_array_add (self->note.rows, note_row (raming_note_table_get_row (table, i)));
  g_ptr_array_add (self->note.rows, note_row (raming_note_table_get_total (table)));
  caption = g_strdup_printf ("%s %s", raming_note_table_get_title (table),
                             raming_note_table_get_string (table, "continued"));
  self->note.caption = raming_export_clean_text (caption);

  table_init (&self->actions, 4);
  if (self->include_actions)
    {
      GPtrArray *actions = raming_note_table_get_actions (table);
      g_autofree char *action_caption = NULL;

      cell_init (&self->actions.header.cells[0], raming_note_table_get_string (table, "action"), NULL);
      cell_init (&self->actions.header.cells[1], raming_note_table_get_string (table, "owner"), NULL);
      cell_init (&self->actions.header.cells[2], raming_note_table_get_string (table, "due"), NULL);
      cell_init (&self->actions.header.cells[3], raming_note_table_get_string (table, "status"), NULL);
      for (guint i = 0; i < actions->len; i++)
        {
          const RamingNoteAction *action = actions->pdata[i];
          Row *row = row_new (ROW_ACTION, 0, 4);

          cell_init (&row->cells[0], action->title, NULL);
          cell_init (&row->cells[1], action->owner, NULL);
          cell_init (&row->cells[2], action->due, NULL);
          cell_init (&row->cells[3], action->status, NULL);
          g_ptr_array_add (self->actions.rows, row);
        }
      action_caption = g_strdup_printf ("%s %s", raming_note_table_get_string (table, "actions"),
                                        raming_note_table_get_string (table, "continued"));
      self->actions.caption = raming_export_clean_text (action_caption);
    }

  return self;
}

static void
clear_layout (RamingNoteRenderer *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->bullet_layout);
}

static void
raming_note_renderer_finalize (GObject *object)
{
  RamingNoteRenderer *self = RAMING_NOTE_RENDERER (object);

  clear_layout (self);
  g_clear_object (&self->context);
  g_free (self->appendix);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->page_of);
  g_free (self->sources_heading);
  g_free (self->actions_heading);
  g_free (self->gap_text);
  g_free (self->band_text);
  g_ptr_array_unref (self->footnotes);
  g_ptr_array_unref (self->sources);
  table_clear (&self->note);
  table_clear (&self->actions);

  G_OBJECT_CLASS (raming_note_renderer_parent_class)->finalize (object);
}

static void
raming_note_renderer_class_init (RamingNoteRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = raming_note_renderer_finalize;
}

static void
raming_note_renderer_init (RamingNoteRenderer *self)
{
  self->footnotes = g_ptr_array_new_with_free_func (g_free);
  self->sources = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static double
to_pt (int pango_units)
{
  return (double) pango_units / PANGO_SCALE;
}

static int
to_pango (double pt)
{
  return (int) floor (pt * PANGO_SCALE);
}

/* Text is set as plain text with attributes, never as markup: a "<b>"
 * in a measure's title is shown as it is written. */
static PangoLayout *
make_layout (RamingNoteRenderer *self,
             const char         *text,
             Style               style,
             gboolean            figures)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoAttrList *attrs;

  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  if (figures)
    {
      /* Tabular figures: every digit as wide as the next, so that the
       * digits of amounts stand in columns. */
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1, lnum 1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return to_pt (logical.x + logical.width);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return to_pt (logical.height);
}

static double
text_width (RamingNoteRenderer *self,
            const char         *text,
            Style               style,
            gboolean            figures)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style, figures);

  return layout_width (layout);
}

/* The widest word: what a column needs so that no word is broken. */
static double
longest_word (RamingNoteRenderer *self,
              const char         *text,
              Style               style)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      widest = MAX (widest, text_width (self, words[i], style, FALSE));
  return widest;
}

/* The narrowest width at which the text takes no more than this many
 * lines. */
static double
width_for_lines (RamingNoteRenderer *self,
                 const char         *text,
                 Style               style,
                 double              narrowest,
                 double              widest,
                 int                 lines)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style, FALSE);

  for (double width = narrowest; width < widest; width += 1)
    {
      pango_layout_set_width (layout, to_pango (width));
      if (pango_layout_get_line_count (layout) <= lines)
        return width;
    }
  return widest;
}

static Style
row_style (const Row *row)
{
  switch (row->kind)
    {
    case ROW_HEADER:
      return STYLE_HEADER;
    case ROW_TOTAL:
      return STYLE_BODY_BOLD;
    case ROW_MEASURE:
    case ROW_GROUP:
    case ROW_ACTION:
    default:
      return STYLE_BODY;
    }
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef struct
{
  double amount;   /* widest amount */
  double suffix;   /* widest label after an amount */
  double other;    /* widest cell without an amount */
} Figures;

static Figures
measure_figures (RamingNoteRenderer *self,
                 Table              *table,
                 guint               c)
{
  Figures f = { 0, 0, 0 };

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = table->rows->pdata[i];
      Cell *cell = &row->cells[c];
      Style style = row_style (row);
      double full = text_width (self, cell->text, style, TRUE);

      if (cell->anchor != NULL)
        {
          double amount = text_width (self, cell->anchor, style, TRUE);

          f.amount = MAX (f.amount, amount);
          f.suffix = MAX (f.suffix, full - amount);
        }
      else
        f.other = MAX (f.other, full);
    }
  return f;
}

/* Column widths, in the manner of an HTML table: every column gets what
 * it cannot do without, and what is left is shared in proportion to how
 * much more each would like. Amounts are never broken; titles wrap. */
static void
compute_widths (RamingNoteRenderer *self,
                Table              *table,
                double              available)
{
  double min[RAMING_N_COLUMNS + 1], max[RAMING_N_COLUMNS + 1], full[RAMING_N_COLUMNS + 1];
  double sum_min = 0;
  double cap = available * (table == &self->note ? 0.22 : 0.4);

  for (guint c = 0; c < table->n_columns; c++)
    {
      double header_word = longest_word (self, table->header.cells[c].text, STYLE_HEADER);
      double header_full = text_width (self, table->header.cells[c].text, STYLE_HEADER, FALSE);
      double natural = 0;

      full[c] = header_full + 2 * PAD_X;
      if (table->numeric[c])
        {
          Figures f = measure_figures (self, table, c);

          natural = MAX (f.amount + f.suffix, f.other);
          min[c] = MIN (MAX (natural, header_word) + 2 * PAD_X, cap);
          /* Wide enough, if there is room, for the header in three lines. */
          max[c] = MAX (min[c], MIN (width_for_lines (self, table->header.cells[c].text,
                                                      STYLE_HEADER, header_word, header_full, 3)
                                     + 2 * PAD_X, cap));
        }
      else
        {
          double word = header_word;

          for (guint i = 0; i < table->rows->len; i++)
            {
              Row *row = table->rows->pdata[i];

              natural = MAX (natural, text_width (self, row->cells[c].text, row_style (row), FALSE)
                                      + row->depth * INDENT_STEP);
              word = MAX (word, longest_word (self, row->cells[c].text, row_style (row)));
            }
          natural = MAX (natural, header_full);
          if (c == 0)
            min[c] = MAX (MIN (word + 2 * PAD_X, cap), available * 0.3);
          else
            min[c] = MIN (word + 2 * PAD_X, cap);
          max[c] = MAX (min[c], natural + 2 * PAD_X);
        }
      sum_min += min[c];
    }

  if (sum_min >= available)
    {
      for (guint c = 0; c < table->n_columns; c++)
        table->widths[c] = min[c] * available / sum_min;
    }
  else
    {
      double left = available - sum_min;

      /* Amount columns first (so that their headers need no more than
       * three lines), then the other short columns, then the titles (so
       * that they need not wrap), then the amount columns again (so that
       * their headers need not wrap), then what is left to the titles. */
      for (guint c = 0; c < table->n_columns; c++)
        table->widths[c] = min[c];
      for (int pass = 0; pass < 4; pass++)
        {
          double wanted = 0;

          for (guint c = 0; c < table->n_columns; c++)
            {
              gboolean in_pass = pass == 0 || pass == 3 ? table->numeric[c]
                               : pass == 1 ? !table->numeric[c] && c > 0
                               : c == 0;
              double target = pass == 3 ? MAX (full[c], max[c]) : max[c];

              if (!in_pass || target <= table->widths[c])
                continue;
              wanted += target - table->widths[c];
            }
          if (wanted <= 0)
            continue;
          for (guint c = 0; c < table->n_columns; c++)
            {
              gboolean in_pass = pass == 0 || pass == 3 ? table->numeric[c]
                               : pass == 1 ? !table->numeric[c] && c > 0
                               : c == 0;
              double target = pass == 3 ? MAX (full[c], max[c]) : max[c];

              if (!in_pass || target <= table->widths[c])
                continue;
              table->widths[c] += (target - table->widths[c]) * MIN (1, left / wanted);
            }
          left = MAX (0, left - wanted);
        }
      table->widths[0] += left;
    }

  /* Where the last digit of the amounts stands: as far right as the
   * widest label after an amount allows. */
  for (guint c = 0; c < table->n_columns; c++)
    if (table->numeric[c])
      {
        Figures f = measure_figures (self, table, c);
        double inner = table->widths[c] - 2 * PAD_X;

        table->anchor_x[c] = PAD_X + inner - MIN (f.suffix, MAX (0, inner - f.amount));
        table->labelled[c] = f.suffix > 0.5;
      }
}

static void
layout_row (RamingNoteRenderer *self,
            Table              *table,
            Row                *row)
{
  Style style = row_style (row);
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      Cell *cell = &row->cells[c];
      double inner = table->widths[c] - 2 * PAD_X;
      gboolean numeric = table->numeric[c];

      g_clear_object (&cell->layout);
      cell->layout = make_layout (self, cell->text, style, numeric);
      cell->x = PAD_X;
      cell->y = PAD_Y;

      if (row->kind == ROW_HEADER)
        {
          pango_layout_set_width (cell->layout, to_pango (inner));
          pango_layout_set_alignment (cell->layout, numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          /* Only a municipality's name can make a header long; a header
           * must leave room on the page for the rows. */
          pango_layout_set_height (cell->layout, -HEADER_MAX_LINES);
          pango_layout_set_ellipsize (cell->layout, PANGO_ELLIPSIZE_END);
        }
      else if (numeric)
        {
          double full = layout_width (cell->layout);
          double anchor = table->anchor_x[c];

          if (cell->anchor != NULL)
            {
              double start = anchor - text_width (self, cell->anchor, style, TRUE);

              if (start >= PAD_X - 0.01 && start + full <= PAD_X + inner + 0.01)
                cell->x = start;
              else
                {
                  pango_layout_set_width (cell->layout, to_pango (inner));
                  pango_layout_set_alignment (cell->layout, PANGO_ALIGN_RIGHT);
                }
            }
          else if (full <= anchor - PAD_X + 0.01 && !table->labelled[c])
            cell->x = anchor - full;   /* a status word ends where the amounts end */
          else if (full <= inner + 0.01)
            cell->x = PAD_X + inner - full;   /* … or, next to labels, at the edge */
          else
            {
              pango_layout_set_width (cell->layout, to_pango (inner));
              pango_layout_set_alignment (cell->layout, PANGO_ALIGN_RIGHT);
            }
        }
      else
        {
          double indent = c == 0 ? row->depth * INDENT_STEP : 0;

          cell->x = PAD_X + indent;
          pango_layout_set_width (cell->layout, to_pango (MAX (inner - indent, 1)));
          /* A sub-item's continuation lines start under its text, not
           * under the dash. */
          if (c == 0 && row->depth > 0 && g_str_has_prefix (cell->text, "\342\200\223 "))
            pango_layout_set_indent (cell->layout,
                                     -to_pango (text_width (self, "\342\200\223 ", style, FALSE)));
        }

      height = MAX (height, layout_height (cell->layout));
    }

  row->height = height + 2 * PAD_Y;

  /* Header texts stand on the rule under them. */
  if (row->kind == ROW_HEADER)
    for (guint c = 0; c < table->n_columns; c++)
      row->cells[c].y = row->height - PAD_Y - layout_height (row->cells[c].layout);
}

static void
layout_table (RamingNoteRenderer *self,
              Table              *table,
              double              available)
{
  compute_widths (self, table, available);
  layout_row (self, table, &table->header);
  for (guint i = 0; i < table->rows->len; i++)
    layout_row (self, table, table->rows->pdata[i]);
  g_clear_object (&table->caption_layout);
  if (table->caption != NULL)
    {
      table->caption_layout = make_layout (self, table->caption, STYLE_CAPTION, FALSE);
      pango_layout_set_width (table->caption_layout, to_pango (available));
      pango_layout_set_ellipsize (table->caption_layout, PANGO_ELLIPSIZE_END);
    }
  table->started = FALSE;
}

static double
caption_height (Table *table)
{
  return table->caption_layout != NULL ? layout_height (table->caption_layout) + 2 : 0;
}

/* ------------------------------------------------------------------ */
/* The flow                                                            */

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_free (item);
}

static Item *
add_paragraph (RamingNoteRenderer *self,
               const char         *text,
               Style               style,
               double              space_before,
               gboolean            bullet)
{
  double width = self->page_width - 2 * self->margin;
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_PARAGRAPH;
  item->space_before = space_before;
  item->bullet = bullet;
  item->layout = make_layout (self, text, style, FALSE);
  pango_layout_set_width (item->layout, to_pango (width - (bullet ? BULLET_WIDTH : 0)));
  item->height = layout_height (item->layout);
  g_ptr_array_add (self->items, item);
  return item;
}

static void
add_rows (RamingNoteRenderer *self,
          Table              *table,
          double              space_before)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = table->rows->pdata[i];
      Item *item = g_new0 (Item, 1);

      item->kind = ITEM_ROW;
      item->table = table;
      item->row = row;
      item->height = row->height;
      item->space_before = i == 0 ? space_before : 0;
      /* A group row stays with its first sub-item, and the last row with
       * the total, so that neither stands alone at the foot of a page. */
      item->keep_with_next = row->kind == ROW_GROUP ||
                             (i + 2 == table->rows->len && table == &self->note);
      g_ptr_array_add (self->items, item);
    }
}

static void
build_items (RamingNoteRenderer *self)
{
  double width = self->page_width - 2 * self->margin;
  Item *item;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  item = add_paragraph (self, self->appendix, STYLE_APPENDIX, 0, FALSE);
  item->keep_with_next = TRUE;
  item = add_paragraph (self, self->title, STYLE_TITLE, 2, FALSE);
  item->keep_with_next = TRUE;
  if (self->subtitle[0] != '\0')
    {
      item = add_paragraph (self, self->subtitle, STYLE_SUBTITLE, 3, FALSE);
      item->keep_with_next = TRUE;
    }

  layout_table (self, &self->note, width);
  add_rows (self, &self->note, 12);

  for (guint i = 0; i < self->footnotes->len; i++)
    add_paragraph (self, self->footnotes->pdata[i], STYLE_NOTE, i == 0 ? 6 : 2, FALSE);
  add_paragraph (self, self->gap_text, STYLE_BODY, 8, FALSE);
  add_paragraph (self, self->band_text, STYLE_BODY, 3, FALSE);

  if (self->sources->len > 0)
    {
      item = add_paragraph (self, self->sources_heading, STYLE_HEADING, 16, FALSE);
      item->keep_with_next = TRUE;
      for (guint i = 0; i < self->sources->len; i++)
        add_paragraph (self, self->sources->pdata[i], STYLE_NOTE, i == 0 ? 4 : 2, TRUE);
    }

  if (self->include_actions)
    {
      item = add_paragraph (self, self->actions_heading, STYLE_HEADING, 16, FALSE);
      item->keep_with_next = TRUE;
      layout_table (self, &self->actions, width);
      add_rows (self, &self->actions, 4);
    }

  self->bullet_layout = make_layout (self, "\342\200\242", STYLE_NOTE, FALSE);
}

static double
body_top (RamingNoteRenderer *self)
{
  return self->margin;
}

static double
body_bottom (RamingNoteRenderer *self)
{
  return self->page_height - self->margin;
}

static double
header_height (Table *table)
{
  return table->header.height + (table->started ? caption_height (table) : 0);
}

/* What must fit below the current position for this item to start here:
 * the item (with its table's header when that is not yet on the page)
 * and whatever it keeps with. An item taller than a page starts where it
 * is and is cut at a line. */
static double
required_height (RamingNoteRenderer *self,
                 guint               i,
                 Table              *header_on_page)
{
  double body = body_bottom (self) - body_top (self);
  double need = 0;

  for (; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];
      double h = item->height;

      if (item->kind == ITEM_ROW && item->table != header_on_page)
        {
          need += header_height (item->table);
          header_on_page = item->table;
        }
      if (h > body / 2)
        h = MIN (h, 4 * styles[STYLE_BODY].size);
      need += h;
      if (!item->keep_with_next || i + 1 >= self->items->len || need >= body)
        break;
      need += ((Item *) self->items->pdata[i + 1])->space_before;
    }
  return MIN (need, body);
}

typedef struct
{
  double top;
  double bottom;
} Span;

static void
collect_lines (PangoLayout *layout,
               double       offset,
               GArray      *spans)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      Span span;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      span.top = offset + to_pt (y0);
      span.bottom = offset + to_pt (y1);
      g_array_append_val (spans, span);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Where to cut an item that does not fit: below the lowest line that
 * fits, where no line of another cell is cut in half. */
static double
find_break (Item   *item,
            double  from,
            double  room)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  double limit = from + room;
  double best = from;

  if (item->kind == ITEM_PARAGRAPH)
    collect_lines (item->layout, 0, spans);
  else
    for (guint c = 0; c < item->table->n_columns; c++)
      collect_lines (item->row->cells[c].layout, item->row->cells[c].y, spans);

  for (guint i = 0; i < spans->len; i++)
    {
      double candidate = g_array_index (spans, Span, i).bottom;
      gboolean clean = TRUE;

      if (candidate <= from + 0.01 || candidate > limit + 0.01 || candidate <= best)
        continue;
      for (guint j = 0; j < spans->len && clean; j++)
        {
          Span *other = &g_array_index (spans, Span, j);

          clean = !(other->top < candidate - 0.01 && other->bottom > candidate + 0.01);
        }
      if (clean)
        best = candidate;
    }

  if (best <= from + 0.01)
    best = limit;   /* no line fits whole: cut where the page ends */
  return best;
}

static GArray *
new_page (RamingNoteRenderer *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray    *page,
       PlaceKind  kind,
       guint      item,
       Table     *table,
       double     y,
       double     from,
       double     to)
{
  Placement placement = { kind, item, table, y, from, to };

  g_array_append_val (page, placement);
}

static double
place_header (GArray *page,
              Table  *table,
              double  y)
{
  if (table->started && table->caption_layout != NULL)
    {
      place (page, PLACE_CAPTION, 0, table, y, 0, caption_height (table));
      y += caption_height (table);
    }
  place (page, PLACE_HEADER, 0, table, y, 0, table->header.height);
  return y + table->header.height;
}

static void
paginate_items (RamingNoteRenderer *self)
{
  double top = body_top (self);
  double bottom = body_bottom (self);
  GArray *page = new_page (self);
  Table *header_on_page = NULL;
  double y = top;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];
      double from = 0;
      double space = page->len == 0 ? 0 : item->space_before;

      if (page->len > 0 && y + space + required_height (self, i, header_on_page) > bottom + 0.01)
        {
          page = new_page (self);
          header_on_page = NULL;
          y = top;
          space = 0;
        }
      y += space;

      for (;;)
        {
          double room;
          double cut;

          if (item->kind == ITEM_ROW && header_on_page != item->table)
            {
              y = place_header (page, item->table, y);
              header_on_page = item->table;
            }

          room = bottom - y;
          if (item->height - from <= room + 0.01)
            {
              place (page, PLACE_ITEM, i, NULL, y, from, item->height);
              y += item->height - from;
              break;
            }

          /* Only an item taller than a page gets here. */
          cut = find_break (item, from, MAX (room, 1));
          place (page, PLACE_ITEM, i, NULL, y, from, cut);
          from = cut;
          if (item->kind == ITEM_ROW)
            item->table->started = TRUE;
          page = new_page (self);
          header_on_page = NULL;
          y = top;
        }

      if (item->kind == ITEM_ROW)
        item->table->started = TRUE;
    }
}

guint
raming_note_renderer_paginate (RamingNoteRenderer *self,
                               cairo_t            *cr)
{
  cairo_font_options_t *options;

  g_return_val_if_fail (RAMING_IS_NOTE_RENDERER (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  clear_layout (self);
  g_clear_object (&self->context);

  /* 72 dpi, so that a 9 pt font is 9 units of a cairo_t in points, and
   * no hinting of metrics, so that the layout does not depend on the
   * device it is drawn on. */
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context,
                              pango_language_from_string (self->language == RAMING_LANGUAGE_EN ? "en" : "nl"));

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  build_items (self);
  paginate_items (self);

  return self->pages->len;
}

guint
raming_note_renderer_get_n_pages (RamingNoteRenderer *self)
{
  g_return_val_if_fail (RAMING_IS_NOTE_RENDERER (self), 0);
  return self->pages != NULL ? self->pages->len : 0;
}

/* How many times a table's header row is drawn on a page. */
guint
raming_note_renderer_get_header_count (RamingNoteRenderer *self,
                                       guint               page)
{
  GArray *placements;
  guint n = 0;

  g_return_val_if_fail (RAMING_IS_NOTE_RENDERER (self), 0);
  g_return_val_if_fail (self->pages != NULL && page < self->pages->len, 0);

  placements = self->pages->pdata[page];
  for (guint i = 0; i < placements->len; i++)
    if (g_array_index (placements, Placement, i).kind == PLACE_HEADER)
      n++;
  return n;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Draws the lines of a layout at (x, y) whose tops lie within [from, to)
 * of the item the layout is in (offset: where the layout stands in the
 * item). Lines of an item cut at a page are drawn on one page only, and
 * nothing is drawn hidden under a clip: what pdftotext reads is what
 * the reader sees. */
static void
show_layout_part (cairo_t     *cr,
                  PangoLayout *layout,
                  double       x,
                  double       y,
                  double       offset,
                  double       from,
                  double       to)
{
  PangoLayoutIter *iter;

  if (from <= 0 && to >= G_MAXDOUBLE)
    {
      show_layout (cr, layout, x, y);
      return;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = offset + to_pt (y0);
      if (top < from - 0.01 || top >= to - 0.01)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + to_pt (logical.x), y + to_pt (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
rule (cairo_t *cr,
      double   x0,
      double   x1,
      double   y,
      double   width,
      double   grey)
{
  cairo_save (cr);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static double
table_width (Table *table)
{
  double width = 0;

  for (guint c = 0; c < table->n_columns; c++)
    width += table->widths[c];
  return width;
}

static void
draw_row (cairo_t *cr,
          Table   *table,
          Row     *row,
          double   x,
          double   y,
          double   from,
          double   to)
{
  double width = table_width (table);
  double cx = x;

  if (row->kind == ROW_HEADER || row->kind == ROW_GROUP)
    {
      double grey = row->kind == ROW_HEADER ? 0.88 : 0.95;

      cairo_set_source_rgb (cr, grey, grey, grey);
      cairo_rectangle (cr, x, y, width, row->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      Cell *cell = &row->cells[c];

      show_layout_part (cr, cell->layout, cx + cell->x, y + cell->y, cell->y, from, to);
      cx += table->widths[c];
    }

  switch (row->kind)
    {
    case ROW_HEADER:
      rule (cr, x, x + width, y, 0.8, 0);
      rule (cr, x, x + width, y + row->height, 0.8, 0);
      break;
    case ROW_TOTAL:
      rule (cr, x, x + width, y, 1.0, 0);
      rule (cr, x, x + width, y + row->height, 1.0, 0);
      break;
    case ROW_MEASURE:
    case ROW_GROUP:
    case ROW_ACTION:
    default:
      rule (cr, x, x + width, y + row->height, 0.3, 0.6);
      break;
    }
}

static void
draw_footer (RamingNoteRenderer *self,
             cairo_t            *cr,
             guint               page)
{
  double width = self->page_width - 2 * self->margin;
  g_autofree char *text = g_strdup_printf (self->page_of, (int) page + 1, (int) self->pages->len);
  g_autoptr(PangoLayout) number = make_layout (self, text, STYLE_FOOTER, TRUE);
  g_autoptr(PangoLayout) title = make_layout (self, self->title, STYLE_FOOTER, FALSE);
  double number_width = layout_width (number);
  double y = self->page_height - self->margin + (self->margin - layout_height (number)) / 2;

  /* The document's title on the left, cut short if need be. */
  pango_layout_set_width (title, to_pango (MAX (width - number_width - 24, 10)));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_layout (cr, title, self->margin, y);
  show_layout (cr, number, self->margin + width - number_width, y);
}

void
raming_note_renderer_draw_page (RamingNoteRenderer *self,
                                cairo_t            *cr,
                                guint               page)
{
  GArray *placements;
  double x = self->margin;
  double width = self->page_width - 2 * self->margin;

  g_return_if_fail (RAMING_IS_NOTE_RENDERER (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    raming_note_renderer_paginate (self, cr);
  g_return_if_fail (page < self->pages->len);

  pango_cairo_update_context (cr, self->context);
  placements = self->pages->pdata[page];

  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      switch (p->kind)
        {
        case PLACE_CAPTION:
          show_layout (cr, p->table->caption_layout, x, p->y);
          break;

        case PLACE_HEADER:
          draw_row (cr, p->table, &p->table->header, x, p->y, 0, G_MAXDOUBLE);
          break;

        case PLACE_ITEM:
        default:
          {
            Item *item = self->items->pdata[p->item];
            gboolean whole = p->from <= 0 && p->to >= item->height;
            double from = whole ? 0 : p->from;
            double to = whole ? G_MAXDOUBLE : p->to;

            /* A part of an item cut at a page: show only that part. The
             * clip is for backgrounds and rules; text is drawn line by
             * line. */
            if (!whole)
              {
                cairo_rectangle (cr, x - 2, p->y, width + 4, p->to - p->from + 0.5);
                cairo_clip (cr);
              }
            if (item->kind == ITEM_ROW)
              draw_row (cr, item->table, item->row, x, p->y - p->from, from, to);
            else
              {
                if (item->bullet && from <= 0)
                  show_layout (cr, self->bullet_layout, x + 2, p->y);
                show_layout_part (cr, item->layout, x + (item->bullet ? BULLET_WIDTH : 0),
                                  p->y - p->from, 0, from, to);
              }
          }
          break;
        }
      cairo_restore (cr);
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}
