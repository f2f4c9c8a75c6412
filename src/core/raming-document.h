/* raming-document.h: one savings analysis for one municipality and note
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "raming-action.h"
#include "raming-assumption.h"
#include "raming-cell.h"
#include "raming-error.h"
#include "raming-estimate.h"
#include "raming-measure.h"
#include "raming-partner.h"
#include "raming-result-entry.h"
#include "raming-source.h"
#include "raming-totals.h"
#include "raming-types.h"

G_BEGIN_DECLS

#define RAMING_FORMAT_NAME      "raming"
#define RAMING_FORMAT_VERSION   1
/* Larger files are refused: a real analysis is a few hundred kilobytes. */
#define RAMING_MAX_FILE_SIZE    (64 * 1024 * 1024)
#define RAMING_MAX_NESTING      64

#define RAMING_TYPE_DOCUMENT (raming_document_get_type ())

G_DECLARE_FINAL_TYPE (RamingDocument, raming_document, RAMING, DOCUMENT, GObject)

RamingDocument *raming_document_new                  (void);
RamingDocument *raming_document_new_standard         (RamingLanguage   language);
RamingDocument *raming_document_load_from_data       (const char      *data,
                                                      gssize           length,
                                                      GError         **error);
RamingDocument *raming_document_load_from_file       (GFile           *file,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
char           *raming_document_save_to_data         (RamingDocument  *self,
                                                      gsize           *length);
gboolean        raming_document_save_to_file         (RamingDocument  *self,
                                                      GFile           *file,
                                                      gboolean         check_changed_on_disk,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
gboolean        raming_document_equal                (RamingDocument  *a,
                                                      RamingDocument  *b);

/* Metadata and settings */
const char     *raming_document_get_title            (RamingDocument  *self);
const char     *raming_document_get_municipality     (RamingDocument  *self);
const char     *raming_document_get_note_title       (RamingDocument  *self);
const char     *raming_document_get_date             (RamingDocument  *self);
RamingLanguage  raming_document_get_language         (RamingDocument  *self);
void            raming_document_set_language         (RamingDocument  *self,
                                                      RamingLanguage   language);
double          raming_document_get_rounding         (RamingDocument  *self);
guint           raming_document_get_uncertainty_seed (RamingDocument  *self);
guint           raming_document_get_uncertainty_samples (RamingDocument *self);
gboolean        raming_document_get_show_national_total (RamingDocument *self);
gboolean        raming_document_get_show_group_subtotals (RamingDocument *self);
GFile          *raming_document_get_file             (RamingDocument  *self);
void            raming_document_set_file             (RamingDocument  *self,
                                                      GFile           *file);
const char     *raming_document_get_file_etag        (RamingDocument  *self);
void            raming_document_set_file_etag        (RamingDocument  *self,
                                                      const char      *etag);
gboolean        raming_document_get_modified         (RamingDocument  *self);
void            raming_document_set_modified         (RamingDocument  *self,
                                                      gboolean         modified);

void            raming_document_set_band_in_background (RamingDocument *self,
                                                        gboolean        background);
void            raming_document_set_default_band_in_background (gboolean background);
gboolean        raming_document_get_default_band_in_background (void);
void            raming_document_ensure_band          (RamingDocument  *self);

/* Contents */
GListModel     *raming_document_get_sources          (RamingDocument  *self);
GListModel     *raming_document_get_assumptions      (RamingDocument  *self);
GListModel     *raming_document_get_measures         (RamingDocument  *self);
GListModel     *raming_document_get_partners         (RamingDocument  *self);
GListModel     *raming_document_get_actions          (RamingDocument  *self);
RamingTotals   *raming_document_get_totals           (RamingDocument  *self);
GListModel     *raming_document_get_errors           (RamingDocument  *self);
RamingAssumption *raming_document_find_assumption    (RamingDocument  *self,
                                                      const char      *key);
RamingPartner  *raming_document_find_partner         (RamingDocument  *self,
                                                      const char      *id);
RamingMeasure  *raming_document_find_measure         (RamingDocument  *self,
                                                      const char      *id);
RamingSource   *raming_document_find_source          (RamingDocument  *self,
                                                      const char      *id);
RamingAssumption *raming_document_get_macro_share    (RamingDocument  *self);
RamingAssumption *raming_document_get_savings_target (RamingDocument  *self);
void            raming_document_foreach_measure      (RamingDocument  *self,
                                                      GFunc            func,
                                                      gpointer         user_data);
char           *raming_document_make_measure_id      (RamingDocument  *self,
                                                      const char      *title);

/* Edits that can be undone. Every change an adviser makes goes through
 * these, so that undo, the modified flag and autosave see it. */
void            raming_document_begin_edit           (RamingDocument  *self,
                                                      const char      *label);
void            raming_document_end_edit             (RamingDocument  *self);
void            raming_document_edit_property        (RamingDocument  *self,
                                                      gpointer         object,
                                                      const char      *property,
                                                      const GValue    *value);
void            raming_document_edit                 (RamingDocument  *self,
                                                      gpointer         object,
                                                      const char      *first_property,
                                                      ...) G_GNUC_NULL_TERMINATED;
void            raming_document_insert_item          (RamingDocument  *self,
                                                      GListModel      *list,
                                                      guint            position,
                                                      gpointer         item);
void            raming_document_remove_item          (RamingDocument  *self,
                                                      GListModel      *list,
                                                      guint            position);
void            raming_document_move_item            (RamingDocument  *self,
                                                      GListModel      *from,
                                                      guint            from_position,
                                                      GListModel      *to,
                                                      guint            to_position);
gboolean        raming_document_get_can_undo         (RamingDocument  *self);
gboolean        raming_document_get_can_redo         (RamingDocument  *self);
const char     *raming_document_get_undo_label       (RamingDocument  *self);
const char     *raming_document_get_redo_label       (RamingDocument  *self);
gboolean        raming_document_undo                 (RamingDocument  *self);
gboolean        raming_document_redo                 (RamingDocument  *self);

G_END_DECLS
