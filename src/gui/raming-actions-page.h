/* raming-actions-page.h: the action items from the note's conclusions
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_ACTIONS_PAGE (raming_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (RamingActionsPage, raming_actions_page, RAMING, ACTIONS_PAGE, GtkWidget)

/* What the status filter shows: everything, one status, or what is late */
typedef enum
{
  RAMING_ACTIONS_FILTER_ALL,
  RAMING_ACTIONS_FILTER_OPEN,
  RAMING_ACTIONS_FILTER_IN_PROGRESS,
  RAMING_ACTIONS_FILTER_DONE,
  RAMING_ACTIONS_FILTER_DROPPED,
  RAMING_ACTIONS_FILTER_OVERDUE,
} RamingActionsFilter;

void        raming_actions_page_set_document (RamingActionsPage  *self,
                                              RamingDocument     *document);
gboolean    raming_actions_page_select_action (RamingActionsPage *self,
                                              RamingAction       *action);
void        raming_actions_page_set_filter   (RamingActionsPage  *self,
                                              RamingActionsFilter filter);
GListModel *raming_actions_page_get_model    (RamingActionsPage  *self);

G_END_DECLS
