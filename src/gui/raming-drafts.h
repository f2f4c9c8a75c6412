/* raming-drafts.h: unsaved work kept safe between crashes
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "raming-document.h"

G_BEGIN_DECLS

typedef struct
{
  char  *id;
  char  *path;        /* the draft's .raming file */
  char  *title;       /* the original's name, or the document title */
  GFile *original;    /* the file the draft belongs to, or NULL */
  char  *etag;        /* what that file was when last read or saved */
  gint64 modified;    /* seconds since the epoch */
} RamingDraft;

char        *raming_drafts_get_dir   (void);
char        *raming_drafts_new_id    (void);
gboolean     raming_drafts_save      (const char      *id,
                                      RamingDocument  *document,
                                      GError         **error);
void         raming_drafts_remove    (const char      *id);
GPtrArray   *raming_drafts_list      (void);
RamingDocument *raming_draft_load    (RamingDraft     *draft,
                                      GError         **error);
void         raming_draft_free       (RamingDraft     *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RamingDraft, raming_draft_free)

G_END_DECLS
