/* raming-partners-page.h: referrers and partners and their figures
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "raming-document.h"

G_BEGIN_DECLS

#define RAMING_TYPE_PARTNERS_PAGE (raming_partners_page_get_type ())

G_DECLARE_FINAL_TYPE (RamingPartnersPage, raming_partners_page, RAMING, PARTNERS_PAGE, GtkWidget)

void     raming_partners_page_set_document   (RamingPartnersPage *self,
                                              RamingDocument     *document);
gboolean raming_partners_page_select_partner (RamingPartnersPage *self,
                                              RamingPartner      *partner);

G_END_DECLS
