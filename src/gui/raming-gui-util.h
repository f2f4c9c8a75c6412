/* raming-gui-util.h: small helpers the window's widgets share
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

/* A widget of a template, by its id, and its tooltip (untranslated). */
typedef struct
{
  const char *id;
  const char *text;
} RamingGuiTooltip;

char            *raming_gui_format_cell       (RamingDocument  *document,
                                               RamingCell      *cell);
char            *raming_gui_column_title      (RamingDocument  *document,
                                               RamingColumn     column);
const char      *raming_gui_column_name       (RamingColumn     column);
char            *raming_gui_format_optional   (double           value,
                                               RamingLanguage   language,
                                               gboolean         percent);
gboolean         raming_gui_parse_optional    (const char      *text,
                                               RamingLanguage   language,
                                               gboolean         percent,
                                               double          *value,
                                               GError         **error);
RamingCellInput *raming_gui_keep_input_details (RamingCellInput *old_input,
                                               RamingCellInput *new_input);
char            *raming_gui_unique_id         (GListModel      *model,
                                               const char      *property,
                                               const char      *base);
GMenuModel      *raming_gui_status_menu       (RamingLanguage   language,
                                               const char      *action);
const char      *raming_gui_action_status_name (RamingActionStatus status);
const char      *raming_gui_partner_kind_name (RamingPartnerKind kind);
const char      *raming_gui_unit_name         (RamingUnit       unit);
void             raming_gui_get_today         (GDate           *today);
void             raming_gui_set_today         (const char      *iso_date);
char            *raming_gui_format_assumption_value (RamingAssumption *assumption,
                                                     RamingLanguage    language);
char            *raming_gui_assumption_edit_text    (RamingAssumption *assumption,
                                                     RamingLanguage    language);
GtkWidget       *raming_gui_find_descendant   (GtkWidget       *root,
                                               gboolean       (*match) (GtkWidget *widget,
                                                                        gpointer   data),
                                               gpointer         data);
void             raming_gui_limit_wrap_minimum (GtkWidget      *root);
void             raming_gui_share_drawing_font (GtkWidget      *root);
void             raming_gui_set_tooltip_text  (GtkWidget       *widget,
                                               const char      *text);
const char      *raming_gui_get_tooltip_text  (GtkWidget       *widget);
void             raming_gui_set_template_tooltips (GtkWidget              *widget,
                                                   GType                   template_type,
                                                   const RamingGuiTooltip *tooltips,
                                                   gsize                   n_tooltips);
void             raming_gui_show_undo_toast   (GtkWidget       *widget,
                                               const char      *message);
void             raming_gui_show_toast        (GtkWidget       *widget,
                                               const char      *message);
GSettings       *raming_gui_settings_new      (void);
gboolean         raming_gui_list_find         (GListModel      *model,
                                               gpointer         item,
                                               guint           *position);

G_END_DECLS
