/* raming-application.h: the running application and its windows
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "raming-document.h"
#include "raming-window.h"

G_BEGIN_DECLS

#define RAMING_TYPE_APPLICATION (raming_application_get_type ())

G_DECLARE_FINAL_TYPE (RamingApplication, raming_application, RAMING, APPLICATION, AdwApplication)

RamingApplication *raming_application_new             (void);
int                raming_application_run             (const char * const *files,
                                                       gint64              started_at);
RamingWindow      *raming_application_find_window     (RamingApplication  *self,
                                                       GFile              *file);
RamingWindow      *raming_application_new_window      (RamingApplication  *self,
                                                       RamingDocument     *document);
RamingDocument    *raming_application_new_document    (void);
void               raming_application_offer_drafts    (RamingApplication  *self,
                                                       RamingWindow       *parent);

G_END_DECLS
