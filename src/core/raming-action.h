/* raming-action.h: an action item from the note's conclusions
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "raming-types.h"

G_BEGIN_DECLS

#define RAMING_TYPE_ACTION (raming_action_get_type ())

G_DECLARE_FINAL_TYPE (RamingAction, raming_action, RAMING, ACTION, GObject)

RamingAction       *raming_action_new              (const char         *id,
                                                    const char         *title);
const char         *raming_action_get_id           (RamingAction       *self);
void                raming_action_set_id           (RamingAction       *self,
                                                    const char         *id);
const char         *raming_action_get_title        (RamingAction       *self);
void                raming_action_set_title        (RamingAction       *self,
                                                    const char         *title);
const char         *raming_action_get_description  (RamingAction       *self);
void                raming_action_set_description  (RamingAction       *self,
                                                    const char         *description);
const char         *raming_action_get_owner        (RamingAction       *self);
void                raming_action_set_owner        (RamingAction       *self,
                                                    const char         *owner);
const char         *raming_action_get_due          (RamingAction       *self);
void                raming_action_set_due          (RamingAction       *self,
                                                    const char         *due);
const char         *raming_action_get_period       (RamingAction       *self);
void                raming_action_set_period       (RamingAction       *self,
                                                    const char         *period);
RamingActionStatus  raming_action_get_status       (RamingAction       *self);
void                raming_action_set_status       (RamingAction       *self,
                                                    RamingActionStatus  status);
const char * const *raming_action_get_measures     (RamingAction       *self);
void                raming_action_set_measures     (RamingAction       *self,
                                                    const char * const *measures);
const char         *raming_action_get_source       (RamingAction       *self);
void                raming_action_set_source       (RamingAction       *self,
                                                    const char         *source);
const char         *raming_action_get_page         (RamingAction       *self);
void                raming_action_set_page         (RamingAction       *self,
                                                    const char         *page);
GDate              *raming_action_dup_due_date     (RamingAction       *self);
gboolean            raming_action_is_overdue       (RamingAction       *self,
                                                    const GDate        *today);
gboolean            raming_parse_iso_date          (const char         *text,
                                                    GDate              *date);

const char         *raming_action_status_to_id     (RamingActionStatus  status);
RamingActionStatus  raming_action_status_from_id   (const char         *id,
                                                    gboolean           *ok);

G_END_DECLS
