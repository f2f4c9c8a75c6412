/* raming-note-table.h: the table of the note's appendix, ready to render
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "raming-document.h"

G_BEGIN_DECLS

typedef enum
{
  RAMING_NOTE_ROW_MEASURE,
  RAMING_NOTE_ROW_GROUP,
  RAMING_NOTE_ROW_TOTAL,
} RamingNoteRowKind;

typedef struct
{
  RamingCellKind    kind;
  double            value;     /* unrounded; 0 unless kind is VALUE */
  double            rounded;   /* as shown */
  gboolean          shown;     /* FALSE: the cell is left empty in the note */
  char             *text;      /* as shown in the note, e.g. "800.000 (2019 ev)" */
  char             *amount_text;  /* the amount alone, e.g. "800.000" */
  char             *label;     /* result periods, e.g. "2019 ev" */
  RamingCellStatus  status;
  char             *status_text;
  char             *error;
} RamingNoteCell;

typedef struct
{
  RamingNoteRowKind  kind;
  guint              depth;
  char              *id;
  char              *title;    /* as in the note: "– Dyslexiezorg", "… jeugdhulp*" */
  char              *plain_title;
  char              *marker;   /* footnote marker, or NULL */
  RamingNoteCell     cells[RAMING_N_COLUMNS];
} RamingNoteRow;

typedef struct
{
  char *title;
  char *owner;
  char *due;
  char *status;
  char *measures;
} RamingNoteAction;

typedef struct _RamingNoteTable RamingNoteTable;

RamingNoteTable        *raming_note_table_new             (RamingDocument  *document,
                                                           RamingLanguage   language);
void                    raming_note_table_free            (RamingNoteTable *self);
RamingLanguage          raming_note_table_get_language    (RamingNoteTable *self);
const char             *raming_note_table_get_title       (RamingNoteTable *self);
const char             *raming_note_table_get_subtitle    (RamingNoteTable *self);
const char             *raming_note_table_get_header      (RamingNoteTable *self,
                                                           guint            column);
guint                   raming_note_table_get_n_rows      (RamingNoteTable *self);
const RamingNoteRow    *raming_note_table_get_row         (RamingNoteTable *self,
                                                           guint            position);
const RamingNoteRow    *raming_note_table_get_total       (RamingNoteTable *self);
GPtrArray              *raming_note_table_get_footnotes   (RamingNoteTable *self);
const char             *raming_note_table_get_gap_text    (RamingNoteTable *self);
const char             *raming_note_table_get_band_text   (RamingNoteTable *self);
GPtrArray              *raming_note_table_get_sources     (RamingNoteTable *self);
GPtrArray              *raming_note_table_get_actions     (RamingNoteTable *self);
const char             *raming_note_table_get_string      (RamingNoteTable *self,
                                                           const char      *id);
RamingDocument         *raming_note_table_get_document    (RamingNoteTable *self);

char                   *raming_note_cell_text             (RamingDocument  *document,
                                                           RamingMeasure   *measure,
                                                           RamingColumn     column,
                                                           RamingLanguage   language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RamingNoteTable, raming_note_table_free)

G_END_DECLS
