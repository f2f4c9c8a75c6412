/* raming-document-private.h: the document class across its files
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "raming-document.h"

G_BEGIN_DECLS

RamingDocument *_raming_document_new_detached (void);
void            _raming_document_go_live      (RamingDocument *self);
const char     *_raming_document_get_etag     (RamingDocument *self);
void            _raming_document_set_etag     (RamingDocument *self,
                                               const char     *etag);

G_END_DECLS
