/* raming-export-json.c: the note table for other tools
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unlike the note, this keeps unrounded values (to the cent), the status
 * of each cell in words and ids, and the reason of every cell in error.
 */

#include "config.h"

#include <math.h>

#include "raming-export.h"
#include "raming-json-writer.h"

static const char *column_ids[RAMING_N_COLUMNS] = { "national", "result", "original", "realistic" };

static void
set_amount (JsonObject *object,
            const char *name,
            double      value)
{
  double cents = round (value * 100) / 100;

  if (cents == 0)
    cents = 0;   /* no "-0" in the file */
  if (cents == floor (cents) && fabs (cents) < 9e15)
    json_object_set_int_member (object, name, (gint64) cents);
  else
    json_object_set_double_member (object, name, cents);
}

static JsonObject *
cell_to_json (const RamingNoteCell *cell)
{
  JsonObject *object = json_object_new ();
  static const char *kinds[] = { "blank", "value", "status", "error" };

  json_object_set_string_member (object, "kind", kinds[cell->kind]);
  json_object_set_boolean_member (object, "shown", cell->shown);
  json_object_set_string_member (object, "text", cell->text);
  switch (cell->kind)
    {
    case RAMING_CELL_VALUE:
      set_amount (object, "value", cell->value);
      set_amount (object, "rounded", cell->rounded);
      if (cell->label != NULL)
        json_object_set_string_member (object, "label", cell->label);
      break;
    case RAMING_CELL_STATUS:
      json_object_set_string_member (object, "status", raming_cell_status_to_id (cell->status));
      json_object_set_string_member (object, "status_text", cell->status_text);
      break;
    case RAMING_CELL_ERROR:
      json_object_set_string_member (object, "error", cell->error);
      break;
    case RAMING_CELL_BLANK:
    default:
      break;
    }
  return object;
}

static JsonObject *
row_to_json (const RamingNoteRow *row)
{
  JsonObject *object = json_object_new ();
  JsonObject *cells = json_object_new ();
  static const char *kinds[] = { "measure", "group", "total" };

  if (row->id != NULL)
    json_object_set_string_member (object, "id", row->id);
  json_object_set_string_member (object, "kind", kinds[row->kind]);
  json_object_set_int_member (object, "depth", row->depth);
  json_object_set_string_member (object, "title", row->plain_title);
  json_object_set_string_member (object, "display_title", row->title);
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    json_object_set_object_member (cells, column_ids[c], cell_to_json (&row->cells[c]));
  json_object_set_object_member (object, "cells", cells);
  return object;
}

static JsonArray *
strings_to_json (GPtrArray *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, strings->pdata[i]);
  return array;
}

GBytes *
raming_export_json (RamingNoteTable *table)
{
  RamingDocument *document = raming_note_table_get_document (table);
  RamingTotals *totals = raming_document_get_totals (document);
  GListModel *errors = raming_document_get_errors (document);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  JsonArray *columns = json_array_new ();
  JsonArray *rows = json_array_new ();
  JsonObject *summary = json_object_new ();
  JsonArray *error_list = json_array_new ();
  char *text;
  gsize length;

  json_object_set_string_member (root, "format", "raming-table");
  json_object_set_int_member (root, "version", 1);
  json_object_set_string_member (root, "language",
                                 raming_note_table_get_language (table) == RAMING_LANGUAGE_EN ? "en" : "nl");
  json_object_set_string_member (root, "title", raming_note_table_get_title (table));
  if (raming_document_get_municipality (document) != NULL)
    json_object_set_string_member (root, "municipality", raming_document_get_municipality (document));
  set_amount (root, "rounding", raming_document_get_rounding (document));

  for (guint c = 0; c <= RAMING_N_COLUMNS; c++)
    {
      JsonObject *column = json_object_new ();

      json_object_set_string_member (column, "id", c == 0 ? "measure" : column_ids[c - 1]);
      json_object_set_string_member (column, "header", raming_note_table_get_header (table, c));
      json_array_add_object_element (columns, column);
    }
  json_object_set_array_member (root, "columns", columns);

  for (guint i = 0; i < raming_note_table_get_n_rows (table); i++)
    json_array_add_object_element (rows, row_to_json (raming_note_table_get_row (table, i)));
  json_object_set_array_member (root, "rows", rows);
  json_object_set_object_member (root, "total", row_to_json (raming_note_table_get_total (table)));

  set_amount (summary, "national", raming_totals_get (totals, RAMING_TOTAL_NATIONAL));
  set_amount (summary, "result", raming_totals_get (totals, RAMING_TOTAL_RESULT));
  set_amount (summary, "original", raming_totals_get (totals, RAMING_TOTAL_ORIGINAL));
  set_amount (summary, "realistic", raming_totals_get (totals, RAMING_TOTAL_REALISTIC));
  set_amount (summary, "realistic_low", raming_totals_get (totals, RAMING_TOTAL_REALISTIC_LOW));
  set_amount (summary, "realistic_high", raming_totals_get (totals, RAMING_TOTAL_REALISTIC_HIGH));
  set_amount (summary, "p10", raming_totals_get (totals, RAMING_TOTAL_P10));
  set_amount (summary, "p50", raming_totals_get (totals, RAMING_TOTAL_P50));
  set_amount (summary, "p90", raming_totals_get (totals, RAMING_TOTAL_P90));
  if (raming_totals_get_has_target (totals))
    {
      set_amount (summary, "target", raming_totals_get (totals, RAMING_TOTAL_TARGET));
      set_amount (summary, "gap", raming_totals_get (totals, RAMING_TOTAL_GAP));
    }
  json_object_set_int_member (summary, "uncertainty_seed", raming_document_get_uncertainty_seed (document));
  json_object_set_int_member (summary, "uncertainty_samples", raming_document_get_uncertainty_samples (document));
  for (guint c = 0; c < RAMING_N_COLUMNS; c++)
    {
      g_autofree char *name = g_strdup_printf ("excluded_%s", column_ids[c]);

      json_object_set_int_member (summary, name, raming_totals_get_n_excluded (totals, c));
    }
  json_object_set_object_member (root, "summary", summary);

  for (guint i = 0; i < g_list_model_get_n_items (errors); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (errors, i);
      JsonObject *e = json_object_new ();

      if (RAMING_IS_CELL (item))
        {
          RamingCell *cell = RAMING_CELL (item);
          RamingMeasure *measure = raming_cell_get_measure (cell);

          json_object_set_string_member (e, "measure", raming_measure_get_id (measure));
          json_object_set_string_member (e, "column", column_ids[raming_cell_get_column (cell)]);
          json_object_set_string_member (e, "message", raming_cell_get_error (cell));
        }
      else
        {
          RamingAssumption *a = RAMING_ASSUMPTION (item);

          json_object_set_string_member (e, "assumption", raming_assumption_get_key (a));
          json_object_set_string_member (e, "message", raming_assumption_get_error (a));
        }
      json_array_add_object_element (error_list, e);
    }
  json_object_set_array_member (root, "errors", error_list);

  json_object_set_array_member (root, "footnotes", strings_to_json (raming_note_table_get_footnotes (table)));
  json_object_set_string_member (root, "gap_text", raming_note_table_get_gap_text (table));
  json_object_set_string_member (root, "band_text", raming_note_table_get_band_text (table));
  json_object_set_array_member (root, "sources", strings_to_json (raming_note_table_get_sources (table)));

  json_node_take_object (node, root);
  text = raming_json_to_string (node, TRUE, &length);
  return g_bytes_new_take (text, length);
}
